import { ok } from '../../../shared/result';
import type { NodeActions } from '../sites/nodeActions';
import type { SiteRegistry } from '../sites/siteRegistry';
import type { Handlers } from './dispatcher';

type SitesHandlers = Pick<
  Handlers,
  | 'sites.list'
  | 'sites.save'
  | 'sites.remove'
  | 'sites.test'
  | 'sites.import'
  | 'sites.export'
  | 'node.drain'
  | 'node.resume'
  | 'job.requeue'
>;

export function sitesHandlers(registry: SiteRegistry, actions: NodeActions): SitesHandlers {
  const who = (ctx: Parameters<Handlers['sites.list']>[1]) => ({
    actor: ctx.session.actor,
    role: ctx.session.role,
  });
  return {
    'sites.list': async () =>
      ok({ demo: registry.isDemo, profiles: registry.list(), secretNames: await registry.secretNames() }),
    'sites.save': async ({ profile, secrets }, ctx) => {
      const r = await registry.save(profile, who(ctx), secrets);
      return r.ok ? ok({ profile: r.value }) : r;
    },
    'sites.remove': ({ id }, ctx) => registry.remove(id, who(ctx)),
    'sites.test': async ({ profile, secrets }) => ok({ checks: await registry.test(profile, secrets) }),
    'sites.import': ({ yaml, mode }, ctx) => registry.importYaml(yaml, mode, who(ctx)),
    'node.drain': ({ siteId, hostname, reason }, ctx) => actions.drain(siteId, hostname, reason, who(ctx)),
    'node.resume': ({ siteId, hostname }, ctx) => actions.resume(siteId, hostname, who(ctx)),
    'job.requeue': ({ siteId, jobId }, ctx) => actions.requeue(siteId, jobId, who(ctx)),
    'sites.export': () =>
      ok({
        fileName: `fleet-sites-${new Date().toISOString().slice(0, 10)}.yaml`,
        content: registry.exportYaml(),
      }),
  };
}
