import { HistoryFormView } from './HistoryFormView';
import { PeriodViolations } from './PeriodViolations';
import { ResidencyTable } from './ResidencyTable';
import { countOf, dateTime, scopeText } from './residencyFormat';
import type { ResidencyHistory } from './useResidencyHistory';
import { WorkloadTimelines } from './WorkloadTimelines';

interface Props {
  history: ResidencyHistory;
  /** Names for the selects beyond those the answers gave (the workloads running now). */
  tenantsNow: readonly string[];
  dataClassesNow: readonly string[];
}

/** The auditor's question and its answer: time per jurisdiction, each workload's stays, violations. */
export function HistorySection({ history: h, tenantsNow, dataClassesNow }: Props) {
  const a = h.answer;
  return (
    <div className="sov-history" data-testid="sov-history" aria-busy={h.loading || undefined}>
      <HistoryFormView
        form={h.form}
        onChange={h.setForm}
        onRun={h.run}
        tenants={[...h.seen.tenants, ...tenantsNow]}
        dataClasses={[...h.seen.dataClasses, ...dataClassesNow]}
        loading={h.loading}
      />
      {h.error && (
        <p className="inline-notice" role="alert" data-testid="sov-history-error">
          Could not answer the question: {h.error.message}
        </p>
      )}
      {a === null ? (
        <p className="sov-empty">{h.loading ? 'Reading the residency history…' : 'Ask a question above.'}</p>
      ) : (
        <div className={`sov-answer${h.loading ? ' is-loading' : ''}`} data-testid="sov-answer">
          <p className="sov-answer-scope muted" data-testid="answer-scope">
            {dateTime(a.query.from)} – {dateTime(a.query.to)} · {scopeText(a.query)} ·{' '}
            {countOf(a.workloads.length, 'workload')}, {countOf(a.violations.length, 'violation')}
            {h.loading && ' · asking again…'}
          </p>
          <section aria-labelledby="sov-h-res">
            <h2 className="section-title" id="sov-h-res">
              Time per jurisdiction
            </h2>
            <ResidencyTable rows={a.byJurisdiction} caption="Time per tenant, data class and jurisdiction" />
          </section>
          <section aria-labelledby="sov-h-tl">
            <h2 className="section-title" id="sov-h-tl">
              Where each workload ran
            </h2>
            <WorkloadTimelines answer={a} now={h.answeredAt ?? a.query.to} />
          </section>
          <section aria-labelledby="sov-h-vio">
            <h2 className="section-title" id="sov-h-vio">
              Violations in the period
            </h2>
            <PeriodViolations
              violations={a.violations}
              now={h.answeredAt ?? a.query.to}
              caption="Violations in the period and how each ended"
            />
          </section>
        </div>
      )}
    </div>
  );
}
