import { randomBytes } from 'node:crypto';
import { appendFile, mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { confirmWord, type PlanGoalView, type PlanRunView, type PlanView } from '../../../shared/placement';
import { err, ok, type Result } from '../../../shared/result';
import type { AuditInput, AuditLog } from '../audit/auditLog';
import { PlanExecutor, readJournal, type JournalLine, type MoveAdapter, type StepRef } from './planExecutor';
import { endState, runsFrom, type PlanRecordLine } from './planRuns';

type Who = Pick<AuditInput, 'actor' | 'role'>;

/** Takes a node out of service (idempotent): a plan's drains run before its moves. */
export interface NodeDrainer {
  drain(
    node: { siteId: string; hostname: string },
    ref: StepRef,
  ): Promise<{ ok: true } | { ok: false; message: string }>;
}

/** A preview may be approved this long after it was made; after that the fleet has moved on. */
export const PREVIEW_TTL_MS = 15 * 60_000;
const PREVIEWS_KEPT = 50;

export interface PlacementServiceDeps {
  stateDir: string;
  audit: AuditLog;
  adapter: MoveAdapter & NodeDrainer;
  /** Builds a plan for a goal from the fleet as it is now (the pure planner over planInput). */
  planFor: (goal: PlanGoalView) => Omit<PlanView, 'id'>;
  /** Re-reads a site's scheduler after a step, so the views show the move without waiting a poll. */
  refresh?: (siteId: string) => Promise<void>;
  now?: () => number;
  concurrency?: number;
  retries?: number;
  backoffMs?: (attempt: number) => number;
  log?: (msg: string) => void;
}

/**
 * Placement plans from preview to outcome (issue 6). A preview gets an id; approving names that id,
 * so what runs is exactly what the operator saw. A run goes through the executor, whose journal is
 * on disk before any step's effect is reported; the record of approved plans says which runs ended.
 * After a crash, a run with no end is shown as interrupted, its steps as the journal has them, until
 * someone resumes it (started steps are checked against the sites first) or stops it.
 */
export class PlacementService {
  private readonly previews = new Map<string, PlanView>();
  private active: { planId: string; executor: PlanExecutor } | null = null;
  private readonly listeners = new Set<(run: PlanRunView) => void>();
  private readonly recordPath: string;
  private readonly journalPath: string;
  private readonly now: () => number;

  private constructor(
    private readonly d: PlacementServiceDeps,
    private readonly records: PlanRecordLine[],
    /** The journal as on disk: read once at open, then each line as the executor writes it. */
    private readonly journal: JournalLine[],
    readonly notes: string[],
  ) {
    this.recordPath = join(d.stateDir, 'placement', 'plans.jsonl');
    this.journalPath = join(d.stateDir, 'placement', 'journal.jsonl');
    this.now = d.now ?? Date.now;
  }

  static async open(d: PlacementServiceDeps): Promise<PlacementService> {
    await mkdir(join(d.stateDir, 'placement'), { recursive: true, mode: 0o700 });
    const text = await readFile(join(d.stateDir, 'placement', 'plans.jsonl'), 'utf8').catch(() => '');
    const records: PlanRecordLine[] = [];
    const notes: string[] = [];
    text.split('\n').forEach((raw, i) => {
      if (!raw.trim()) return;
      try {
        records.push(JSON.parse(raw) as PlanRecordLine);
      } catch {
        // A torn last line is a write the crash interrupted: that approval was never acknowledged.
        notes.push(`placement/plans.jsonl line ${i + 1} is not JSON (a write cut short?): ignored`);
      }
    });
    const journal = await readJournal(join(d.stateDir, 'placement', 'journal.jsonl'));
    const s = new PlacementService(d, records, journal, notes);
    const interrupted = s.runs(500).filter((r) => r.state === 'interrupted');
    for (const r of interrupted)
      notes.push(
        `placement: plan ${r.plan.id} was interrupted mid-run; resume or stop it on the Placement page`,
      );
    return s;
  }

  onRun(listener: (run: PlanRunView) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  plan(goal: PlanGoalView): PlanView {
    const t = this.now();
    const stamp = new Date(t).toISOString().slice(0, 16).replace(/[-:T]/g, '');
    const plan: PlanView = { id: `p-${stamp}-${randomBytes(3).toString('hex')}`, ...this.d.planFor(goal) };
    this.previews.set(plan.id, plan);
    // Oldest previews go first: a Map iterates in insertion order.
    for (const id of this.previews.keys()) {
      if (this.previews.size <= PREVIEWS_KEPT) break;
      this.previews.delete(id);
    }
    return plan;
  }

  /** A preview not yet approved. */
  preview(planId: string): PlanView | undefined {
    return this.previews.get(planId);
  }

  runs(limit: number): PlanRunView[] {
    return runsFrom(this.records, this.journal, this.active?.planId ?? null)
      .reverse()
      .slice(0, limit);
  }

  private run(planId: string): PlanRunView | undefined {
    return runsFrom(
      this.records.filter((r) => (r.kind === 'approved' ? r.plan.id : r.planId) === planId),
      this.journal.filter((l) => l.planId === planId),
      this.active?.planId ?? null,
    )[0];
  }

  async execute(planId: string, confirm: string | undefined, who: Who): Promise<Result<PlanRunView>> {
    const plan = this.previews.get(planId);
    if (!plan) {
      const known = this.run(planId);
      return known
        ? err('INVALID_REQUEST', `Plan ${planId} was already approved (${known.state}).`)
        : err('NOT_FOUND', `No plan ${planId} to approve: preview the goal again.`);
    }
    if (this.now() - plan.at > PREVIEW_TTL_MS)
      return err(
        'INVALID_REQUEST',
        `Plan ${planId} is more than 15 minutes old: preview it again to see the fleet as it is now.`,
      );
    const word = confirmWord(plan.goal);
    if (word !== null && confirm?.trim() !== word)
      return err('INVALID_REQUEST', `A failover is confirmed by typing its target: "${word}".`);
    if (plan.moves.length === 0) return err('INVALID_REQUEST', `Plan ${planId} moves nothing.`);
    if (this.active)
      return err('UNAVAILABLE', `Plan ${this.active.planId} is running: wait for it or stop it first.`);
    const by = `${who.actor.osUser} (${who.role})`;
    const line: PlanRecordLine = { kind: 'approved', plan, at: this.now(), by };
    await this.record(line);
    this.previews.delete(planId);
    await this.d.audit.append({
      ...who,
      action: 'placement.execute',
      target: planTarget(plan),
      params: {
        planId,
        moves: plan.moves.length,
        gpus: plan.effects.gpusMoved,
        crossSite: plan.moves.filter((m) => m.crossSite).length,
        unplaced: plan.unplaced.length,
      },
      outcome: 'ok',
    });
    return ok(await this.start(plan, who));
  }

  async resume(planId: string, who: Who): Promise<Result<PlanRunView>> {
    const run = this.run(planId);
    if (!run) return err('NOT_FOUND', `No approved plan ${planId}.`);
    if (run.state !== 'interrupted')
      return err('INVALID_REQUEST', `Plan ${planId} is ${run.state}; only an interrupted plan resumes.`);
    if (this.active)
      return err('UNAVAILABLE', `Plan ${this.active.planId} is running: wait for it or stop it first.`);
    await this.d.audit.append({
      ...who,
      action: 'placement.resume',
      target: planTarget(run.plan),
      params: { planId },
      outcome: 'ok',
    });
    return ok(await this.start(run.plan, who));
  }

  async cancel(planId: string, who: Who): Promise<Result<PlanRunView>> {
    const run = this.run(planId);
    if (!run) return err('NOT_FOUND', `No approved plan ${planId}.`);
    await this.d.audit.append({
      ...who,
      action: 'placement.cancel',
      target: planTarget(run.plan),
      params: { planId, was: run.state },
      outcome: 'ok',
    });
    if (this.active?.planId === planId) {
      // Steps in flight finish (a half-done step is worse than either end); the rest are cancelled.
      this.active.executor.cancel();
      return ok({ ...run, state: 'running' });
    }
    if (run.state !== 'interrupted')
      return err('INVALID_REQUEST', `Plan ${planId} is ${run.state}: nothing to stop.`);
    // Stopping an interrupted run leaves its steps as the journal has them: a started step stays
    // "started" (it may or may not have happened; the page says so), the never-started ones pending.
    await this.record({ kind: 'ended', planId, state: 'cancelled', at: this.now() });
    const closed = this.run(planId)!;
    this.emit(closed);
    return ok(closed);
  }

  /** Waits for the running plan, if any. */
  async idle(): Promise<void> {
    while (this.active) await this.runDone;
  }

  /**
   * The console is quitting: steps in flight finish, no new one starts, and the run is left open
   * (no end line), so the next start shows it interrupted and it can be resumed.
   */
  async shutdown(): Promise<void> {
    this.shuttingDown = true;
    this.active?.executor.halt();
    await this.idle();
  }

  private runDone: Promise<void> = Promise.resolve();
  private shuttingDown = false;

  private async start(plan: PlanView, who: Who): Promise<PlanRunView> {
    let stepAudits: Promise<unknown> = Promise.resolve();
    const executor = new PlanExecutor(this.journalPath, this.d.adapter, {
      concurrency: this.d.concurrency ?? 4,
      retries: this.d.retries ?? 3,
      backoffMs: this.d.backoffMs ?? ((n) => 1000 * 2 ** (n - 1)),
      now: this.now,
      onJournal: (line) => this.journal.push(line),
      onProgress: (step, state, message) => {
        const m = plan.moves[step]!;
        if (state === 'done' || state === 'failed') {
          // In order, and all on disk before the run's end is recorded.
          const entry: AuditInput = {
            ...who,
            action: 'placement.step',
            target: `${m.from.siteId}/${m.from.hostname} → ${m.to.siteId}/${m.to.hostname}`,
            params: { planId: plan.id, step, workload: m.workload, jobId: m.jobId, gpus: m.gpus },
            outcome: state === 'done' ? 'ok' : 'failed',
            message: message ?? null,
          };
          stepAudits = stepAudits.then(() => this.d.audit.append(entry));
          void Promise.all([...new Set([m.from.siteId, m.to.siteId])].map((s) => this.d.refresh?.(s)));
        }
        {
          const r = this.run(plan.id);
          if (r) this.emit(r);
        }
      },
    });
    this.active = { planId: plan.id, executor };
    this.runDone = this.drainAll(plan, who)
      .then(() => executor.run(plan.id, plan.moves))
      .then(async (states) => {
        await stepAudits;
        if (this.shuttingDown) return;
        const state = endState(states);
        await this.record({ kind: 'ended', planId: plan.id, state, at: this.now() });
        await this.d.audit.append({
          ...who,
          action: 'placement.end',
          target: planTarget(plan),
          params: { planId: plan.id, done: states.filter((s) => s === 'done').length, steps: states.length },
          outcome: state === 'done' ? 'ok' : 'failed',
          message: state === 'done' ? null : `the plan ended ${state}`,
        });
      })
      .catch((e: Error) => this.d.log?.(`[placement] plan ${plan.id} stopped: ${e.message}`))
      .finally(() => {
        this.active = null;
        {
          const r = this.run(plan.id);
          if (r) this.emit(r);
        }
      });
    return this.run(plan.id)!;
  }

  /**
   * Takes the plan's nodes out of service before anything moves, so no new work lands on what is
   * being emptied (a failover drains the whole scope, busy or not). Idempotent: a resumed plan
   * drains again, and a node already drained keeps its reason. Each outcome is audited.
   */
  private async drainAll(plan: PlanView, who: Who): Promise<void> {
    const ref = { planId: plan.id, step: -1 };
    let next = 0;
    const worker = async () => {
      while (next < plan.drain.length && !this.shuttingDown) {
        const node = plan.drain[next++]!;
        const r = await this.d.adapter.drain(node, ref);
        if (!r.ok)
          await this.d.audit.append({
            ...who,
            action: 'placement.drain',
            target: `${node.siteId}/${node.hostname}`,
            params: { planId: plan.id },
            outcome: 'failed',
            message: r.message,
          });
      }
    };
    await Promise.all(Array.from({ length: Math.min(8, plan.drain.length) }, worker));
  }

  private async record(line: PlanRecordLine): Promise<void> {
    // On disk (flushed) before the caller hears it happened.
    await appendFile(this.recordPath, JSON.stringify(line) + '\n', { mode: 0o600, flush: true });
    this.records.push(line);
  }

  private emit(run: PlanRunView): void {
    for (const l of this.listeners) l(run);
  }
}

/** The audit target of a plan: its goal in a few words. */
export function planTarget(plan: Pick<PlanView, 'goal'>): string {
  const g = plan.goal;
  if (g.kind === 'consolidate') return 'consolidate';
  if (g.kind === 'relieve')
    return `relieve ${g.nodes.map((n) => `${n.siteId}/${n.hostname}`).join(', ')}`.slice(0, 200);
  return `evacuate ${confirmWord(g)}`;
}
