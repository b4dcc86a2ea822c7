import { ok } from '../../../shared/result';
import type { AuditLog } from '../audit/auditLog';
import { sustainabilityCsv } from '../energy/sustainabilityCsv';
import type { SustainabilityService } from '../energy/sustainabilityService';
import { auditCall } from './auditCall';
import type { Handlers } from './dispatcher';

type SustainabilityHandlers = Pick<
  Handlers,
  'sustainability.summary' | 'sustainability.setSettings' | 'sustainability.export'
>;

export function sustainabilityHandlers(svc: SustainabilityService, audit: AuditLog): SustainabilityHandlers {
  return {
    'sustainability.summary': ({ period }) => ok(svc.summary(period)),
    'sustainability.setSettings': async (next, ctx) => {
      const before = svc.currentSettings;
      const r = await svc.setSettings(next);
      await auditCall(audit, ctx, 'sustainability.setSettings', null, { before, after: next }, r);
      return r;
    },
    'sustainability.export': async ({ period }, { session }) => {
      const s = svc.summary(period);
      await audit.append({
        actor: session.actor,
        role: session.role,
        action: 'sustainability.export',
        params: { period, from: s.from, to: s.to },
        outcome: 'ok',
      });
      const stamp = new Date(s.at).toISOString().replace(/[:.]/g, '-');
      return ok({
        fileName: `fleet-idle-energy-${period}-${stamp}.csv`,
        mimeType: 'text/csv',
        content: sustainabilityCsv(s),
      });
    },
  };
}
