import { useState, type FormEvent } from 'react';
import type { NodeQuery } from '../../../../shared/nodes';
import {
  filterNameProblem,
  loadSavedFilters,
  MAX_FILTER_NAME,
  removeFilter,
  storeSavedFilters,
  upsertFilter,
  type SavedFilter,
} from './savedFilters';
import { queryKey } from './nodeQuery';

interface Props {
  query: NodeQuery;
  onApply: (query: NodeQuery) => void;
}

/** Name the current query and keep it in this browser; each saved one re-applies with a click. */
export function SavedFilters({ query, onApply }: Props) {
  const [filters, setFilters] = useState<SavedFilter[]>(() => loadSavedFilters());
  const [name, setName] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const current = queryKey(query);

  const persist = (next: SavedFilter[]) => {
    setFilters(next);
    setProblem(
      storeSavedFilters(next) ? null : 'This browser refused to store the filters (storage full or off).',
    );
  };

  const save = (e: FormEvent) => {
    e.preventDefault();
    const p = filterNameProblem(name);
    if (p) {
      setProblem(p);
      return;
    }
    persist(upsertFilter(filters, name, query));
    setName('');
  };

  return (
    <div className="saved-filters">
      <form className="saved-filters-form" onSubmit={save}>
        <input
          type="text"
          aria-label="Name for the current filter"
          placeholder="Name this filter…"
          value={name}
          maxLength={MAX_FILTER_NAME}
          onChange={(e) => {
            setName(e.target.value);
            setProblem(null);
          }}
        />
        <button type="submit" className="button">
          Save filter
        </button>
      </form>
      {filters.length > 0 && (
        <ul className="saved-filter-list" aria-label="Saved filters">
          {filters.map((f) => (
            <li key={f.name} className={`saved-filter${queryKey(f.query) === current ? ' is-current' : ''}`}>
              <button
                type="button"
                className="saved-filter-apply"
                aria-label={`Apply saved filter ${f.name}`}
                onClick={() => onApply(f.query)}
              >
                {f.name}
              </button>
              <button
                type="button"
                className="saved-filter-remove"
                aria-label={`Delete saved filter ${f.name}`}
                title="Delete"
                onClick={() => persist(removeFilter(filters, f.name))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <p className="form-error saved-filters-problem" role="status">
        {problem}
      </p>
    </div>
  );
}
