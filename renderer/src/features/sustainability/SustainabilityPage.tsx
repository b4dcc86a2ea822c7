import { useState } from 'react';
import type { Period, SustainabilitySummary } from '../../../../shared/sustainability';
import { formatClockSeconds } from '../../lib/format';
import { useAppStore } from '../../store/appStore';
import { sessionCan } from '../session/sessionSlice';
import { ExportCsvButton } from './ExportCsvButton';
import { HeadlineTiles } from './HeadlineTiles';
import { IdleRule } from './IdleRule';
import { Leaderboards } from './Leaderboards';
import { PeriodSelector } from './PeriodSelector';
import { ReportView } from './ReportView';
import { SavingsPanel } from './SavingsPanel';
import { TrendChart } from './TrendChart';
import { useSustainability } from './useSustainability';
import { PERIOD_LABELS, dateTime, measuredSince } from './wasteFormat';

interface Status {
  text: string;
  isError: boolean;
}

/**
 * The Sustainability area (issue 8): what idle GPUs cost — energy, CO2e and money — over a period, by
 * site, country, tenant, model and node; what powering down wholly idle nodes would save; the idle
 * rule; CSV export and a printable report. Figures come from the core's ledger, polled every 5 s.
 */
export function SustainabilityPage() {
  const [period, setPeriod] = useState<Period>('day');
  const [report, setReport] = useState<SustainabilitySummary | null>(null);
  const [status, setStatus] = useState<Status>({ text: '', isError: false });
  const view = useSustainability(period, report !== null);
  const canReports = useAppStore((s) => sessionCan(s.session, 'reports'));

  if (report) return <ReportView summary={report} onBack={() => setReport(null)} />;

  const s = view.summary;
  const ready = s !== null && s.period === period;

  return (
    <div
      className="page sus-page"
      data-testid="sustainability-page"
      data-period={s?.period ?? ''}
      aria-busy={view.loading || undefined}
    >
      <div className="sus-head">
        <h1 className="page-title">Sustainability</h1>
        <PeriodSelector value={period} onChange={setPeriod} />
        <IdleRule
          settings={s?.settings ?? null}
          canEdit={canReports}
          onSaved={(text) => {
            setStatus({ text, isError: false });
            view.refresh();
          }}
        />
        <div className="button-row sus-actions">
          {canReports && (
            <ExportCsvButton period={period} onStatus={(text, isError) => setStatus({ text, isError })} />
          )}
          <button
            type="button"
            className="button"
            disabled={!ready}
            title={
              ready
                ? `A printable report of ${PERIOD_LABELS[period].toLowerCase()}`
                : 'Waiting for the figures…'
            }
            onClick={() => ready && setReport(s)}
          >
            Print report
          </button>
        </div>
      </div>

      <p className={`page-status${status.isError ? ' is-error' : ''}`} role="status" data-testid="sus-status">
        {status.text}
      </p>

      {s === null ? (
        view.error ? (
          <p className="inline-notice" role="alert" data-testid="sus-error">
            Could not load the sustainability figures: {view.error.message}
          </p>
        ) : (
          <p className="sus-placeholder" data-testid="sus-loading">
            Loading…
          </p>
        )
      ) : (
        <>
          {view.error && (
            <p className="inline-notice" role="alert" data-testid="sus-error">
              Could not refresh the figures: {view.error.message}. Showing those of {formatClockSeconds(s.at)}{' '}
              ({PERIOD_LABELS[s.period]}).
            </p>
          )}
          {s.method.notes.map((n) => (
            <p key={n} className="inline-notice" data-testid="sus-note">
              {n}
            </p>
          ))}
          <p className="sus-range muted" data-testid="sus-range">
            {PERIOD_LABELS[s.period]}: {dateTime(s.from)} – {dateTime(s.to)} ·{' '}
            {measuredSince(s.observedFrom, s.at)}
            {view.loading && ` · loading ${PERIOD_LABELS[period]}…`}
          </p>
          {s.observedFrom === null ? (
            <p className="sus-placeholder" data-testid="sus-empty">
              No readings yet — the ledger starts with the first scrape.
            </p>
          ) : (
            <div className={`sus-body${view.loading ? ' is-loading' : ''}`}>
              <HeadlineTiles summary={s} />
              <div className="sus-grid">
                <TrendChart trend={s.trend} period={s.period} />
                <SavingsPanel savings={s.savings} sites={s.sites} />
              </div>
              <Leaderboards summary={s} />
            </div>
          )}
        </>
      )}
    </div>
  );
}
