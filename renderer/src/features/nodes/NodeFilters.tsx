import { useId } from 'react';
import type { NodePage, NodeQuery } from '../../../../shared/nodes';
import { countryName } from '../../lib/country';
import { clearFilters, HOT_TEMP_C, isFiltered, pickedOne, pickOne } from './nodeQuery';
import { shortModel } from './nodeText';

interface Props {
  query: NodeQuery;
  facets: NodePage['facets'] | null;
  onChange: (query: NodeQuery) => void;
}

/** Search, the three pickers (values from the core's facets) and the three quick filters. */
export function NodeFilters({ query, facets, onChange }: Props) {
  const id = useId();
  const set = (patch: Partial<NodeQuery>) => onChange({ ...query, ...patch });
  return (
    <div className="nodes-filters" role="search" aria-label="Node filters">
      <div className="field nodes-search">
        <label htmlFor={`${id}-text`} className="visually-hidden">
          Search nodes
        </label>
        <input
          id={`${id}-text`}
          type="search"
          value={query.text}
          maxLength={200}
          placeholder="Search host, site, model, state…"
          autoComplete="off"
          spellCheck={false}
          onChange={(e) => set({ text: e.target.value })}
        />
      </div>
      <Picker
        label="Country"
        any="All countries"
        value={pickedOne(query.countries)}
        options={facets?.countries ?? []}
        describe={(c) => `${countryName(c)} (${c})`}
        onChange={(v) => set({ countries: pickOne(v) })}
      />
      <Picker
        label="Model"
        any="All models"
        value={pickedOne(query.models)}
        options={facets?.models ?? []}
        describe={shortModel}
        onChange={(v) => set({ models: pickOne(v) })}
      />
      <Picker
        label="Scheduler state"
        any="All states"
        value={pickedOne(query.schedulerStates)}
        options={facets?.schedulerStates ?? []}
        describe={(s) => s}
        onChange={(v) => set({ schedulerStates: pickOne(v) })}
      />
      <label className="toggle" title={`Nodes with a GPU at or above ${HOT_TEMP_C} °C`}>
        <input
          type="checkbox"
          checked={query.minTempC !== null}
          onChange={(e) => set({ minTempC: e.target.checked ? HOT_TEMP_C : null })}
        />
        Hot only
      </label>
      <label className="toggle" title="Nodes whose GPUs reported an XID error">
        <input type="checkbox" checked={query.withXid} onChange={(e) => set({ withXid: e.target.checked })} />
        With XID
      </label>
      <label className="toggle" title="Nodes with firing alerts">
        <input
          type="checkbox"
          checked={query.withAlerts}
          onChange={(e) => set({ withAlerts: e.target.checked })}
        />
        With alerts
      </label>
      {isFiltered(query) && (
        <button type="button" className="text-button" onClick={() => onChange(clearFilters(query))}>
          Clear filters
        </button>
      )}
    </div>
  );
}

interface PickerProps {
  label: string;
  any: string;
  value: string;
  options: readonly string[];
  describe: (v: string) => string;
  onChange: (v: string) => void;
}

function Picker({ label, any, value, options, describe, onChange }: PickerProps) {
  // A saved filter may name a value the fleet no longer has: keep it choosable so the select tells the truth.
  const all = value !== '' && !options.includes(value) ? [value, ...options] : options;
  return (
    <select aria-label={label} title={label} value={value} onChange={(e) => onChange(e.target.value)}>
      <option value="">{any}</option>
      {all.map((o) => (
        <option key={o} value={o}>
          {describe(o)}
        </option>
      ))}
    </select>
  );
}
