import { useId, type ChangeEvent } from 'react';
import { AUDIT_OUTCOMES } from '../../../../shared/audit';
import { OUTCOME_WORDS } from './auditFormat';
import {
  EMPTY_FILTER_FORM,
  FILTER_MAX_LENGTH,
  isFormEmpty,
  isOutcome,
  type AuditFilterForm,
} from './auditFilter';

interface Props {
  form: AuditFilterForm;
  onChange: (form: AuditFilterForm) => void;
  /** A problem with the filter as applied (an empty time range), shown beside it. */
  problem: string | null;
}

const TEXT_FIELDS = [
  { key: 'actor', label: 'Actor', placeholder: 'user or profile' },
  { key: 'action', label: 'Action', placeholder: 'e.g. session.role' },
  { key: 'target', label: 'Target', placeholder: 'site, node, role…' },
] as const;

/** The audit filters. The page debounces them, so every keystroke may simply update the form. */
export function AuditFilters({ form, onChange, problem }: Props) {
  const id = useId();
  const set =
    <K extends keyof AuditFilterForm>(key: K) =>
    (e: ChangeEvent<HTMLInputElement | HTMLSelectElement>) =>
      onChange({ ...form, [key]: e.target.value });
  const problemId = `${id}-problem`;

  return (
    <div className="audit-filters" role="search" aria-label="Filter the audit log">
      {TEXT_FIELDS.map((f) => (
        <div className="field" key={f.key}>
          <label htmlFor={`${id}-${f.key}`}>{f.label}</label>
          <input
            id={`${id}-${f.key}`}
            type="search"
            value={form[f.key]}
            onChange={set(f.key)}
            placeholder={f.placeholder}
            maxLength={FILTER_MAX_LENGTH[f.key]}
            autoComplete="off"
            spellCheck={false}
          />
        </div>
      ))}
      <div className="field">
        <label htmlFor={`${id}-outcome`}>Outcome</label>
        <select
          id={`${id}-outcome`}
          value={form.outcome}
          onChange={(e) => onChange({ ...form, outcome: isOutcome(e.target.value) ? e.target.value : '' })}
        >
          <option value="">Any</option>
          {AUDIT_OUTCOMES.map((o) => (
            <option key={o} value={o}>
              {OUTCOME_WORDS[o]}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-from`}>From</label>
        <input
          id={`${id}-from`}
          type="datetime-local"
          step={1}
          value={form.from}
          onChange={set('from')}
          aria-describedby={problem ? problemId : undefined}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-to`}>Until</label>
        <input
          id={`${id}-to`}
          type="datetime-local"
          step={1}
          value={form.to}
          onChange={set('to')}
          aria-describedby={problem ? problemId : undefined}
        />
      </div>
      <div className="field field-button">
        <button
          type="button"
          className="text-button"
          onClick={() => onChange(EMPTY_FILTER_FORM)}
          disabled={isFormEmpty(form)}
        >
          Clear filters
        </button>
      </div>
      {problem && (
        <p className="filter-problem" id={problemId}>
          {problem}
        </p>
      )}
    </div>
  );
}
