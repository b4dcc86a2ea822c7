import { useId, useState, type ChangeEvent } from 'react';
import type { CallResponse } from '../../../../shared/contract';
import { useClient } from '../../app/clientContext';
import { dateTime } from './residencyFormat';

/** The contract's limit on what 'residency.verifyReport' accepts. */
const MAX_BYTES = 50 * 1024 * 1024;

type State =
  | { kind: 'idle' }
  | { kind: 'running'; name: string }
  | { kind: 'done'; name: string; result: CallResponse<'residency.verifyReport'> }
  | { kind: 'error'; text: string };

/**
 * "Verify a report": the file's text goes to the core, which hashes it and looks the SHA-256 up among
 * the reports the audit log recorded. A file changed by one byte (or re-saved by a spreadsheet) does not match.
 */
export function VerifyReport() {
  const client = useClient();
  const id = useId();
  const [state, setState] = useState<State>({ kind: 'idle' });

  const onFile = (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    // Cleared so that choosing the same file again (after replacing it on disk) checks it again.
    e.target.value = '';
    if (!file) return;
    if (file.size > MAX_BYTES) {
      setState({
        kind: 'error',
        text: `${file.name} is larger than 50 MiB: it is not a report from this console.`,
      });
      return;
    }
    setState({ kind: 'running', name: file.name });
    void file
      .text()
      .then((content) => client.call('residency.verifyReport', { content }))
      .then(
        (r) =>
          setState(
            r.ok
              ? { kind: 'done', name: file.name, result: r.value }
              : { kind: 'error', text: `Could not verify ${file.name}: ${r.error.message}` },
          ),
        (err: unknown) => setState({ kind: 'error', text: `Could not read ${file.name}: ${String(err)}` }),
      );
  };

  return (
    <section className="sov-panel" aria-labelledby={`${id}-title`}>
      <h2 className="section-title" id={`${id}-title`}>
        Verify a report
      </h2>
      <p className="hint">
        Checks that a report CSV is byte for byte one this console made: its SHA-256 must be one the audit log
        recorded.
      </p>
      <div className="field sov-verify-field">
        <label htmlFor={`${id}-file`}>Report file to verify</label>
        <input id={`${id}-file`} type="file" accept=".csv,text/csv" onChange={onFile} />
      </div>
      <div role="status" className="sov-verify-status">
        {state.kind === 'running' && <p className="muted">Checking {state.name}…</p>}
        {state.kind === 'error' && <p className="form-error">{state.text}</p>}
        {state.kind === 'done' && (
          <p
            className={`sov-verify${state.result.match ? ' is-match' : ' is-mismatch'}`}
            data-testid="verify-result"
            data-match={state.result.match ? 'true' : 'false'}
            data-sha256={state.result.sha256}
          >
            <span aria-hidden="true" className="sov-verify-mark">
              {state.result.match ? '✓' : '✕'}
            </span>
            {state.result.match
              ? `Matches the report recorded by ${state.result.match.by} at ${dateTime(Date.parse(state.result.match.time))} (audit entry #${state.result.match.seq}).`
              : 'No report with this SHA-256 was recorded: the file is not an unaltered report from this console.'}
            <span className="muted sov-verify-sha">
              {' '}
              {state.name} · SHA-256 <code className="mono">{state.result.sha256}</code>
            </span>
          </p>
        )}
      </div>
    </section>
  );
}
