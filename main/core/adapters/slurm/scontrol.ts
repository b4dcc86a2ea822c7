import { LocalCommandRunner, type CommandResult, type CommandRunner } from './commandRunner';
import { slurmFail, slurmOk, type SlurmErrorKind, type SlurmResult } from './slurmErrors';

/**
 * Node drain/resume and job requeue on Slurm 22.05, which its REST API cannot do (POST
 * /slurm/v0.0.38/node/{name} → 405; v0.0.39+ can). They go through `scontrol`, run by a
 * CommandRunner: locally with SLURM_CONF + SLURM_JWT (localScontrol below), or over SSH on the
 * controller, where munge authenticates (the SSH runner comes with the SSH issue; it gets the same
 * argv and must quote it with shellQuote).
 */
export interface ScontrolOptions {
  /** Passed to the runner: SLURM_CONF and SLURM_JWT for a local scontrol; usually none over SSH. */
  env?: Record<string, string>;
  /** The scontrol binary; a full path when the controller's PATH lacks it. */
  binary?: string;
}

// Node names and hostlist expressions (gpu1, gpu[1-4]); refusing anything else keeps scontrol's own
// key=value parser from seeing a second assignment hidden in a name.
const NODE = /^[A-Za-z0-9._-]+(\[[0-9,-]+\][A-Za-z0-9._-]*)?$/;
/** Slurm keeps reasons short; scontrol strips double quotes inside a value, so we refuse them. */
export const MAX_REASON = 256;

/** Why a drain reason cannot be sent as written, or null when it can. */
export function reasonProblem(reason: string): string | null {
  const r = reason.trim();
  if (r === '') return 'a drain needs a reason (Slurm refuses one without): say why, e.g. "XID 79 on GPU 3"';
  if (r.length > MAX_REASON) return `the reason is longer than ${MAX_REASON} characters`;
  if (/["\p{Cc}]/u.test(r))
    return 'the reason cannot contain double quotes or control characters (scontrol would mangle them)';
  return null;
}

/**
 * What a failed scontrol run means (pure, tested against real 22.05 messages). The messages are
 * scontrol's own, in the C locale the runner sets.
 */
export function scontrolFailure(r: CommandResult, what: string): { kind: SlurmErrorKind; message: string } {
  const said = (r.stderr.trim() || r.stdout.trim() || `exit code ${r.code}`).split('\n').slice(-3).join(' ');
  const classify = (): SlurmErrorKind => {
    if (r.code === -1) return 'unreachable';
    if (/You must specify a reason/i.test(said)) return 'invalid';
    if (/Unable to contact slurm controller|Connection refused|connect failure|Socket timed out/i.test(said))
      return 'unreachable';
    // 22.05 drops the connection of a request with a bad JWT: the client sees "Zero Bytes…".
    if (
      /Zero Bytes were transmitted or received|authentication|Invalid user id|Access\/permission denied|Permission denied/i.test(
        said,
      )
    )
      return 'auth';
    return 'rejected';
  };
  const kind = classify();
  const hint =
    kind === 'auth'
      ? ': check the token (SLURM_JWT) — it must be valid, unexpired and for a Slurm admin'
      : kind === 'unreachable'
        ? ': check that slurmctld is up and that SLURM_CONF points at it'
        : '';
  return { kind, message: `${what}: scontrol said "${said}"${hint}` };
}

export class Scontrol {
  constructor(
    private readonly runner: CommandRunner,
    private readonly opts: ScontrolOptions = {},
  ) {}

  /** scontrol update nodename=X state=drain reason="…" — a reason is mandatory. */
  drain(node: string, reason: string): Promise<SlurmResult<void>> {
    if (!NODE.test(node)) return Promise.resolve(slurmFail('invalid', `"${node}" is not a node name`));
    const problem = reasonProblem(reason);
    if (problem) return Promise.resolve(slurmFail('invalid', `${node} not drained: ${problem}`));
    return this.exec(
      ['update', `nodename=${node}`, 'state=drain', `reason=${reason.trim()}`],
      `draining ${node}`,
    );
  }

  resume(node: string): Promise<SlurmResult<void>> {
    if (!NODE.test(node)) return Promise.resolve(slurmFail('invalid', `"${node}" is not a node name`));
    return this.exec(['update', `nodename=${node}`, 'state=resume'], `resuming ${node}`);
  }

  /** Puts a running job back in the queue. See requeueNow() to have it start again at once. */
  requeue(jobId: number): Promise<SlurmResult<void>> {
    if (!Number.isSafeInteger(jobId) || jobId <= 0)
      return Promise.resolve(slurmFail('invalid', `"${jobId}" is not a Slurm job id`));
    return this.exec(['requeue', String(jobId)], `requeueing job ${jobId}`);
  }

  /**
   * Pins a pending job to one node (scontrol update jobid=N reqnodelist=X): where a move wants it.
   * 22.05 refuses this for a running job ("Invalid node name specified for job N").
   */
  pin(jobId: number, node: string): Promise<SlurmResult<void>> {
    if (!Number.isSafeInteger(jobId) || jobId <= 0)
      return Promise.resolve(slurmFail('invalid', `"${jobId}" is not a Slurm job id`));
    if (!NODE.test(node)) return Promise.resolve(slurmFail('invalid', `"${node}" is not a node name`));
    return this.exec(['update', `jobid=${jobId}`, `reqnodelist=${node}`], `pinning job ${jobId} to ${node}`);
  }

  /** The job's batch script as submitted (scontrol write batch_script N -): what a move resubmits. */
  async batchScript(jobId: number): Promise<SlurmResult<string>> {
    if (!Number.isSafeInteger(jobId) || jobId <= 0)
      return slurmFail('invalid', `"${jobId}" is not a Slurm job id`);
    const r = await this.run(['write', 'batch_script', String(jobId), '-'], `reading job ${jobId}'s script`);
    return r.ok ? slurmOk(r.value.stdout) : r;
  }

  private async exec(args: string[], what: string): Promise<SlurmResult<void>> {
    const r = await this.run(args, what);
    return r.ok ? slurmOk(undefined) : r;
  }

  private async run(args: string[], what: string): Promise<SlurmResult<CommandResult>> {
    const r = await this.runner.run([this.opts.binary ?? 'scontrol', ...args], this.opts.env);
    if (r.code === 0) return slurmOk(r);
    const f = scontrolFailure(r, what);
    return slurmFail(f.kind, f.message);
  }
}

/** scontrol on this machine, authenticating by JWT alone (no munge needed here). */
export function localScontrol(o: {
  slurmConf: string;
  token: string;
  timeoutMs: number;
  binary?: string;
}): Scontrol {
  return new Scontrol(new LocalCommandRunner({ timeoutMs: o.timeoutMs }), {
    env: { SLURM_CONF: o.slurmConf, SLURM_JWT: o.token },
    binary: o.binary,
  });
}
