import { createHash } from 'node:crypto';
import { appendFile, mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PolicyFileSchema } from '../../../shared/policy';
import {
  ResidencyEventSchema,
  type PolicyStatus,
  type ResidencyAnswer,
  type ResidencyEvent,
  type ResidencyNow,
  type ResidencyQuery,
  type WorkloadNow,
} from '../../../shared/residency';
import { err, ok, type Result } from '../../../shared/result';
import type { AuditInput, AuditLog } from '../audit/auditLog';
import { writeFileAtomic } from '../config/atomicFile';
import type { FleetService } from '../fleet/fleetService';
import { compilePolicy, evaluatePolicy, type CompiledPolicy } from '../policy/compilePolicy';
import { parsePolicyYaml } from '../policy/policyFile';
import { residencyCsv } from './residencyCsv';
import { residencyQuery } from './residencyQuery';
import { ResidencyTracker, type Observation } from './residencyTracker';
import type { NodeTimeline } from '../fleet/nodeTimeline';
import { runningWorkloads } from './workloadOf';

const POLICY_FILE = 'policies.yaml';
const monthOf = (t: number) => new Date(t).toISOString().slice(0, 7);
const ALLOW_ALL = (() => {
  const c = compilePolicy(PolicyFileSchema.parse({}));
  if (!c.ok) throw new Error(c.error.message);
  return c.value;
})();

/**
 * Issue 7's service: the policy in force (policies.yaml in the config directory), the tracker fed
 * from every site's scheduler at each tick, the append-only history on disk (residency/history.jsonl,
 * one JSON event a line), and the reports whose SHA-256 goes into the audit log.
 */
export class ResidencyService {
  private readonly tracker = new ResidencyTracker();
  private readonly events: ResidencyEvent[] = [];
  private policy: CompiledPolicy = ALLOW_ALL;
  private status: PolicyStatus = { text: '', sha256: null, rules: 0, default: 'allow', errors: [] };
  private unknownSites: string[] = [];
  /** The history in memory starts here; before it, the monthly files on disk are the record. */
  private loadedFrom = 0;
  private prunedAt = 0;
  private writing: Promise<void> = Promise.resolve();
  readonly notes: string[] = [];

  private constructor(
    private readonly fleet: FleetService,
    private readonly stateDir: string,
    private readonly audit: AuditLog,
    private readonly timeline: NodeTimeline | null,
  ) {}

  static async open(
    fleet: FleetService,
    stateDir: string,
    audit: AuditLog,
    timeline: NodeTimeline | null = null,
  ): Promise<ResidencyService> {
    const s = new ResidencyService(fleet, stateDir, audit, timeline);
    await mkdir(join(stateDir, 'residency'), { recursive: true });
    const text = await readFile(join(stateDir, POLICY_FILE), 'utf8').catch(() => null);
    if (text !== null) s.apply(text);
    // This month's file and last month's are loaded; older months stay on disk as the archive.
    const at = fleet.clock();
    const prevMonth = new Date(at);
    prevMonth.setUTCDate(1);
    prevMonth.setUTCMonth(prevMonth.getUTCMonth() - 1);
    for (const month of [monthOf(prevMonth.getTime()), monthOf(at)]) {
      const path = s.historyPath(month);
      const history = await readFile(path, 'utf8').catch(() => '');
      let bad = 0;
      for (const line of history.split('\n')) {
        if (!line.trim()) continue;
        try {
          const e = ResidencyEventSchema.safeParse(JSON.parse(line));
          if (e.success) s.events.push(e.data);
          else bad++;
        } catch {
          bad++; // a line cut short by a crash mid-write
        }
      }
      if (bad) s.notes.push(`${path}: ${bad} unreadable line(s) skipped`);
    }
    s.loadedFrom = Date.UTC(prevMonth.getUTCFullYear(), prevMonth.getUTCMonth(), 1);
    return s;
  }

  /** One append-only file per UTC month, so a long-running fleet's history never has to be read whole. */
  private historyPath(month: string): string {
    return join(this.stateDir, 'residency', `history-${month}.jsonl`);
  }

  /** Applies policy text; on errors the last good policy stays in force and the errors are shown. */
  private apply(text: string): string[] {
    const parsed = parsePolicyYaml(text);
    if (!parsed.ok) {
      this.status = { ...this.status, errors: parsed.errors };
      return parsed.errors;
    }
    this.policy = parsed.value;
    this.status = {
      text,
      sha256: parsed.sha256,
      rules: parsed.value.file.rules.length,
      default: parsed.value.file.default,
      errors: [],
    };
    return [];
  }

  /** The policy in force as a verdict function (the planner checks every move with it). */
  judge = (tenant: string, dataClass: string, place: { country: string; subdivision: string | null }) =>
    evaluatePolicy(this.policy, tenant, dataClass, place);

  policyStatus(): PolicyStatus {
    return this.status;
  }

  async setPolicy(text: string): Promise<Result<PolicyStatus>> {
    const parsed = parsePolicyYaml(text);
    if (!parsed.ok) return err('CONFIG_INVALID', parsed.errors.join('\n'));
    try {
      await writeFileAtomic(join(this.stateDir, POLICY_FILE), text);
    } catch (e) {
      return err('UNAVAILABLE', `the policy could not be saved: ${(e as Error).message}`);
    }
    this.apply(text);
    return ok(this.status);
  }

  /** At each fleet tick: what every answering scheduler runs, judged, turned into events. */
  onTick(at: number): ResidencyEvent[] {
    const seen: Observation[] = [];
    const answered = new Set<string>();
    const unknown: string[] = [];
    for (const c of this.fleet.siteConnections) {
      if (!c.slurm) continue;
      const running = runningWorkloads(c);
      if (!running) {
        unknown.push(c.id);
        continue;
      }
      answered.add(c.id);
      const site = this.fleet.resolvedSite(c.id);
      for (const { job: j, tags } of running) {
        seen.push({
          ...tags,
          siteId: c.id,
          country: c.site.country,
          subdivision: site?.subdivision ?? null,
          hostname: j.nodes[0] ?? null,
          gpus: j.gpus,
        });
      }
    }
    this.unknownSites = unknown;
    const events = this.tracker.observe(at, seen, answered, (tenant, dataClass, place) =>
      evaluatePolicy(this.policy, tenant, dataClass, place),
    );
    for (const e of events) this.toTimeline(e);
    if (events.length) {
      this.events.push(...events);
      this.prune(at);
      const lines = events.map((e) => JSON.stringify(e)).join('\n') + '\n';
      const path = this.historyPath(monthOf(at));
      this.writing = this.writing.then(() =>
        appendFile(path, lines, { mode: 0o600 }).catch((e: Error) => {
          const note = `the residency history could not be written: ${e.message}`;
          if (!this.notes.includes(note)) this.notes.push(note);
        }),
      );
    }
    return events;
  }

  /** Moves, arrivals and violations of workloads land in their node's timeline (issue 4). */
  private toTimeline(e: ResidencyEvent): void {
    // Layout jobs come and go every few minutes: only moves and violations are worth a line.
    if (!this.timeline || !e.hostname || e.event === 'start' || e.event === 'end') return;
    const who = `${e.workload} (${e.tenant}, ${e.dataClass})`;
    const text =
      e.event === 'move'
        ? `${who} moved here from ${e.fromSiteId} (${e.fromCountry})`
        : e.event === 'violation-start'
          ? `${who} breaks ${e.ruleId}: ${e.reason}`
          : `${who} no longer breaks ${e.ruleId} (${e.endedBy})`;
    this.timeline.add(e.siteId, e.hostname, {
      t: e.t,
      kind: 'workload',
      text,
      severity: e.event === 'violation-start' ? 'critical' : null,
      ref: e.workload,
    });
  }

  /**
   * Keeps about two months in memory (what the page queries); older events stay in their monthly files.
   * Checked once an hour of events, not at every append.
   */
  private prune(at: number): void {
    if (at - this.prunedAt < 3_600_000) return;
    this.prunedAt = at;
    const keepFrom = at - 62 * 86_400_000;
    const first = this.events.findIndex((e) => e.t >= keepFrom);
    if (first > 0) this.events.splice(0, first);
    this.loadedFrom = Math.max(this.loadedFrom, keepFrom);
  }

  /** Violations per node, for the alert engine. */
  violationsByNode(): Map<
    string,
    { workload: string; tenant: string; dataClass: string; ruleId: string; reason: string }[]
  > {
    const m = new Map<
      string,
      { workload: string; tenant: string; dataClass: string; ruleId: string; reason: string }[]
    >();
    for (const p of this.tracker.placements.values()) {
      if (p.verdict.allowed || !p.hostname) continue;
      const k = `${p.siteId}/${p.hostname}`;
      const list = m.get(k) ?? [];
      list.push({
        workload: p.workload,
        tenant: p.tenant,
        dataClass: p.dataClass,
        ruleId: p.verdict.ruleId,
        reason: p.verdict.reason,
      });
      m.set(k, list);
    }
    return m;
  }

  now(): ResidencyNow {
    const names = new Map(this.fleet.siteConnections.map((c) => [c.id, c.site.name]));
    const workloads: WorkloadNow[] = [...this.tracker.placements.values()]
      .map((p) => ({
        workload: p.workload,
        tenant: p.tenant,
        dataClass: p.dataClass,
        siteId: p.siteId,
        siteName: names.get(p.siteId) ?? p.siteId,
        country: p.country,
        subdivision: p.subdivision,
        hostname: p.hostname,
        gpus: p.gpus,
        since: p.since,
        allowed: p.verdict.allowed,
        ruleId: p.verdict.ruleId,
        reason: p.verdict.reason,
        violationSince: p.violationSince,
      }))
      .sort((a, b) => a.tenant.localeCompare(b.tenant) || a.workload.localeCompare(b.workload));
    return {
      at: this.fleet.clock(),
      policy: this.status,
      workloads,
      violations: workloads.filter((w) => !w.allowed),
      unknownSites: this.unknownSites,
    };
  }

  history(): readonly ResidencyEvent[] {
    return this.events;
  }

  query(q: ResidencyQuery): ResidencyAnswer {
    return { ...residencyQuery(this.events, q, this.fleet.clock()), historyFrom: this.loadedFrom };
  }

  /** The evidence report as CSV; its SHA-256 is recorded in the audit log so a copy can be verified. */
  async report(
    q: ResidencyQuery,
    by: Pick<AuditInput, 'actor' | 'role'>,
  ): Promise<{
    fileName: string;
    mimeType: string;
    content: string;
    sha256: string;
    answer: ResidencyAnswer;
  }> {
    const answer = this.query(q);
    const content = residencyCsv(answer, this.status, this.fleet.clock());
    const sha256 = createHash('sha256').update(content).digest('hex');
    await this.audit.append({
      ...by,
      action: 'sovereignty.report',
      target: q.tenant ?? 'fleet',
      params: {
        from: q.from,
        to: q.to,
        tenant: q.tenant ?? null,
        dataClass: q.dataClass ?? null,
        sha256,
        policySha256: this.status.sha256,
      },
      outcome: 'ok',
    });
    const stamp = new Date(this.fleet.clock()).toISOString().replace(/[:.]/g, '-');
    return {
      fileName: `sovereignty-report-${q.tenant ?? 'fleet'}-${stamp}.csv`,
      mimeType: 'text/csv',
      content,
      sha256,
      answer,
    };
  }

  /** Checks a report file against the hashes the audit log recorded. */
  async verifyReport(
    content: string,
  ): Promise<{ sha256: string; match: { seq: number; time: string; by: string } | null }> {
    const sha256 = createHash('sha256').update(content).digest('hex');
    const entries = await this.audit.readAll({ action: 'sovereignty.report' });
    const hit = entries.find((e) => e.params.sha256 === sha256);
    return { sha256, match: hit ? { seq: hit.seq, time: hit.time, by: hit.actor.osUser } : null };
  }
}
