import { useEffect, useState } from 'react';
import type { ResidencyAnswer, ResidencyQuery } from '../../../../shared/residency';
import type { AppError } from '../../../../shared/result';
import { useClient } from '../../app/clientContext';
import { defaultForm, formToQuery, type HistoryForm } from './historyForm';

interface Asked {
  query: ResidencyQuery;
  /** Asking the same question again is a new request (the history has grown meanwhile). */
  n: number;
}

interface Answered {
  n: number;
  answer: ResidencyAnswer | null;
  /** Wall-clock ms the answer arrived: open stays run up to about then. */
  at: number | null;
  error: AppError | null;
}

export interface ResidencyHistory {
  form: HistoryForm;
  setForm(f: HistoryForm): void;
  /** Ask 'residency.query' for `form` (or the current form); false when the form is not a valid query. */
  run(form?: HistoryForm): boolean;
  /** The latest answer, for the question it names itself (answer.query). */
  answer: ResidencyAnswer | null;
  /** When the answer arrived (wall clock): its open stays and violations run up to about then. */
  answeredAt: number | null;
  error: AppError | null;
  loading: boolean;
  /** Tenants and data classes every answer so far has named, for the form's selects. */
  seen: { tenants: ReadonlySet<string>; dataClasses: ReadonlySet<string> };
}

/**
 * The History form, its last answer and the names seen, kept by the page so they outlive a tab
 * switch and the Report tab reports exactly the question History shows. The default question (the
 * last 24 h, everything) is asked once on mount.
 */
export function useResidencyHistory(initialNow: number): ResidencyHistory {
  const client = useClient();
  const [form, setForm] = useState<HistoryForm>(() => defaultForm(initialNow));
  const [asked, setAsked] = useState<Asked | null>(() => {
    const q = formToQuery(defaultForm(initialNow));
    return q.ok ? { query: q.query, n: 0 } : null;
  });
  const [answered, setAnswered] = useState<Answered | null>(null);
  const [seen, setSeen] = useState({ tenants: new Set<string>(), dataClasses: new Set<string>() });

  useEffect(() => {
    if (!asked) return undefined;
    let stale = false;
    void client.call('residency.query', asked.query).then((r) => {
      if (stale) return;
      if (!r.ok) {
        setAnswered((prev) => ({
          n: asked.n,
          answer: prev?.answer ?? null,
          at: prev?.at ?? null,
          error: r.error,
        }));
        return;
      }
      setAnswered({ n: asked.n, answer: r.value, at: Date.now(), error: null });
      setSeen((s) => {
        const tenants = new Set(s.tenants);
        const dataClasses = new Set(s.dataClasses);
        for (const row of [...r.value.byJurisdiction, ...r.value.workloads]) {
          tenants.add(row.tenant);
          dataClasses.add(row.dataClass);
        }
        return tenants.size === s.tenants.size && dataClasses.size === s.dataClasses.size
          ? s
          : { tenants, dataClasses };
      });
    });
    return () => {
      stale = true;
    };
  }, [client, asked]);

  const run = (f: HistoryForm = form): boolean => {
    const q = formToQuery(f);
    if (!q.ok) return false;
    setAsked((a) => ({ query: q.query, n: (a?.n ?? 0) + 1 }));
    return true;
  };

  return {
    form,
    setForm,
    run,
    answer: answered?.answer ?? null,
    answeredAt: answered?.at ?? null,
    error: answered?.n === asked?.n ? (answered?.error ?? null) : null,
    loading: asked !== null && answered?.n !== asked.n,
    seen,
  };
}
