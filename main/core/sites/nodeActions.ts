import { err, ok, type Result } from '../../../shared/result';
import { requeueNow } from '../adapters/slurm/requeueNow';
import { toAppError, type SlurmResult } from '../adapters/slurm/slurmErrors';
import type { AuditInput, AuditLog } from '../audit/auditLog';
import type { ResolvedSite } from '../config/resolveSites';
import { siteSlurmTools, type SiteSlurmTools, type SshRunnerFor } from './siteSlurmTools';

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
      sshRunner: SshRunnerFor;
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

  private async act(
    siteId: string,
    action: string,
    target: string,
    params: Record<string, unknown>,
    who: Who,
    run: (t: SiteSlurmTools) => Promise<SlurmResult<void>>,
  ): Promise<Result<Record<string, never>>> {
    const site = this.d.site(siteId);
    if (!site) return err('NOT_FOUND', `No site with id "${siteId}".`);
    const tools = siteSlurmTools(site, this.d.sshRunner, this.d.timeoutMs);
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
