import { err, ok, type Result } from '../../../shared/result';
import type { TerminalTarget } from '../../../shared/terminal';
import { LocalCommandRunner, type CommandRunner } from '../adapters/slurm/commandRunner';
import { requeueNow } from '../adapters/slurm/requeueNow';
import { Scontrol } from '../adapters/slurm/scontrol';
import { SlurmClient } from '../adapters/slurm/slurmClient';
import { toAppError, type SlurmResult } from '../adapters/slurm/slurmErrors';
import type { AuditInput, AuditLog } from '../audit/auditLog';
import type { ResolvedSite } from '../config/resolveSites';

type Who = Pick<AuditInput, 'actor' | 'role'>;

/**
 * Drain, resume and requeue through a site's scheduler (issue 3). On Slurm 22.05 these go through
 * scontrol — on this machine with the site's JWT, or on the controller over SSH (the site's bastion
 * chain, host keys checked, no prompts) — since its REST API cannot. Every attempt is audited.
 */
export class NodeActions {
  constructor(
    private readonly d: {
      site: (id: string) => ResolvedSite | undefined;
      audit: AuditLog;
      sshRunner: (target: TerminalTarget) => CommandRunner;
      timeoutMs: number;
      /** Runs after a successful action, before the reply (the fleet re-reads the scheduler). */
      afterAction?: (siteId: string) => Promise<void>;
    },
  ) {}

  drain(siteId: string, hostname: string, reason: string, who: Who) {
    return this.act(siteId, 'node.drain', `${siteId}/${hostname}`, { reason }, who, (s) =>
      s.scontrol.drain(hostname, reason),
    );
  }

  resume(siteId: string, hostname: string, who: Who) {
    return this.act(siteId, 'node.resume', `${siteId}/${hostname}`, {}, who, (s) =>
      s.scontrol.resume(hostname),
    );
  }

  requeue(siteId: string, jobId: number, who: Who) {
    return this.act(siteId, 'job.requeue', `${siteId}/job ${jobId}`, {}, who, async (s) => {
      const r = await requeueNow(s.scontrol, s.client, jobId);
      return r.ok ? { ok: true as const, value: undefined } : r;
    });
  }

  private tools(site: ResolvedSite): Result<{ scontrol: Scontrol; client: SlurmClient }> {
    const sch = site.scheduler;
    if (!sch)
      return err(
        'INVALID_REQUEST',
        `Site ${site.id} has no scheduler configured (Sites → ${site.name} → Scheduler).`,
      );
    if (!site.schedulerToken)
      return err('CONFIG_INVALID', `Site ${site.id}: the scheduler's token is not in the secret store.`);
    const client = new SlurmClient(sch.url, {
      user: sch.user,
      token: site.schedulerToken,
      timeoutMs: this.d.timeoutMs,
      maxBytes: 16 * 1024 * 1024,
    });
    const via = sch.scontrol;
    const scontrol =
      via.via === 'local'
        ? new Scontrol(new LocalCommandRunner({ timeoutMs: this.d.timeoutMs }), {
            env: { SLURM_JWT: site.schedulerToken, ...(via.slurmConf ? { SLURM_CONF: via.slurmConf } : {}) },
          })
        : // On the controller, scontrol authenticates with munge like any local client: no token on its command line.
          new Scontrol(this.d.sshRunner({ kind: 'node', siteId: site.id, hostname: via.host }));
    return ok({ scontrol, client });
  }

  private async act(
    siteId: string,
    action: string,
    target: string,
    params: Record<string, unknown>,
    who: Who,
    run: (t: { scontrol: Scontrol; client: SlurmClient }) => Promise<SlurmResult<void>>,
  ): Promise<Result<Record<string, never>>> {
    const site = this.d.site(siteId);
    if (!site) return err('NOT_FOUND', `No site with id "${siteId}".`);
    const tools = this.tools(site);
    if (!tools.ok) return tools;
    const r = await run(tools.value);
    if (r.ok) await this.d.afterAction?.(siteId);
    await this.d.audit.append({
      ...who,
      action,
      target,
      params,
      outcome: r.ok ? 'ok' : 'failed',
      message: r.ok ? null : r.error.message,
    });
    return r.ok ? ok({}) : { ok: false, error: toAppError(r.error) };
  }
}
