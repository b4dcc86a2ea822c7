import { gpuTypesOf, parseGres, parseTresGres, sumGpus } from './gres';
import { expandHostlist } from './hostlist';
import type { SlurmJobRaw, SlurmNodeRaw } from './slurmSchemas';

/**
 * What the console knows about a Slurm node and job, in plain data, from slurmrestd's raw shapes.
 * Unknown stays unknown: a count Slurm did not give (or gave in a form we cannot read) is null, never 0;
 * Slurm's own "no value" spellings (0 for a time, "" for a text) become null too.
 */
export interface SlurmNode {
  name: string;
  /** NodeAddr: where the node is reached (its exporters, its sshd); null when Slurm gives none. */
  address: string | null;
  /** Base state, lower case as v0.0.38 sends it: idle, mixed, allocated, down, future… */
  state: string;
  /** DRAIN, NOT_RESPONDING, COMPLETING, REBOOT_REQUESTED…, upper case. */
  flags: string[];
  reason: string | null;
  reasonSetBy: string | null;
  /** Epoch ms. */
  reasonChangedAt: number | null;
  gpusTotal: number | null;
  gpusUsed: number | null;
  /** The node's one GPU type (h200…); null if untyped, mixed (see gpuTypes) or unknown. */
  gpuType: string | null;
  gpuTypes: string[];
  partitions: string[];
  cpus: number | null;
  allocCpus: number | null;
}

export interface SlurmJob {
  id: number;
  name: string;
  /** PENDING, RUNNING, COMPLETING, CANCELLED, COMPLETED, FAILED…, upper case. */
  state: string;
  /** Why it waits: Resources, Priority, BeginTime…; null when Slurm says None. */
  stateReason: string | null;
  nodes: string[];
  /** GPUs allocated (running) or requested (pending), over all its nodes. */
  gpus: number | null;
  gpuType: string | null;
  account: string | null;
  comment: string | null;
  user: string | null;
  partition: string | null;
  /** Epoch ms. */
  submitTime: number | null;
  startTime: number | null;
  /** Actual end of a finished job; expected end (start + limit) of a running one. */
  endTime: number | null;
  restarts: number;
  /** What a move across sites resubmits with: working directory, output file, time limit (min). */
  cwd: string | null;
  stdout: string | null;
  timeLimitMin: number | null;
  /** The GPU type its request named; null when any would do (a move may then change the model). */
  gpuTypeAsked: string | null;
}

const text = (s: string | null | undefined): string | null => (s && s !== '(null)' ? s : null);
// A time past what a Date holds (8.64e12 s; 1e308 s is Infinity ms) is as unknown as no time at all.
const epochMs = (s: number | null | undefined): number | null =>
  s && s > 0 && s <= 8.64e12 ? s * 1000 : null;

export function toSlurmNode(raw: SlurmNodeRaw): SlurmNode {
  const gres = parseGres(raw.gres);
  const used = parseGres(raw.gres_used);
  const gpusTotal = gres.ok ? sumGpus(gres.value) : null;
  // "gpu:h200:0(IDX:N/A)" is a real zero; a node with no GPU gres uses none; a node with GPUs but
  // no readable gres_used is unknown.
  const gpusUsed =
    used.ok && used.value.some((e) => e.name === 'gpu') ? sumGpus(used.value) : gpusTotal === 0 ? 0 : null;
  const gpuTypes = gres.ok ? gpuTypesOf(gres.value) : [];
  return {
    name: raw.name,
    address: text(raw.address) ?? text(raw.hostname),
    state: raw.state.toLowerCase(),
    flags: (raw.state_flags ?? []).map((f) => f.toUpperCase()),
    reason: text(raw.reason),
    reasonSetBy: text(raw.reason_set_by_user),
    reasonChangedAt: epochMs(raw.reason_changed_at),
    gpusTotal,
    gpusUsed,
    gpuType: gpuTypes.length === 1 ? gpuTypes[0]! : null,
    gpuTypes,
    partitions: raw.partitions ?? [],
    cpus: raw.cpus ?? null,
    allocCpus: raw.alloc_cpus ?? null,
  };
}

/** GPUs of a job: what it holds per node when running, else what it asked for. */
/** The GPU type the job asked for (gres gpu:h200:2 in its request), not the one it got. */
function askedGpuType(raw: SlurmJobRaw): string | null {
  const perNode = parseTresGres(raw.tres_per_node);
  const perJob = parseTresGres(raw.tres_per_job);
  if (!perNode.ok || !perJob.ok) return null;
  const types = gpuTypesOf([...perNode.value, ...perJob.value]);
  return types.length === 1 ? types[0]! : null;
}

function jobGpus(raw: SlurmJobRaw): { gpus: number | null; gpuType: string | null } {
  const detail = raw.gres_detail ?? [];
  if (detail.length > 0) {
    const parsed = detail.map((d) => parseGres(d));
    if (parsed.some((p) => !p.ok)) return { gpus: null, gpuType: null };
    const entries = parsed.flatMap((p) => (p.ok ? p.value : []));
    const types = gpuTypesOf(entries);
    return { gpus: sumGpus(entries), gpuType: types.length === 1 ? types[0]! : null };
  }
  const perNode = parseTresGres(raw.tres_per_node);
  const perJob = parseTresGres(raw.tres_per_job);
  if (!perNode.ok || !perJob.ok) return { gpus: null, gpuType: null };
  const types = gpuTypesOf([...perNode.value, ...perJob.value]);
  const gpuType = types.length === 1 ? types[0]! : null;
  if (sumGpus(perJob.value) > 0) return { gpus: sumGpus(perJob.value), gpuType };
  if (sumGpus(perNode.value) > 0) {
    const nodes = Number.isSafeInteger(raw.node_count) ? raw.node_count! : null;
    return { gpus: nodes === null ? null : sumGpus(perNode.value) * Math.max(1, nodes), gpuType };
  }
  return { gpus: 0, gpuType: null }; // asked for no GPU at all
}

export function toSlurmJob(raw: SlurmJobRaw): SlurmJob {
  const hosts = expandHostlist(raw.nodes);
  const { gpus, gpuType } = jobGpus(raw);
  const reason = text(raw.state_reason);
  return {
    id: raw.job_id,
    name: raw.name ?? '',
    state: raw.job_state.toUpperCase(),
    stateReason: reason === 'None' ? null : reason,
    // An expression we cannot expand is still worth showing as written.
    nodes: hosts.ok ? hosts.value : [raw.nodes!],
    gpus,
    gpuType,
    account: text(raw.account),
    comment: text(raw.comment),
    user: text(raw.user_name),
    partition: text(raw.partition),
    submitTime: epochMs(raw.submit_time),
    startTime: epochMs(raw.start_time),
    endTime: raw.job_state.toUpperCase() === 'PENDING' ? null : epochMs(raw.end_time),
    restarts: raw.restart_cnt ?? 0,
    cwd: text(raw.current_working_directory),
    stdout: text(raw.standard_output),
    timeLimitMin: raw.time_limit && raw.time_limit > 0 ? raw.time_limit : null,
    gpuTypeAsked: askedGpuType(raw),
  };
}

/**
 * The one word sinfo would print for a node (its long state), which is what operators read:
 * idle+DRAIN = drained, mixed/allocated+DRAIN = draining, NOT_RESPONDING adds "*".
 */
export function nodeCondition(n: Pick<SlurmNode, 'state' | 'flags'>): string {
  const f = new Set(n.flags);
  let word = n.state;
  if (f.has('DRAIN')) word = n.state === 'idle' || n.state === 'down' ? 'drained' : 'draining';
  if (f.has('MAINTENANCE') && !f.has('DRAIN')) word = 'maint';
  return f.has('NOT_RESPONDING') ? `${word}*` : word;
}
