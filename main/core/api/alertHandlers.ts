import { err, ok } from '../../../shared/result';
import type { AlertService } from '../alerts/alertService';
import type { AuditLog } from '../audit/auditLog';
import type { NodeViews } from '../fleet/nodeViews';
import type { SiteHealthService } from '../fleet/siteHealth';
import type { CallContext, Handlers } from './dispatcher';

type AlertAndNodeHandlers = Pick<
  Handlers,
  | 'nodes.list'
  | 'node.detail'
  | 'site.health'
  | 'alerts.list'
  | 'alerts.acknowledge'
  | 'alerts.silence'
  | 'alerts.setRules'
>;

const who = (ctx: CallContext) => `${ctx.session.actor.osUser} (${ctx.session.actor.profile})`;

export function alertHandlers(
  alerts: AlertService,
  nodes: NodeViews,
  health: SiteHealthService,
  audit: AuditLog,
): AlertAndNodeHandlers {
  const record = async (
    ctx: CallContext,
    action: string,
    target: string | null,
    params: Record<string, unknown>,
    r: { ok: boolean; error?: { message: string } },
  ) =>
    audit.append({
      actor: ctx.session.actor,
      role: ctx.session.role,
      action,
      target,
      params,
      outcome: r.ok ? 'ok' : 'failed',
      message: r.ok ? null : (r.error?.message ?? null),
    });
  const alertTarget = (key: string) => {
    const [, site, host] = key.split('|');
    return host ? `${site}/${host}` : (site ?? null);
  };
  return {
    'nodes.list': ({ query, offset, limit }) => ok(nodes.page(query, offset, limit)),
    'node.detail': ({ siteId, hostname }) => {
      const d = nodes.detail(siteId, hostname);
      return d
        ? ok(d)
        : err(
            'NOT_FOUND',
            `No node "${hostname}" at site "${siteId}". It may have left the fleet; pick one from Nodes.`,
          );
    },
    'site.health': ({ siteId }) => {
      const h = health.health(siteId);
      return h
        ? ok(h)
        : err(
            'NOT_FOUND',
            `No site with id "${siteId}". It may have been removed; pick one from the site list.`,
          );
    },
    'alerts.list': () => ok(alerts.list()),
    'alerts.acknowledge': async ({ key }, ctx) => {
      const r = alerts.acknowledge(key, who(ctx));
      await record(ctx, 'alert.acknowledge', alertTarget(key), { key }, r);
      return r.ok ? ok({}) : r;
    },
    'alerts.silence': async ({ key, forS }, ctx) => {
      const r = alerts.silence(key, forS, who(ctx));
      await record(ctx, forS === 0 ? 'alert.unsilence' : 'alert.silence', alertTarget(key), { key, forS }, r);
      return r.ok ? ok({}) : r;
    },
    'alerts.setRules': async ({ rules }, ctx) => {
      const r = await alerts.setRules(rules);
      await record(ctx, 'alerts.setRules', null, { rules: rules.map((x) => x.id) }, r);
      return r.ok ? ok({ rules: r.value }) : r;
    },
  };
}
