import { alertKey, ruleHoldMs, type Alert, type AlertRule } from '../../../shared/alerts';
import { READING_FRESH_INTERVALS, type AlertFacts, type GpuFacts, type NodeFacts } from './alertFacts';
import type { AlertBook, Tracked } from './alertBook';
import {
  gpuFacet,
  nodeDownFacet,
  powerPct,
  siteFacet,
  residencyFacet,
  staleFacet,
  type AlertFacet,
} from './alertText';
import { isSchedulerDown } from './schedulerDown';

/**
 * The alert engine (issue 4): one pure step from the previous book and this tick's facts.
 *
 * Per key: a true condition opens a pending alert, which fires once the condition has held for the
 * rule's hold; a firing alert resolves once the condition has been false for clearS (hysteresis), and a
 * pending one whose condition turns false is dropped. Missing data (null, or a reading older than
 * READING_FRESH_INTERVALS) is no evidence either way: it neither starts nor ends a condition, and the
 * timers keep their timestamps, so a GPU hot before and after a gap is taken as hot throughout (the
 * data-stale rule is what reports the gap). An alert whose subject left the facts (node, GPU or site
 * removed) or whose rule is gone or disabled resolves at once. Resolved alerts stay for `retentionMs`
 * as history; a condition that returns reuses the key with a new firstSeen.
 *
 * XID is an event, not a level: DCGM keeps the last XID until the driver reloads, so the open alert's
 * value is the "last XID seen" memory. First sight of a nonzero XID fires (an operator opening the
 * console should see it), the same value again does nothing, a different value fires anew, and a
 * return to 0 (driver reload, reboot) resolves it.
 *
 * Cost: one pass over the GPUs; a healthy GPU on a node without alerts costs comparisons only (no
 * strings, no objects), since keys are built only for true conditions or nodes that already have entries.
 * 160,000 GPUs with a few hundred alerts take a few ms per tick.
 */

export const DEFAULT_RETENTION_MS = 24 * 3600_000;

export interface EvaluateOptions {
  /** How long resolved alerts stay in the book for the list's history. */
  retentionMs?: number;
}

export interface AlertStep {
  book: AlertBook;
  /** Alerts that went to firing this tick (also when silenced: check isSilenced before making noise). */
  opened: Alert[];
  /** Alerts that resolved this tick. */
  resolved: Alert[];
}

interface Tick {
  at: number;
  retentionMs: number;
  prev: ReadonlyMap<string, Tracked>;
  next: Map<string, Tracked>;
  touched: Set<string>;
  opened: Alert[];
  resolved: Alert[];
}

interface Subject {
  siteId: string;
  hostname: string | null;
  gpu: number | null;
}

export function evaluateAlerts(
  prev: AlertBook,
  facts: AlertFacts,
  rules: readonly AlertRule[],
  opts: EvaluateOptions = {},
): AlertStep {
  const { at, intervalMs } = facts;
  const t: Tick = {
    at,
    retentionMs: opts.retentionMs ?? DEFAULT_RETENTION_MS,
    prev: prev.entries,
    next: new Map(),
    touched: new Set(),
    opened: [],
    resolved: [],
  };
  const on = (kinds: readonly string[]) => rules.filter((r) => r.enabled && kinds.includes(r.kind));
  const gpuRules = on(['gpu-temp', 'gpu-power', 'xid', 'row-remap-failure']).filter(
    (r) => (r.kind !== 'gpu-temp' && r.kind !== 'gpu-power') || r.threshold !== null,
  );
  const downRules = on(['node-down']);
  const staleRules = on(['data-stale']);
  const residencyRules = on(['residency']);
  const siteRules = on(['site-unreachable']);

  // Sites first: an unreachable site's nodes are covered by its alert, not by one stale alert each.
  const covered = new Set<string>();
  for (const site of facts.sites) {
    if (!site.reachable && siteRules.length > 0) covered.add(site.siteId);
    for (const rule of siteRules) {
      const key = alertKey(rule.id, site.siteId, null, null);
      const p = t.prev.get(key);
      const since = p && p.alert.state !== 'resolved' && p.trueSince !== null ? p.trueSince : at;
      const facet = site.reachable ? null : siteFacet(rule, site, at - since);
      const subject = { siteId: site.siteId, hostname: null, gpu: null };
      advance(t, key, rule, subject, !site.reachable, facet, ruleHoldMs(rule, intervalMs));
    }
  }

  // Which nodes already have entries; on every other node a condition that is not true needs no key.
  const withEntries = new Map<string, Set<string>>();
  for (const { alert } of t.prev.values()) {
    if (alert.hostname === null) continue;
    let hosts = withEntries.get(alert.siteId);
    if (!hosts) withEntries.set(alert.siteId, (hosts = new Set()));
    hosts.add(alert.hostname);
  }

  const freshMs = READING_FRESH_INTERVALS * intervalMs;
  for (const node of facts.nodes) {
    const known = withEntries.get(node.siteId)?.has(node.hostname) ?? false;
    for (const rule of downRules) {
      const cond = isSchedulerDown(node.schedulerState);
      const key = visitKey(t, known, rule, node, null, cond);
      if (key === null) continue;
      const facet = cond ? nodeDownFacet(rule, node) : null;
      advance(t, key, rule, subjectOf(node, null), cond, facet, ruleHoldMs(rule, intervalMs));
    }
    for (const rule of residencyRules) {
      const cond = node.violations === undefined ? null : node.violations.length > 0;
      const key = visitKey(t, known, rule, node, null, cond);
      if (key === null) continue;
      const facet = cond ? residencyFacet(rule, node) : null;
      advance(t, key, rule, subjectOf(node, null), cond, facet, ruleHoldMs(rule, intervalMs));
    }
    for (const rule of staleRules) {
      const ageLimit = ruleHoldMs(rule, intervalMs);
      const age = node.lastSuccessAt === null ? null : at - node.lastSuccessAt;
      // Under an unreachable site: unknown, so nothing new starts and nothing known clears.
      // Never answered: no age to compare, so the age limit is held from the first tick that saw it instead.
      const cond = covered.has(node.siteId) ? null : age === null ? true : age > ageLimit;
      const key = visitKey(t, known, rule, node, null, cond);
      if (key === null) continue;
      const facet = cond ? staleFacet(rule, node, age) : null;
      advance(t, key, rule, subjectOf(node, null), cond, facet, age === null ? ageLimit : 0);
    }
    if (gpuRules.length === 0) continue;
    for (const g of node.gpus) {
      const fresh = g.sampleAt === null || at - g.sampleAt <= freshMs;
      for (const rule of gpuRules) {
        const cond = fresh ? gpuCondition(rule, g) : null;
        const key = visitKey(t, known, rule, node, g.index, cond);
        if (key === null) continue; // the common case, decided with comparisons only
        const facet = cond ? gpuFacet(rule, node, g) : null;
        advance(t, key, rule, subjectOf(node, g.index), cond, facet, ruleHoldMs(rule, intervalMs));
      }
    }
  }

  // Entries nobody visited: their subject left the facts, or their rule was removed or disabled.
  for (const [key, tr] of t.prev) {
    if (t.touched.has(key)) continue;
    if (tr.alert.state === 'pending') continue;
    settle(t, key, tr.alert.state === 'firing' ? resolve(t, tr) : tr);
  }

  return { book: { entries: t.next }, opened: t.opened, resolved: t.resolved };
}

/** The key to visit, or null when there is nothing to do: a condition that is not true and no record. */
function visitKey(
  t: Tick,
  known: boolean,
  rule: AlertRule,
  node: NodeFacts,
  gpu: number | null,
  cond: boolean | null,
): string | null {
  if (!known && cond !== true) return null;
  const key = alertKey(rule.id, node.siteId, node.hostname, gpu);
  return cond === true || t.prev.has(key) ? key : null;
}

const subjectOf = (node: NodeFacts, gpu: number | null): Subject => ({
  siteId: node.siteId,
  hostname: node.hostname,
  gpu,
});

/** True, false, or null when the reading is missing. */
function gpuCondition(rule: AlertRule, g: GpuFacts): boolean | null {
  switch (rule.kind) {
    case 'gpu-temp':
      return g.tempC === null ? null : g.tempC > rule.threshold!;
    case 'gpu-power': {
      const pct = powerPct(g);
      return pct === null ? null : pct > rule.threshold!;
    }
    case 'xid':
      // 0 is DCGM's "no XID since the driver loaded".
      return g.xid === null ? null : g.xid > 0;
    case 'row-remap-failure':
      return g.rowRemapFailure === null ? null : g.rowRemapFailure > 0;
    default:
      return null;
  }
}

function advance(
  t: Tick,
  key: string,
  rule: AlertRule,
  subject: Subject,
  cond: boolean | null,
  facet: AlertFacet | null,
  holdMs: number,
): void {
  t.touched.add(key);
  let prev = t.prev.get(key);
  if (prev && prev.alert.kind !== rule.kind) {
    // A rule id reused for another kind (the user edited the file): the old alert ends here.
    const old = prev.alert.state === 'firing' ? resolve(t, prev) : prev;
    prev = undefined;
    if (cond !== true) return old.alert.state === 'pending' ? undefined : settle(t, key, old);
  }
  if (cond === true) return settle(t, key, onTrue(t, key, prev, rule, subject, facet!, holdMs));
  if (!prev) return;
  if (cond === null) return settle(t, key, prev);
  if (prev.alert.state === 'pending') return; // never held long enough: dropped, not resolved
  if (prev.alert.state === 'resolved') return settle(t, key, prev);
  const falseSince = prev.falseSince ?? t.at;
  const cleared = t.at - falseSince >= rule.clearS * 1000;
  settle(t, key, cleared ? resolve(t, prev) : { alert: prev.alert, trueSince: null, falseSince });
}

function onTrue(
  t: Tick,
  key: string,
  prev: Tracked | undefined,
  rule: AlertRule,
  subject: Subject,
  facet: AlertFacet,
  holdMs: number,
): Tracked {
  const at = t.at;
  const open = prev && prev.alert.state !== 'resolved' ? prev : undefined;
  // DCGM keeps the last XID until the driver reloads, so a value that stays is one event, and a
  // different value while the alert is open is a new one: it starts over, unacknowledged.
  const newEvent = open !== undefined && rule.kind === 'xid' && open.alert.value !== facet.value;
  let alert: Alert;
  let trueSince: number;
  if (!open || newEvent) {
    // A condition that returns keeps the key's silence (a flapping alert stays quiet); a new XID does not.
    const keep = prev && !newEvent ? prev.alert : null;
    alert = {
      key,
      ruleId: rule.id,
      kind: rule.kind,
      ...subject,
      ...facet,
      state: 'pending',
      firstSeen: at,
      lastSeen: at,
      resolvedAt: null,
      acknowledgedBy: null,
      acknowledgedAt: null,
      silencedUntil: keep?.silencedUntil ?? null,
      silencedBy: keep?.silencedBy ?? null,
    };
    trueSince = at;
  } else {
    alert = { ...open.alert, ...facet, lastSeen: at };
    trueSince = open.trueSince ?? at;
  }
  if (alert.state === 'pending' && at - trueSince >= holdMs) {
    alert = liftExpiredSilence({ ...alert, state: 'firing' }, at);
    t.opened.push(alert);
  }
  return { alert, trueSince, falseSince: null };
}

function resolve(t: Tick, tr: Tracked): Tracked {
  const alert: Alert = liftExpiredSilence({ ...tr.alert, state: 'resolved', resolvedAt: t.at }, t.at);
  t.resolved.push(alert);
  return { alert, trueSince: null, falseSince: null };
}

function liftExpiredSilence(a: Alert, at: number): Alert {
  return a.silencedUntil !== null && a.silencedUntil <= at
    ? { ...a, silencedUntil: null, silencedBy: null }
    : a;
}

/** Keeps an entry for the next tick unless it is resolved history past retention; lifts an expired silence. */
function settle(t: Tick, key: string, tr: Tracked): void {
  const a = tr.alert;
  if (a.state === 'resolved' && a.resolvedAt !== null && t.at - a.resolvedAt >= t.retentionMs) return;
  const lifted = liftExpiredSilence(a, t.at);
  t.next.set(key, lifted === a ? tr : { ...tr, alert: lifted });
}
