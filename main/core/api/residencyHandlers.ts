import { ok } from '../../../shared/result';
import type { AuditLog } from '../audit/auditLog';
import type { ResidencyService } from '../residency/residencyService';
import type { Handlers } from './dispatcher';

type ResidencyHandlers = Pick<
  Handlers,
  'residency.now' | 'residency.query' | 'residency.report' | 'residency.verifyReport' | 'policy.set'
>;

export function residencyHandlers(r: ResidencyService, audit: AuditLog): ResidencyHandlers {
  return {
    'residency.now': () => ok(r.now()),
    'residency.query': (q) => ok(r.query(q)),
    'residency.report': async (q, { session }) =>
      ok(await r.report(q, { actor: session.actor, role: session.role })),
    'residency.verifyReport': async ({ content }) => ok(await r.verifyReport(content)),
    'policy.set': async ({ text }, { session }) => {
      const before = r.policyStatus().sha256;
      const res = await r.setPolicy(text);
      await audit.append({
        actor: session.actor,
        role: session.role,
        action: 'policy.set',
        target: 'policies.yaml',
        params: { before, after: res.ok ? res.value.sha256 : null },
        outcome: res.ok ? 'ok' : 'failed',
        message: res.ok ? null : res.error.message.slice(0, 2000),
      });
      return res;
    },
  };
}
