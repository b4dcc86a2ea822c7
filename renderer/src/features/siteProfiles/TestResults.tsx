import type { CallResponse } from '../../../../shared/contract';

type Check = CallResponse<'sites.test'>['checks'][number];

export type TestState =
  | { kind: 'idle' }
  | { kind: 'running' }
  /** `formKey`: the form as it was tested, to say when the results no longer match it. */
  | { kind: 'done'; checks: Check[]; formKey: string }
  | { kind: 'error'; message: string };

/**
 * What "Test connection" found: one line per check, its mark and its verdict in words, then the core's
 * message. A polite live region, so the result is read out when it arrives.
 */
export function TestResults({ state, stale }: { state: TestState; stale: boolean }) {
  return (
    <section className="test-results" aria-label="Connection test" role="status">
      {state.kind === 'running' && <p className="muted">Testing the connection…</p>}
      {state.kind === 'error' && <p className="test-error">Could not run the test: {state.message}</p>}
      {state.kind === 'done' && (
        <>
          <p className="test-summary">
            {state.checks.every((c) => c.ok)
              ? 'Connection test passed.'
              : `Connection test: ${state.checks.filter((c) => !c.ok).length} of ${state.checks.length} checks failed.`}
            {stale && <span className="muted"> The form has changed since; test again to be sure.</span>}
          </p>
          <ul className="test-list" data-testid="site-test-results">
            {state.checks.map((c, i) => (
              <li key={`${c.check}-${i}`} className={c.ok ? 'is-ok' : 'is-failed'}>
                <span className="test-mark" aria-hidden="true">
                  {c.ok ? '✓' : '✗'}
                </span>
                <span className="test-verdict">{c.ok ? 'Passed' : 'Failed'}</span>
                <span className="test-check">{c.check}:</span>{' '}
                <span className="test-message">{c.message}</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
