import { ok } from '../../../shared/result';
import type { AlertService } from '../alerts/alertService';
import type { AuditLog } from '../audit/auditLog';
import { auditCall } from './auditCall';
import type { CallContext, Handlers } from './dispatcher';

type AlertHandlers = Pick<
  Handlers,
  'alerts.list' | 'alerts.acknowledge' | 'alerts.silence' | 'alerts.setRules'
>;

const who = (ctx: CallContext) => `${ctx.session.actor.osUser} (${ctx.session.actor.profile})`;

export function alertHandlers(alerts: AlertService, audit: AuditLog): AlertHandlers {
  const alertTarget = (key: string) => {
    const [, site, host] = key.split('|');
    return host ? `${site}/${host}` : (site ?? null);
  };
  return {
    'alerts.list': () => ok(alerts.list()),
    'alerts.acknowledge': async ({ key }, ctx) => {
      const r = alerts.acknowledge(key, who(ctx));
      await auditCall(audit, ctx, 'alert.acknowledge', alertTarget(key), { key }, r);
      return r.ok ? ok({}) : r;
    },
    'alerts.silence': async ({ key, forS }, ctx) => {
      const r = alerts.silence(key, forS, who(ctx));
      await auditCall(
        audit,
        ctx,
        forS === 0 ? 'alert.unsilence' : 'alert.silence',
        alertTarget(key),
        { key, forS },
        r,
      );
      return r.ok ? ok({}) : r;
    },
    'alerts.setRules': async ({ rules }, ctx) => {
      const r = await alerts.setRules(rules);
      await auditCall(audit, ctx, 'alerts.setRules', null, { rules: rules.map((x) => x.id) }, r);
      return r.ok ? ok({ rules: r.value }) : r;
    },
  };
}
