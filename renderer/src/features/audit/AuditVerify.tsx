import { useState } from 'react';
import type { AuditVerdict } from '../../../../shared/audit';
import type { AppError } from '../../../../shared/result';
import { useClient } from '../../app/clientContext';
import { formatClockSeconds } from '../../lib/format';
import { verdictSummary } from './auditFormat';

type VerifyState =
  | { kind: 'idle' }
  | { kind: 'running' }
  | { kind: 'done'; verdict: AuditVerdict; at: number }
  | { kind: 'error'; error: AppError };

/** "Verify log": the core re-reads every log file and checks the hash chain; the verdict in one line. */
export function useVerify() {
  const client = useClient();
  const [state, setState] = useState<VerifyState>({ kind: 'idle' });
  const run = () => {
    if (state.kind === 'running') return;
    setState({ kind: 'running' });
    void client
      .call('audit.verify', {})
      .then((r) =>
        setState(
          r.ok ? { kind: 'done', verdict: r.value, at: Date.now() } : { kind: 'error', error: r.error },
        ),
      );
  };
  return { state, run };
}

export function VerifyButton({ running, onClick }: { running: boolean; onClick: () => void }) {
  return (
    <button type="button" className="button" onClick={onClick} aria-disabled={running || undefined}>
      Verify log
    </button>
  );
}

/**
 * The verdict line. It is a polite live region that always exists (so a new verdict is announced), and
 * it is empty until the first verification.
 */
export function VerdictLine({ state }: { state: VerifyState }) {
  let body = null;
  let tone = '';
  if (state.kind === 'running') body = <span className="muted">Verifying the log…</span>;
  else if (state.kind === 'error') {
    tone = ' is-error';
    body = <>Could not verify the log: {state.error.message}</>;
  } else if (state.kind === 'done') {
    const v = verdictSummary(state.verdict);
    tone = v.ok ? ' is-ok' : ' is-broken';
    body = (
      <>
        <span className="verdict-mark" aria-hidden="true">
          {v.ok ? '✓' : '✕'}
        </span>
        <span title={state.verdict.lastHash ?? undefined}>{v.text}</span>
        <span className="muted">{` · checked ${formatClockSeconds(state.at)}`}</span>
      </>
    );
  }
  return (
    <p className={`verdict${tone}`} role="status" data-testid="audit-verdict">
      {body}
    </p>
  );
}
