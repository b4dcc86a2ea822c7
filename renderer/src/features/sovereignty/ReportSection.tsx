import { useState } from 'react';
import { ROLE_LABELS } from '../../../../shared/roles';
import { useClient } from '../../app/clientContext';
import { saveTextFile } from '../../lib/saveTextFile';
import { useAppStore } from '../../store/appStore';
import { sessionCan } from '../session/sessionSlice';
import { formToQuery, queryKey, type HistoryForm } from './historyForm';
import { reportDoc, type ReportDoc } from './reportDoc';
import { dateTime, scopeText } from './residencyFormat';
import { VerifyReport } from './VerifyReport';

type State =
  | { kind: 'idle' }
  | { kind: 'running'; what: 'export' | 'print' }
  | { kind: 'saved'; doc: ReportDoc }
  | { kind: 'error'; text: string };

interface Props {
  form: HistoryForm;
  /** The last report made, reused by "Print report" when it answers the same question. */
  last: ReportDoc | null;
  onMade(doc: ReportDoc): void;
  onPrint(doc: ReportDoc): void;
  onEditQuestion(): void;
}

/**
 * The evidence report for the History tab's question: the CSV (its SHA-256 recorded in the audit log
 * by the core), the printable view of the same report, and the check of a report file someone hands in.
 */
export function ReportSection({ form, last, onMade, onPrint, onEditQuestion }: Props) {
  const client = useClient();
  const role = useAppStore((s) => s.session?.role ?? null);
  const allowed = useAppStore((s) => sessionCan(s.session, 'reports'));
  const [state, setState] = useState<State>({ kind: 'idle' });
  const check = formToQuery(form);
  const running = state.kind === 'running';

  const why = allowed
    ? undefined
    : role === null
      ? 'Waiting for this window’s role.'
      : `${ROLE_LABELS[role]} may not make reports: switch to Sustainability analyst or Admin.`;

  const make = (what: 'export' | 'print') => {
    if (running || !allowed || !check.ok) return;
    const query = check.query;
    if (what === 'print' && last?.key === queryKey(query)) {
      onPrint(last);
      return;
    }
    setState({ kind: 'running', what });
    void client.call('residency.report', query).then((r) => {
      if (!r.ok) {
        setState({ kind: 'error', text: `Could not make the report: ${r.error.message}` });
        return;
      }
      const doc = reportDoc(query, r.value);
      onMade(doc);
      if (what === 'print') {
        setState({ kind: 'idle' });
        onPrint(doc);
        return;
      }
      try {
        saveTextFile(doc.fileName, doc.mimeType, doc.content);
      } catch (e) {
        setState({ kind: 'error', text: `Could not hand the file to the browser: ${String(e)}` });
        return;
      }
      setState({ kind: 'saved', doc });
    });
  };

  return (
    <div className="sov-report-tab" data-testid="sov-report-tab">
      <section className="sov-panel" aria-labelledby="sov-r-title">
        <h2 className="section-title" id="sov-r-title">
          Evidence report
        </h2>
        {check.ok ? (
          <p data-testid="report-question">
            {dateTime(check.query.from)} – {dateTime(check.query.to)} · {scopeText(check.query)}{' '}
            <button type="button" className="text-button" onClick={onEditQuestion}>
              Change in History
            </button>
          </p>
        ) : (
          <p className="form-error" role="alert">
            The History question is not complete: {check.error}{' '}
            <button type="button" className="text-button" onClick={onEditQuestion}>
              Fix it in History
            </button>
          </p>
        )}
        <div className="button-row">
          <button
            type="button"
            className="button"
            disabled={!allowed || !check.ok}
            title={why}
            aria-disabled={running || undefined}
            onClick={() => make('export')}
          >
            Export report (CSV)
          </button>
          <button
            type="button"
            className="button"
            disabled={!allowed || !check.ok}
            title={
              why ?? 'A printable view of the same report; “Save as PDF” in the print dialog makes a PDF'
            }
            aria-disabled={running || undefined}
            onClick={() => make('print')}
          >
            Print report
          </button>
        </div>
        {why && <p className="hint">{why}</p>}
        <div
          className={`sov-report-status${state.kind === 'error' ? ' is-error' : ''}`}
          role="status"
          data-testid="report-status"
        >
          {state.kind === 'running' ? (
            state.what === 'export' ? (
              'Making the report…'
            ) : (
              'Preparing the printable report…'
            )
          ) : state.kind === 'error' ? (
            state.text
          ) : state.kind === 'saved' ? (
            <>
              Saved {state.doc.fileName}. SHA-256{' '}
              <code className="mono sov-sha" data-testid="report-sha256" data-sha256={state.doc.sha256}>
                {state.doc.sha256}
              </code>{' '}
              — recorded in the audit log.
            </>
          ) : null}
        </div>
      </section>
      <VerifyReport />
    </div>
  );
}
