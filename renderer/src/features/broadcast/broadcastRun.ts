import type { BroadcastProgress } from '../../../../shared/terminal';
import { targetKey, type Target } from './targets';

/**
 * A broadcast run as the renderer keeps it: the targets in order, every node's latest result (the
 * core sends only rows that changed), and the groups once finished. Pure, so progress merging is tested.
 */
export type BroadcastResult = BroadcastProgress['results'][number];
export type BroadcastGroup = NonNullable<BroadcastProgress['groups']>[number];

export interface BroadcastRun {
  /** Null while broadcast.start is on its way. */
  broadcastId: string | null;
  command: string;
  /** Row order: the targets as sent. */
  order: string[];
  results: Record<string, BroadcastResult>;
  total: number;
  done: number;
  finished: boolean;
  groups: BroadcastGroup[] | null;
  /** Why the run did not start, or was lost; null otherwise. */
  error: string | null;
  cancelling: boolean;
  /** Progress that came before broadcast.start answered (replayed once the id is known). */
  early: BroadcastProgress[];
}

const pendingResult = (t: Target): BroadcastResult => ({
  siteId: t.siteId,
  hostname: t.hostname,
  state: 'pending',
  exitCode: null,
  stdout: '',
  stderr: '',
  error: null,
  ms: null,
});

export function newRun(command: string, targets: readonly Target[]): BroadcastRun {
  const results: Record<string, BroadcastResult> = {};
  for (const t of targets) results[targetKey(t)] = pendingResult(t);
  return {
    broadcastId: null,
    command,
    order: targets.map(targetKey),
    results,
    total: targets.length,
    done: 0,
    finished: false,
    groups: null,
    error: null,
    cancelling: false,
    early: [],
  };
}

/** One progress event merged into the run; events of other broadcasts leave it as it was. */
export function applyProgress(run: BroadcastRun, p: BroadcastProgress): BroadcastRun {
  if (run.broadcastId === null) return { ...run, early: [...run.early, p] };
  if (p.broadcastId !== run.broadcastId) return run;
  let results = run.results;
  let order = run.order;
  if (p.results.length) {
    results = { ...run.results };
    for (const r of p.results) {
      const k = targetKey(r);
      if (!(k in results)) order = [...order, k];
      results[k] = r;
    }
  }
  return {
    ...run,
    results,
    order,
    total: p.total,
    done: p.done,
    finished: p.finished,
    groups: p.groups ?? run.groups,
  };
}

/** broadcast.start answered: the run has its id, and what came early is applied. */
export function startedRun(run: BroadcastRun, broadcastId: string): BroadcastRun {
  let next: BroadcastRun = { ...run, broadcastId, early: [] };
  for (const p of run.early) next = applyProgress(next, p);
  return next;
}

export interface RunCounts {
  ok: number;
  /** Ran and exited non-zero. */
  nonZero: number;
  /** Did not run to an exit: failed to connect, timed out, cancelled. */
  failed: number;
  running: number;
  pending: number;
}

export function countResults(run: BroadcastRun): RunCounts {
  const c: RunCounts = { ok: 0, nonZero: 0, failed: 0, running: 0, pending: 0 };
  for (const k of run.order) {
    const r = run.results[k];
    if (!r) continue;
    if (r.state === 'pending') c.pending++;
    else if (r.state === 'running') c.running++;
    else if (r.state === 'done') {
      if (r.exitCode === 0) c.ok++;
      else c.nonZero++;
    } else c.failed++;
  }
  return c;
}

/** The line a result row shows: the error, else the first non-empty line of stdout, else of stderr. */
export function resultLine(r: BroadcastResult): string {
  if (r.error) return r.error;
  const first = (s: string) => s.split('\n').find((l) => l.trim() !== '') ?? '';
  return first(r.stdout) || first(r.stderr);
}

const STATE_WORDS: Record<BroadcastResult['state'], string> = {
  pending: 'Waiting',
  running: 'Running',
  done: 'Done',
  failed: 'Failed',
  timeout: 'Timed out',
  cancelled: 'Cancelled',
};

export const resultStateText = (s: BroadcastResult['state']): string => STATE_WORDS[s];

/** 1234 → "1.2 s", 85 → "85 ms", null → "—". */
export function formatMs(ms: number | null): string {
  if (ms === null || !Number.isFinite(ms)) return '—';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  return `${(ms / 1000).toFixed(1)} s`;
}

/** "exit 0", "exit 2", or for a group that never ran, "no exit code". */
export function exitText(code: number | null): string {
  return code === null ? 'no exit code' : `exit ${code}`;
}

/**
 * A group's nodes by site, in the order they come, at most `limit` names in all: what a group card
 * lists before "Show all".
 */
export function namesBySite(
  nodes: readonly { siteId: string; hostname: string }[],
  limit = Infinity,
): { sites: { siteId: string; hostnames: string[] }[]; hidden: number } {
  const sites: { siteId: string; hostnames: string[] }[] = [];
  const shown = nodes.slice(0, limit);
  for (const n of shown) {
    const last = sites.find((s) => s.siteId === n.siteId);
    if (last) last.hostnames.push(n.hostname);
    else sites.push({ siteId: n.siteId, hostnames: [n.hostname] });
  }
  return { sites, hidden: nodes.length - shown.length };
}
