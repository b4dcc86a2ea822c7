import type { SustainabilitySummary } from '../../../../shared/sustainability';
import { usePrintOnShow } from '../../lib/usePrintOnShow';
import { WasteTable } from './WasteTable';
import { reportMethodNotes } from './reportText';
import {
  PERIOD_LABELS,
  countOf,
  dateTime,
  formatIdleKw,
  formatKgCo2,
  formatKwh,
  formatMoneyList,
  formatShare,
} from './wasteFormat';

interface Props {
  /** The summary as it was when "Print report" was pressed: the report does not move while printed. */
  summary: SustainabilitySummary;
  onBack: () => void;
}

/**
 * The printable report (issue 8): title, period, method, headline figures and the site, country and
 * tenant tables, on white when printed (styles.css, "Printable reports" and "Sustainability"). It asks
 * the browser to print once shown; in served mode Chromium's "Save as PDF" makes the PDF.
 */
export function ReportView({ summary, onBack }: Props) {
  const headingRef = usePrintOnShow<HTMLHeadingElement>();

  const f = summary.fleet;
  const figures: [string, string][] = [
    ['Idle draw now', `${formatIdleKw(f.idleKwNow)} (${countOf(f.idleGpusNow, 'GPU')} idle)`],
    ['Idle energy (IT)', formatKwh(f.idleItKwh)],
    ['Idle energy (facility)', formatKwh(f.idleFacilityKwh)],
    [
      'Idle emissions',
      (f.kgCO2 === null ? 'no grid data' : formatKgCo2(f.kgCO2)) +
        (f.kwhWithoutCarbon > 0 ? ` + ${formatKwh(f.kwhWithoutCarbon)} without grid data` : ''),
    ],
    [
      'Idle cost',
      (f.money.length > 0 ? formatMoneyList(f.money) : 'no tariff') +
        (f.kwhWithoutTariff > 0 ? ` + ${formatKwh(f.kwhWithoutTariff)} without a tariff` : ''),
    ],
    ['Idle share of GPU energy', `${formatShare(f.idleShare)} of ${formatKwh(f.totalItKwh)}`],
    ['Coverage', formatShare(f.coverage)],
  ];

  return (
    <article
      className="print-report sus-report"
      data-testid="sustainability-report"
      aria-labelledby="sus-report-title"
    >
      <div className="button-row print-report-no-print">
        <button type="button" className="button" onClick={onBack}>
          Back to the page
        </button>
        <button type="button" className="button is-primary" onClick={() => window.print()}>
          Print
        </button>
        <span className="hint">In the print dialog, choose “Save as PDF” for a PDF.</span>
      </div>

      <header className="sus-report-head">
        <h1
          className="print-report-title sus-report-title"
          id="sus-report-title"
          ref={headingRef}
          tabIndex={-1}
        >
          Idle GPU energy report
        </h1>
        <p data-testid="report-period">
          {PERIOD_LABELS[summary.period]}: {dateTime(summary.from)} – {dateTime(summary.to)}
          <span className="muted"> · generated {dateTime(summary.at)}</span>
        </p>
      </header>

      <section aria-labelledby="sus-report-figures">
        <h2 className="print-report-h2" id="sus-report-figures">
          Headline figures
        </h2>
        <table className="print-report-facts">
          <tbody>
            {figures.map(([k, v]) => (
              <tr key={k}>
                <th scope="row">{k}</th>
                <td>{v}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section aria-labelledby="sus-report-method">
        <h2 className="print-report-h2" id="sus-report-method">
          Method
        </h2>
        <ul className="sus-report-method" data-testid="report-method">
          {reportMethodNotes(summary).map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="sus-report-sites">
        <h2 className="print-report-h2" id="sus-report-sites">
          Sites
        </h2>
        <WasteTable kind="sites" rows={summary.sites} caption="Idle energy by site" />
      </section>
      <section aria-labelledby="sus-report-countries">
        <h2 className="print-report-h2" id="sus-report-countries">
          Countries
        </h2>
        <WasteTable kind="countries" rows={summary.countries} caption="Idle energy by country" />
      </section>
      <section aria-labelledby="sus-report-tenants">
        <h2 className="print-report-h2" id="sus-report-tenants">
          Tenants
        </h2>
        <WasteTable kind="tenants" rows={summary.tenants} caption="Idle energy by tenant" />
      </section>
    </article>
  );
}
