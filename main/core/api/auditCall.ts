import type { Result } from '../../../shared/result';
import type { AuditLog } from '../audit/auditLog';
import type { CallContext } from './dispatcher';

/** Appends what a call did to the audit log, by whom, and how it ended (a failure with its message). */
export function auditCall(
  audit: AuditLog,
  ctx: Pick<CallContext, 'session'>,
  action: string,
  target: string | null,
  params: Record<string, unknown>,
  result: Result<unknown>,
): Promise<unknown> {
  return audit.append({
    actor: ctx.session.actor,
    role: ctx.session.role,
    action,
    target,
    params,
    outcome: result.ok ? 'ok' : 'failed',
    message: result.ok ? null : result.error.message.slice(0, 2000),
  });
}
