import type { JobSummary, NodeSummary, SiteDetail } from '../../../../shared/domain';
import { formatAge, NO_DATA } from '../../lib/format';

/**
 * Words of the site panel's scheduler parts, pure and table-tested: a node's Slurm state in one
 * compact line, which actions a node row offers, a drain reason's problem (the core's own rule), the
 * jobs list and the Slurm status line.
 */

export type SchedulerNode = NonNullable<NodeSummary['scheduler']>;
export type SiteScheduler = NonNullable<SiteDetail['scheduler']>;

/** How a state reads at a glance; the words carry the meaning, the colour only helps scanning. */
export type SchedTone = 'ok' | 'warn' | 'down' | 'muted';

export interface SchedulerStateText {
  /** "mixed", "idle · DRAIN", "down · NOT_RESPONDING"; "—" when the scheduler does not know the node. */
  text: string;
  tone: SchedTone;
  /** The cell's title: the sinfo word, GPUs and the reason, for hover. */
  title: string;
}

const has = (s: SchedulerNode, flag: string) => s.flags.includes(flag);

/** The one word sinfo prints (its long state): idle+DRAIN = drained, busy+DRAIN = draining, "*" = not responding. */
export function sinfoWord(s: Pick<SchedulerNode, 'state' | 'flags'>): string {
  const f = new Set(s.flags);
  let word = s.state;
  if (f.has('DRAIN')) word = s.state === 'idle' || s.state === 'down' ? 'drained' : 'draining';
  else if (f.has('MAINTENANCE')) word = 'maint';
  return f.has('NOT_RESPONDING') ? `${word}*` : word;
}

const DOWN_STATES = new Set(['down', 'fail', 'failing', 'error', 'unknown']);
const DOWN_FLAGS = ['NOT_RESPONDING', 'FAIL'];
const WARN_FLAGS = ['DRAIN', 'MAINTENANCE', 'REBOOT_REQUESTED', 'REBOOT_ISSUED'];

function toneOf(s: SchedulerNode): SchedTone {
  if (DOWN_STATES.has(s.state) || DOWN_FLAGS.some((f) => has(s, f))) return 'down';
  if (WARN_FLAGS.some((f) => has(s, f)) || s.state.startsWith('drain')) return 'warn';
  if (s.state === 'idle' || s.state === 'mixed' || s.state === 'allocated') return 'ok';
  return 'muted';
}

/** "6 / 8" GPUs allocated by Slurm, of those it knows; "—" for an unknown count. */
export function formatAlloc(s: Pick<SchedulerNode, 'gpusUsed' | 'gpusTotal'> | null): string {
  if (!s || s.gpusTotal === null) return NO_DATA;
  return `${s.gpusUsed === null ? NO_DATA : s.gpusUsed} / ${s.gpusTotal}`;
}

/**
 * A node's state as Slurm sees it, compactly: the base state and its flags ("idle · DRAIN"). Null
 * (the scheduler does not know this node) is a dash that says so in its title.
 */
export function schedulerStateText(s: SchedulerNode | null): SchedulerStateText {
  if (s === null) return { text: NO_DATA, tone: 'muted', title: 'The scheduler does not know this node' };
  const text = [s.state || NO_DATA, ...s.flags].join(' · ');
  const parts = [`Slurm: ${sinfoWord(s)}`];
  if (s.gpusTotal !== null) parts.push(`${formatAlloc(s)} GPUs allocated`);
  if (s.reason) parts.push(`reason: ${s.reason}`);
  return { text, tone: toneOf(s), title: parts.join(' — ') };
}

/** Which scheduler actions a node row offers (before the role is considered). */
export interface NodeActionOffer {
  drain: boolean;
  resume: boolean;
}

/**
 * Drain while the node is not drained or draining already; resume when it is drained, draining,
 * failed or down (scontrol's state=resume clears all of those). A node the scheduler does not know
 * offers neither: scontrol would refuse it.
 */
export function nodeActionOffer(s: SchedulerNode | null): NodeActionOffer {
  if (s === null) return { drain: false, resume: false };
  const drained = has(s, 'DRAIN') || s.state.startsWith('drain');
  const resumable = drained || has(s, 'FAIL') || s.state === 'down' || s.state === 'fail';
  return { drain: !drained, resume: resumable };
}

/** Slurm keeps reasons short; the core refuses longer ones. */
export const MAX_REASON = 256;

/**
 * Why a drain reason cannot be sent as written, or null when it can — the same rule the core applies
 * (scontrol strips double quotes inside a value, so they are refused rather than mangled).
 */
export function reasonProblem(reason: string): string | null {
  const r = reason.trim();
  if (r === '')
    return 'Give a reason: it is what the next operator reads (e.g. "XID 79 on GPU 3, ticket 4711").';
  if (r.length > MAX_REASON) return `Keep the reason to ${MAX_REASON} characters (it has ${r.length}).`;
  if (r.includes('"'))
    return 'The reason cannot contain double quotes (scontrol would mangle them): use single quotes.';
  if (/\p{Cc}/u.test(r)) return 'The reason cannot contain line breaks or control characters.';
  return null;
}

/** What a drain does to the jobs running on the node, for the drain dialog. */
export function drainJobsText(runningJobs: readonly number[]): string {
  if (runningJobs.length === 0) return 'No job runs on it now.';
  const one = runningJobs.length === 1;
  return one
    ? `Job ${runningJobs[0]} runs on it and finishes there; requeue it from the Jobs list to move it now.`
    : `Jobs ${runningJobs.join(', ')} run on it and finish there; requeue them from the Jobs list to move them now.`;
}

/** Shown on every drain, resume and requeue control a role without 'drain' sees disabled. */
export const NEEDS_DRAIN = 'Needs the NOC operator or Admin role';

/** The reason a scheduler control is disabled, or undefined when it is not. */
export function drainWhy(canDrain: boolean, roleKnown: boolean): string | undefined {
  return canDrain ? undefined : roleKnown ? NEEDS_DRAIN : 'Waiting for this window’s role';
}

/** "RUNNING", "PENDING (Resources)": the reason matters only while a job waits. */
export function jobStateText(job: Pick<JobSummary, 'state' | 'stateReason'>): string {
  return job.state === 'PENDING' && job.stateReason ? `${job.state} (${job.stateReason})` : job.state;
}

export const isRunning = (job: Pick<JobSummary, 'state'>): boolean => job.state === 'RUNNING';

/** Job nodes as one short line: "gpu1, gpu2"; none (a pending job) → "—". */
export function jobNodesText(nodes: readonly string[]): string {
  return nodes.length === 0 ? NO_DATA : nodes.join(', ');
}

const STATE_ORDER: Record<string, number> = { RUNNING: 0, COMPLETING: 1, PENDING: 2 };

/** Running jobs first, then completing, pending and the rest; by id within each. */
export function sortJobs(jobs: readonly JobSummary[]): JobSummary[] {
  const rank = (j: JobSummary) => STATE_ORDER[j.state] ?? 3;
  return [...jobs].sort((a, b) => rank(a) - rank(b) || a.id - b.id);
}

/** The panel shows at most this many jobs; the rest are counted, not rendered every tick. */
export const MAX_JOB_ROWS = 200;

/** "8 running, 3 pending" — the states that matter, then everything else as "other". */
export function jobCounts(jobs: readonly JobSummary[]): string {
  if (jobs.length === 0) return 'no jobs';
  let running = 0;
  let pending = 0;
  for (const j of jobs) {
    if (j.state === 'RUNNING') running++;
    else if (j.state === 'PENDING') pending++;
  }
  const other = jobs.length - running - pending;
  const parts = [`${running} running`, `${pending} pending`];
  if (other > 0) parts.push(`${other} other`);
  return parts.join(', ');
}

/** A message as a sentence: a full stop unless it ends in punctuation already. */
const sentence = (m: string): string => {
  const t = m.trim();
  return /[.!?…:)]$/.test(t) ? t : `${t}.`;
};

export interface SchedulerStatusLine {
  text: string;
  /** 'ok': Slurm answered; 'warn': it did not (the text says why); 'waiting': no answer yet. */
  tone: 'ok' | 'warn' | 'waiting';
}

/**
 * The Jobs header's line: "Slurm answered 3 s ago", or Slurm's problem in words (with the age of the
 * last good answer, whose jobs are still listed). `reference` is the data time ages are measured from.
 */
export function schedulerStatusLine(s: SiteScheduler, reference: number | null): SchedulerStatusLine {
  const age = s.at === null || reference === null ? null : formatAge(Math.max(0, reference - s.at));
  if (s.ok) return { text: age === null ? 'Slurm answered' : `Slurm answered ${age}`, tone: 'ok' };
  if (s.message === null && s.at === null)
    return { text: 'Waiting for Slurm’s first answer…', tone: 'waiting' };
  const problem = sentence(s.message ?? 'Slurm did not answer');
  const last = s.at === null ? ' No answer yet.' : age === null ? '' : ` Jobs as of its last answer, ${age}.`;
  return { text: `${problem}${last}`, tone: 'warn' };
}

/**
 * Whether the scheduler's view already shows what an action did (so its "sent" note can go):
 * a drained node has DRAIN, a resumed one is neither drained nor down.
 */
export function nodeShowsAction(kind: 'drain' | 'resume', s: SchedulerNode | null): boolean {
  if (s === null) return false;
  const drained = has(s, 'DRAIN') || s.state.startsWith('drain');
  return kind === 'drain' ? drained : !drained && s.state !== 'down';
}

/**
 * Scheduler answers counted since an action succeeded. The first answer after it may have been read
 * before scontrol ran, so only the second one is sure to show the result.
 */
export const ANSWERS_TO_SETTLE = 2;

export type ActionKind = 'drain' | 'resume' | 'requeue';

/** Where one node's or job's last action is: running, refused (with the core's words), or accepted. */
export type ActionState =
  | { phase: 'busy'; kind: ActionKind }
  | { phase: 'failed'; kind: ActionKind; message: string }
  /** Accepted; `answers` is how many scheduler answers the panel had seen when it was. */
  | { phase: 'sent'; kind: ActionKind; answers: number };

export interface ActionNote {
  text: string;
  tone: 'busy' | 'warn' | 'info';
}

const BUSY: Record<ActionKind, string> = {
  drain: 'Draining…',
  resume: 'Resuming…',
  requeue: 'Requeueing…',
};
const NOUN: Record<ActionKind, string> = { drain: 'Drain', resume: 'Resume', requeue: 'Requeue' };

/**
 * What a row says about its last action: running, why it failed, or that Slurm accepted it and the
 * table catches up on its next answer. Null once the scheduler's view shows the result (`shown`) or
 * has answered twice since.
 */
export function actionNote(
  state: ActionState | undefined,
  answersNow: number,
  shown = false,
): ActionNote | null {
  if (!state) return null;
  if (state.phase === 'busy') return { text: BUSY[state.kind], tone: 'busy' };
  if (state.phase === 'failed') return { text: `${NOUN[state.kind]} failed: ${state.message}`, tone: 'warn' };
  if (shown || answersNow - state.answers >= ANSWERS_TO_SETTLE) return null;
  return {
    text: `${NOUN[state.kind]} accepted; the table shows it once Slurm answers again.`,
    tone: 'info',
  };
}
