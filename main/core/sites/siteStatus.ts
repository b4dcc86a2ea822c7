import type { SiteStatus } from '../../../shared/domain';

/** What the last attempt at one node ended in. */
export type NodeOutcome =
  | { kind: 'ok' }
  | { kind: 'unreachable'; message: string }
  | { kind: 'auth'; message: string }
  | { kind: 'bad-response'; message: string };

export interface NodeHealth {
  hostname: string;
  /** null until the first attempt finishes. */
  outcome: NodeOutcome | null;
  lastSuccessAt: number | null;
}

/**
 * A site's state from its nodes' last outcomes (pure, table-tested).
 * - connecting: nothing has finished yet;
 * - ok: every node answered;
 * - degraded: some answered, some did not;
 * - auth-failed / misconfigured / unreachable: no node answered, by the dominant reason;
 * - stale: the newest data is older than `staleAfterMs` although nothing failed (scrapes stuck).
 */
export function deriveSiteStatus(
  nodes: readonly NodeHealth[],
  nowMs: number,
  staleAfterMs: number,
  site: { polled: boolean; outcome: NodeOutcome | null } = { polled: false, outcome: null },
): { status: SiteStatus; reason: string | null } {
  const siteOutcome = site.outcome;
  // The site's own endpoint (its Prometheus, its scheduler) failed: that explains everything below it.
  if (siteOutcome && siteOutcome.kind !== 'ok') {
    const m = siteOutcome.message;
    if (siteOutcome.kind === 'auth')
      return { status: 'auth-failed', reason: `the site refused our credentials — ${m}` };
    if (siteOutcome.kind === 'bad-response') return { status: 'misconfigured', reason: m };
    return { status: 'unreachable', reason: `the site does not answer — ${m}` };
  }
  const finished = nodes.filter((n) => n.outcome !== null);
  if (nodes.length === 0)
    return site.polled
      ? { status: 'misconfigured', reason: 'the site answered but reports no GPU nodes' }
      : { status: 'connecting', reason: 'waiting for the first answer' };
  if (finished.length === 0) return { status: 'connecting', reason: 'waiting for the first answer' };
  const failed = finished.filter((n) => n.outcome!.kind !== 'ok');
  const first = failed[0];
  const describe = (n: NodeHealth) => `${n.hostname}: ${(n.outcome as { message: string }).message}`;
  if (failed.length === 0) {
    const newest = Math.max(...nodes.map((n) => n.lastSuccessAt ?? -Infinity));
    if (nowMs - newest > staleAfterMs)
      return { status: 'stale', reason: `no fresh data for ${Math.round((nowMs - newest) / 1000)} s` };
    return { status: 'ok', reason: null };
  }
  if (failed.length < finished.length)
    return {
      status: 'degraded',
      reason: `${failed.length} of ${nodes.length} nodes not answering — ${describe(first!)}`,
    };
  const kinds = new Set(failed.map((n) => n.outcome!.kind));
  if (kinds.has('auth'))
    return { status: 'auth-failed', reason: `the site refused our credentials — ${describe(first!)}` };
  if (kinds.has('bad-response') && !kinds.has('unreachable'))
    return {
      status: 'misconfigured',
      reason: `nodes answer, but not with dcgm-exporter metrics — ${describe(first!)}`,
    };
  return { status: 'unreachable', reason: `no node answered — ${describe(first!)}` };
}

/** Exponential backoff with full jitter, capped (AWS Architecture Blog, "Exponential Backoff and Jitter"). */
export function backoffMs(
  failures: number,
  baseMs: number,
  capMs: number,
  random: () => number = Math.random,
): number {
  if (failures <= 0) return baseMs;
  const ceiling = Math.min(capMs, baseMs * 2 ** Math.min(failures, 20));
  return Math.max(baseMs, Math.round(ceiling * (0.5 + 0.5 * random())));
}
