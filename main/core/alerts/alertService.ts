import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  AlertRulesFileSchema,
  DEFAULT_ALERT_RULES,
  isSilenced,
  severityRank,
  type AlertRule,
  type AlertSeverity,
} from '../../../shared/alerts';
import type { AlertList, AlertView } from '../../../shared/contract';
import { err, ok, type Result } from '../../../shared/result';
import { writeFileAtomic } from '../config/atomicFile';
import type { FleetService } from '../fleet/fleetService';
import type { NodeTimeline } from '../fleet/nodeTimeline';
import { acknowledge, emptyAlertBook, silence, type AlertBook } from './alertBook';
import { schedulerWord } from '../sites/schedulerState';
import { buildAlertFacts } from './buildAlertFacts';
import { evaluateAlerts } from './evaluateAlerts';
import type { NodeFacts } from './alertFacts';

const RULES_FILE = 'alerts.json';

/** Residency violations per node ("site/host"), from the sovereignty service (issue 7). */
export type ViolationSource = () => ReadonlyMap<string, NonNullable<NodeFacts['violations']>>;

/**
 * Runs the alert engine on every fleet tick, keeps the book, the rules (alerts.json in the config
 * directory) and tells subscribers when the list changes. Alerts opening and resolving, and each
 * node's state changes, go into the node timeline.
 */
export class AlertService {
  private book: AlertBook = emptyAlertBook();
  private readonly listeners = new Set<(l: AlertList) => void>();
  private byNodeCache: Map<string, { count: number; worst: AlertSeverity }> | null = null;

  private constructor(
    private readonly fleet: FleetService,
    private readonly timeline: NodeTimeline,
    private readonly stateDir: string,
    private rules: AlertRule[],
    readonly notes: string[],
    private readonly violations: ViolationSource,
  ) {}

  static async open(
    fleet: FleetService,
    timeline: NodeTimeline,
    stateDir: string,
    violations: ViolationSource = () => new Map(),
  ): Promise<AlertService> {
    const notes: string[] = [];
    const path = join(stateDir, RULES_FILE);
    let rules: AlertRule[] = [...DEFAULT_ALERT_RULES];
    const text = await readFile(path, 'utf8').catch(() => null);
    if (text !== null) {
      let raw: unknown;
      try {
        raw = JSON.parse(text);
        const parsed = AlertRulesFileSchema.safeParse(raw);
        if (parsed.success) rules = parsed.data.rules;
        else {
          const i = parsed.error.issues[0]!;
          notes.push(
            `${path}: ${i.path.join('.')}: ${i.message} — the default rules apply until it is fixed`,
          );
        }
      } catch (e) {
        notes.push(
          `${path} is not JSON (${(e as Error).message}): the default rules apply until it is fixed`,
        );
      }
    }
    return new AlertService(fleet, timeline, stateDir, rules, notes, violations);
  }

  /** One evaluation, at the fleet's tick. */
  evaluate(): void {
    const facts = buildAlertFacts(this.fleet, this.violations());
    for (const c of this.fleet.siteConnections)
      for (const n of c.nodes) {
        const sched = schedulerWord(c.scheduler.nodes.get(n.hostname));
        const status =
          n.outcome && n.outcome.kind !== 'ok' ? 'unreachable' : n.lastSuccessAt ? 'reporting' : 'no data';
        this.timeline.observeState(
          c.id,
          n.hostname,
          sched ? `${status}, scheduler ${sched}` : status,
          facts.at,
        );
      }
    const step = evaluateAlerts(this.book, facts, this.rules);
    this.book = step.book;
    this.byNodeCache = null;
    for (const a of step.opened)
      if (a.hostname)
        this.timeline.add(a.siteId, a.hostname, {
          t: a.firstSeen,
          kind: 'alert',
          text: a.title,
          severity: a.severity,
          ref: a.key,
        });
    for (const a of step.resolved)
      if (a.hostname)
        this.timeline.add(a.siteId, a.hostname, {
          t: a.resolvedAt ?? facts.at,
          kind: 'alert-resolved',
          text: `resolved: ${a.title}`,
          severity: null,
          ref: a.key,
        });
    if (step.opened.length || step.resolved.length) this.emit();
  }

  onChange(listener: (l: AlertList) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  list(): AlertList {
    const at = this.fleet.clock();
    const alerts: AlertView[] = [];
    for (const { alert } of this.book.entries.values())
      if (alert.state !== 'pending') alerts.push({ ...alert, silenced: isSilenced(alert, at) });
    alerts.sort(
      (a, b) =>
        Number(a.state === 'resolved') - Number(b.state === 'resolved') ||
        severityRank(a.severity) - severityRank(b.severity) ||
        b.firstSeen - a.firstSeen ||
        a.key.localeCompare(b.key),
    );
    return { at, alerts, rules: this.rules, notes: this.notes };
  }

  /** Firing alerts per node ("site/host"), for the node table's alert column. */
  byNode(): Map<string, { count: number; worst: AlertSeverity }> {
    if (this.byNodeCache) return this.byNodeCache;
    const m = new Map<string, { count: number; worst: AlertSeverity }>();
    for (const { alert: a } of this.book.entries.values()) {
      if (a.state !== 'firing' || !a.hostname) continue;
      const k = `${a.siteId}/${a.hostname}`;
      const cur = m.get(k);
      if (!cur) m.set(k, { count: 1, worst: a.severity });
      else {
        cur.count++;
        if (severityRank(a.severity) < severityRank(cur.worst)) cur.worst = a.severity;
      }
    }
    return (this.byNodeCache = m);
  }

  forNode(siteId: string, hostname: string): AlertView[] {
    return this.list().alerts.filter((a) => a.siteId === siteId && a.hostname === hostname);
  }

  acknowledge(key: string, who: string): Result<AlertView> {
    const r = acknowledge(this.book, key, who, this.fleet.clock());
    return this.apply(r, key);
  }

  silence(key: string, forS: number, who: string): Result<AlertView> {
    const at = this.fleet.clock();
    return this.apply(silence(this.book, key, at + forS * 1000, who, at), key);
  }

  async setRules(rules: AlertRule[]): Promise<Result<AlertRule[]>> {
    try {
      await writeFileAtomic(join(this.stateDir, RULES_FILE), JSON.stringify({ rules }, null, 2) + '\n');
    } catch (e) {
      return err('UNAVAILABLE', `the alert rules could not be saved: ${(e as Error).message}`);
    }
    this.rules = rules;
    this.notes.length = 0;
    this.emit();
    return ok(rules);
  }

  private apply(r: Result<AlertBook>, key: string): Result<AlertView> {
    if (!r.ok) return r;
    this.book = r.value;
    this.emit();
    const a = this.book.entries.get(key)!.alert;
    return ok({ ...a, silenced: isSilenced(a, this.fleet.clock()) });
  }

  private emit(): void {
    const l = this.list();
    for (const f of this.listeners) {
      try {
        f(l);
      } catch {
        // a closed socket must not stop the others
      }
    }
  }
}
