import { ok } from '../../../shared/result';
import type { AuditLog } from '../audit/auditLog';
import type { ResidencyService } from '../residency/residencyService';
import { auditCall } from './auditCall';
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
    'policy.set': async ({ text }, ctx) => {
      const before = r.policyStatus().sha256;
      const res = await r.setPolicy(text);
      const after = res.ok ? res.value.sha256 : null;
      await auditCall(audit, ctx, 'policy.set', 'policies.yaml', { before, after }, res);
      return res;
    },
  };
}
