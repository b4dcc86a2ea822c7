import { err, ok, type Result } from '../../../shared/result';
import type { TerminalTarget } from '../../../shared/terminal';
import { LocalCommandRunner, type CommandRunner } from '../adapters/slurm/commandRunner';
import { Scontrol } from '../adapters/slurm/scontrol';
import { SlurmClient } from '../adapters/slurm/slurmClient';
import type { ResolvedSite } from '../config/resolveSites';

export type SshRunnerFor = (target: TerminalTarget) => CommandRunner;

export interface SiteSlurmTools {
  scontrol: Scontrol;
  client: SlurmClient;
}

/**
 * A site's Slurm, as the console drives it: slurmrestd for reading, submitting and cancelling, and
 * scontrol for what 22.05's REST API cannot do — run here with the site's JWT, or on the controller
 * over SSH (the site's bastion chain, host keys checked), where munge authenticates.
 */
export function siteSlurmTools(
  site: ResolvedSite,
  sshRunner: SshRunnerFor,
  timeoutMs: number,
): Result<SiteSlurmTools> {
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
    timeoutMs,
    maxBytes: 16 * 1024 * 1024,
  });
  const via = sch.scontrol;
  const scontrol =
    via.via === 'local'
      ? new Scontrol(new LocalCommandRunner({ timeoutMs }), {
          env: { SLURM_JWT: site.schedulerToken, ...(via.slurmConf ? { SLURM_CONF: via.slurmConf } : {}) },
        })
      : // On the controller, scontrol authenticates with munge like any local client: no token on its command line.
        new Scontrol(sshRunner({ kind: 'node', siteId: site.id, hostname: via.host }));
  return ok({ scontrol, client });
}
