import { saveTextFile } from '../../lib/saveTextFile';
import { usePrintOnShow } from '../../lib/usePrintOnShow';
import { PeriodViolations } from './PeriodViolations';
import type { ReportDoc } from './reportDoc';
import { ResidencyTable } from './ResidencyTable';
import { countOf, dateTime, scopeText } from './residencyFormat';

interface Props {
  /** The report as the core made it: the page prints exactly what the CSV of that SHA-256 holds. */
  doc: ReportDoc;
  onBack(): void;
}

/**
 * The printable evidence report: period, scope, the policy's SHA-256, time per jurisdiction and the
 * violations, and in the footer the SHA-256 of the CSV the audit log recorded, so a printed copy can
 * be tied to its file. On white when printed (styles.css, "Printable reports" and "Sovereignty"); it
 * asks the browser to print once laid out.
 */
export function EvidenceReport({ doc, onBack }: Props) {
  const headingRef = usePrintOnShow<HTMLHeadingElement>();
  const a = doc.answer;

  return (
    <article
      className="print-report sov-report"
      data-testid="sovereignty-report"
      aria-labelledby="sov-report-title"
    >
      <div className="button-row print-report-no-print">
        <button type="button" className="button" onClick={onBack}>
          Back to the page
        </button>
        <button type="button" className="button is-primary" onClick={() => window.print()}>
          Print
        </button>
        <button
          type="button"
          className="button"
          onClick={() => saveTextFile(doc.fileName, doc.mimeType, doc.content)}
        >
          Save this report’s CSV
        </button>
        <span className="hint">In the print dialog, choose “Save as PDF” for a PDF.</span>
      </div>

      <header className="sov-report-head">
        <h1
          className="print-report-title sov-report-title"
          id="sov-report-title"
          ref={headingRef}
          tabIndex={-1}
        >
          Sovereignty evidence report
        </h1>
        <table className="print-report-facts">
          <tbody>
            <tr>
              <th scope="row">Period</th>
              <td data-testid="report-period">
                {dateTime(a.query.from)} – {dateTime(a.query.to)}
              </td>
            </tr>
            <tr>
              <th scope="row">Scope</th>
              <td data-testid="report-scope">{scopeText(a.query)}</td>
            </tr>
            <tr>
              <th scope="row">Policy SHA-256</th>
              <td className="mono" data-testid="report-policy-sha256">
                {doc.policySha256 ?? 'none — no policies.yaml, everything allowed'}
              </td>
            </tr>
            <tr>
              <th scope="row">Generated</th>
              <td>{dateTime(doc.generatedAt)}</td>
            </tr>
            <tr>
              <th scope="row">Contents</th>
              <td>
                {countOf(a.workloads.length, 'workload')} ·{' '}
                {countOf(a.byJurisdiction.length, 'residency row')} ·{' '}
                {countOf(a.violations.length, 'violation')}
              </td>
            </tr>
          </tbody>
        </table>
      </header>

      <section aria-labelledby="sov-report-res">
        <h2 className="print-report-h2" id="sov-report-res">
          Time per jurisdiction
        </h2>
        <ResidencyTable rows={a.byJurisdiction} caption="Time per tenant, data class and jurisdiction" />
      </section>

      <section aria-labelledby="sov-report-vio">
        <h2 className="print-report-h2" id="sov-report-vio">
          Violations
        </h2>
        <PeriodViolations
          violations={a.violations}
          now={doc.generatedAt ?? a.query.to}
          caption="Violations in the period and how each ended"
        />
      </section>

      <footer className="sov-report-foot">
        <p>
          CSV <span className="mono">{doc.fileName}</span> · SHA-256{' '}
          <span className="mono" data-testid="report-csv-sha256">
            {doc.sha256}
          </span>
        </p>
        <p className="muted">
          This SHA-256 is recorded in the console’s audit log; Sovereignty → Report → “Verify a report” checks
          a copy of the CSV against it.
        </p>
      </footer>
    </article>
  );
}
