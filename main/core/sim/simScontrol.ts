import type { CommandResult, CommandRunner } from '../adapters/slurm/commandRunner';
import { verifySlurmJwt } from '../adapters/slurm/slurmJwt';
import type { SimFleet } from './simFleet';
import { SIM_SLURM_USER, simSlurmOverlay, type SimSlurmOverlay } from './simSlurmOverlay';

/**
 * `scontrol` for a simulated site, as a CommandRunner: the Slurm adapter's Scontrol drives it exactly
 * as it drives a real scontrol (locally or over SSH), and it changes the site's Slurm overlay the way
 * slurmctld would. It understands the commands the console sends —
 *   scontrol update nodename=X state=drain reason=…   scontrol update nodename=X state=resume
 *   scontrol requeue <id>[,<id>…]                      scontrol update jobid=N reqnodelist=X
 *   scontrol write batch_script <id> -
 * — and answers with real scontrol 22.05's exit codes and messages. With SLURM_JWT in the
 * environment the token must be valid for the site (as with a local scontrol); without it, the call
 * is taken as coming from the controller itself (munge over SSH).
 */
export type ScontrolCommand =
  | { kind: 'drain'; node: string; reason: string | null }
  | { kind: 'resume'; node: string }
  | { kind: 'requeue'; ids: string[] }
  | { kind: 'pin'; job: string; node: string }
  | { kind: 'script'; job: string };

export type ParsedScontrol = { ok: true; value: ScontrolCommand } | { ok: false; message: string };

/** scontrol strips one pair of double quotes around a value (reason="XID 79"). */
const unquote = (v: string) => (v.length >= 2 && v.startsWith('"') && v.endsWith('"') ? v.slice(1, -1) : v);

/** Reads scontrol's argv (without the program name), keys case-insensitive as scontrol takes them. */
export function parseScontrolArgv(args: readonly string[]): ParsedScontrol {
  const [verb, ...rest] = args;
  if (verb?.toLowerCase() === 'requeue') {
    const ids = rest.flatMap((a) => a.split(',')).filter(Boolean);
    if (ids.length === 0) return { ok: false, message: 'scontrol: error: Invalid job id specified' };
    return { ok: true, value: { kind: 'requeue', ids } };
  }
  if (verb?.toLowerCase() === 'write') {
    // scontrol write batch_script <id> -   (to standard output)
    if (rest[0]?.toLowerCase() !== 'batch_script' || !rest[1] || rest[2] !== '-')
      return { ok: false, message: `Invalid input: ${rest.join(' ')}` };
    return { ok: true, value: { kind: 'script', job: rest[1] } };
  }
  if (verb?.toLowerCase() !== 'update') return { ok: false, message: `Invalid input: ${verb ?? ''}` };
  const kv = new Map<string, string>();
  for (const a of rest) {
    const eq = a.indexOf('=');
    if (eq <= 0) return { ok: false, message: `Invalid input: ${a}` };
    kv.set(a.slice(0, eq).toLowerCase(), unquote(a.slice(eq + 1)));
  }
  const jobid = kv.get('jobid');
  if (jobid !== undefined) {
    const node = kv.get('reqnodelist');
    if (!node) return { ok: false, message: 'Update of this parameter is not supported' };
    return { ok: true, value: { kind: 'pin', job: jobid, node } };
  }
  const node = kv.get('nodename');
  const state = kv.get('state')?.toLowerCase();
  if (!node) return { ok: false, message: 'No valid entity in update command' };
  if (state === 'drain')
    return { ok: true, value: { kind: 'drain', node, reason: kv.get('reason') ?? null } };
  if (state === 'resume') return { ok: true, value: { kind: 'resume', node } };
  return { ok: false, message: `Invalid node state specified` };
}

const fail = (stderr: string): CommandResult => ({ code: 1, stdout: '', stderr: `${stderr}\n` });
const OK: CommandResult = { code: 0, stdout: '', stderr: '' };

export class SimScontrol implements CommandRunner {
  constructor(
    private readonly fleet: SimFleet,
    private readonly siteId: string,
  ) {}

  private get overlay(): SimSlurmOverlay {
    const o = simSlurmOverlay(this.fleet, this.siteId);
    if (!o) throw new Error(`the simulator has no site ${this.siteId}`);
    return o;
  }

  async run(argv: string[], env: Record<string, string> = {}): Promise<CommandResult> {
    if (!argv[0] || !/(^|\/)scontrol$/.test(argv[0]))
      return { code: 127, stdout: '', stderr: `${argv[0] ?? ''}: command not found\n` };
    const o = this.overlay;
    let by = SIM_SLURM_USER;
    if (env.SLURM_JWT !== undefined) {
      // A token signed for the site: its user is who did it. A bad one: slurmctld drops the
      // connection and scontrol reports "Zero Bytes…", as real 22.05 does.
      const claims = verifySlurmJwt(o.jwtKey, env.SLURM_JWT, SIM_SLURM_USER, this.fleet.now());
      if (!claims.ok) {
        const verb = argv[1] === 'requeue' ? 'slurm_requeue' : 'slurm_update';
        // Only the SlurmUser (root) may drain and requeue here; real 22.05 answers another user so.
        if (claims.why.startsWith('token is for')) return fail(`${verb} error: Invalid user id`);
        return fail(`${verb} error: Zero Bytes were transmitted or received`);
      }
      by = claims.claims.sun;
    }
    const parsed = parseScontrolArgv(argv.slice(1));
    if (!parsed.ok) return fail(parsed.message);
    const cmd = parsed.value;
    const t = Math.floor(this.fleet.now() / 1000);
    if (cmd.kind === 'drain') {
      if (!cmd.reason?.trim())
        return fail('You must specify a reason when DOWNING or DRAINING a node. Request denied');
      const refused = o.drain(cmd.node, cmd.reason, by, t);
      return refused ? fail(`slurm_update error: ${refused.error}`) : OK;
    }
    if (cmd.kind === 'resume') {
      const refused = o.resume(cmd.node, t);
      return refused ? fail(`slurm_update error: ${refused.error}`) : OK;
    }
    const jobNumber = (id: string) => (/^\d+$/.test(id) ? Number(id) : NaN);
    if (cmd.kind === 'pin') {
      const refused = o.pin(jobNumber(cmd.job), cmd.node, t);
      return refused
        ? fail(`scontrol update jobid=${cmd.job} reqnodelist=${cmd.node}: ${refused.error}`)
        : OK;
    }
    if (cmd.kind === 'script') {
      const r = o.batchScript(jobNumber(cmd.job), t);
      return typeof r === 'string'
        ? { code: 0, stdout: r, stderr: '' }
        : fail(`${r.error} for job ${cmd.job}`);
    }
    for (const id of cmd.ids) {
      const n = Number(id);
      const refused = /^\d+$/.test(id) ? o.requeue(n, t) : { error: 'Invalid job id specified' };
      if (refused) return fail(`${refused.error} for job ${id}`);
    }
    return OK;
  }
}
