import { useId, useState, type FormEvent } from 'react';
import { clipText } from '../../lib/oneLine';
import { QUICK_RANGES, formToQuery, optionList, rangeEndingNow, type HistoryForm } from './historyForm';

interface Props {
  form: HistoryForm;
  onChange(f: HistoryForm): void;
  /** Ask with this form; false when it is not a valid question. */
  onRun(f: HistoryForm): boolean;
  tenants: Iterable<string>;
  dataClasses: Iterable<string>;
  loading: boolean;
}

/**
 * The auditor's question: whose workloads (tenant, data class, one workload), between when and when.
 * The quick ranges end now and ask at once.
 */
export function HistoryFormView({ form, onChange, onRun, tenants, dataClasses, loading }: Props) {
  const id = useId();
  const [problem, setProblem] = useState<{ field: 'from' | 'to'; error: string } | null>(null);
  const set = (patch: Partial<HistoryForm>) => {
    onChange({ ...form, ...patch });
    setProblem(null);
  };
  const ask = (f: HistoryForm) => {
    const q = formToQuery(f);
    setProblem(q.ok ? null : { field: q.field, error: q.error });
    if (q.ok) onRun(f);
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    ask(form);
  };

  return (
    <form className="sov-form" onSubmit={submit} aria-label="Residency question" noValidate>
      <div className="field">
        <label htmlFor={`${id}-tenant`}>Tenant</label>
        <select id={`${id}-tenant`} value={form.tenant} onChange={(e) => set({ tenant: e.target.value })}>
          <option value="">All tenants</option>
          {optionList(tenants, form.tenant).map((t) => (
            // A tenant is a Slurm account, any length: its option is cut so the list stays on screen.
            <option key={t} value={t}>
              {clipText(t, 80)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-class`}>Data class</label>
        <select
          id={`${id}-class`}
          value={form.dataClass}
          onChange={(e) => set({ dataClass: e.target.value })}
        >
          <option value="">All data classes</option>
          {optionList(dataClasses, form.dataClass).map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-workload`}>Workload id (optional)</label>
        <input
          id={`${id}-workload`}
          type="text"
          value={form.workload}
          maxLength={256}
          spellCheck={false}
          placeholder="any"
          onChange={(e) => set({ workload: e.target.value })}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-from`}>From</label>
        <input
          id={`${id}-from`}
          type="datetime-local"
          value={form.from}
          aria-invalid={problem?.field === 'from' || undefined}
          aria-describedby={problem?.field === 'from' ? `${id}-problem` : undefined}
          onChange={(e) => set({ from: e.target.value })}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-to`}>To</label>
        <input
          id={`${id}-to`}
          type="datetime-local"
          value={form.to}
          aria-invalid={problem?.field === 'to' || undefined}
          aria-describedby={problem?.field === 'to' ? `${id}-problem` : undefined}
          onChange={(e) => set({ to: e.target.value })}
        />
      </div>
      <div className="button-row sov-form-actions" role="group" aria-label="Quick periods">
        {QUICK_RANGES.map((r) => (
          <button
            key={r.id}
            type="button"
            className="button"
            data-range={r.id}
            onClick={() => {
              const next = { ...form, ...rangeEndingNow(Date.now(), r.ms) };
              onChange(next);
              ask(next);
            }}
          >
            {r.label}
          </button>
        ))}
        <button type="submit" className="button is-primary" aria-disabled={loading || undefined}>
          Show residency
        </button>
      </div>
      <p className="form-error sov-form-error" id={`${id}-problem`} role="alert">
        {problem?.error ?? ''}
      </p>
    </form>
  );
}
