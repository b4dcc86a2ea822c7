import type { PolicyStatus } from '../../../../shared/residency';
import { countOf, shortSha } from './residencyFormat';

/**
 * The policy in force, in one line: rules, default, short SHA-256 (the full one on hover, and in
 * every report). Problems with policies.yaml on disk are an alert: the last good policy stays in
 * force meanwhile, and the line says so.
 */
export function PolicyStatusLine({ policy }: { policy: PolicyStatus | null }) {
  if (!policy)
    return (
      <p className="sov-policy muted" data-testid="policy-status">
        Policy: loading…
      </p>
    );
  return (
    <div
      className="sov-policy"
      data-testid="policy-status"
      data-sha256={policy.sha256 ?? ''}
      data-rules={policy.rules}
      data-default={policy.default}
    >
      <p className="sov-policy-line">
        <span className="muted">Policy in force:</span>{' '}
        {policy.sha256 === null ? (
          <span title="No policies.yaml in the config directory: every workload is allowed everywhere">
            none — everything is allowed
          </span>
        ) : (
          <>
            {countOf(policy.rules, 'rule')} · default{' '}
            <span className={policy.default === 'deny' ? 'sov-deny' : undefined}>{policy.default}</span> ·
            SHA-256{' '}
            <code className="mono" title={policy.sha256}>
              {shortSha(policy.sha256)}
            </code>
          </>
        )}
      </p>
      {policy.errors.length > 0 && (
        <div className="sov-alert" role="alert" data-testid="policy-file-errors">
          <p>
            policies.yaml on disk has {countOf(policy.errors.length, 'problem')}; the last good policy stays
            in force
            {policy.sha256 === null ? ' (none: everything is allowed)' : ''}:
          </p>
          <ul>
            {policy.errors.map((e) => (
              <li key={e}>{e}</li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
