import { appendFile, readFile } from 'node:fs/promises';
import { stepViews } from './planRuns';
import type { Move } from './planTypes';

/**
 * Runs an approved plan's moves through the site adapters. Every step is written to an append-only journal before and after it runs, so a crash
 * mid-plan leaves the truth on disk: on restart a step journalled as done is skipped, and a step
 * journalled as started but not finished is first checked against the sites (`verify`) — the
 * adapter's steps are idempotent, so a workload is never lost or run twice.
 */

/** Which step of which plan a move is: a cross-site copy carries it, so a retry finds its own copy. */
export interface StepRef {
  planId: string;
  step: number;
}

export interface MoveAdapter {
  /**
   * Carries out one move, continuing from wherever an earlier attempt stopped (Slurm within a site:
   * drain, requeue, pin, start; across sites: resubmit deferred, cancel the source, start the copy).
   */
  apply(
    move: Move,
    ref: StepRef,
  ): Promise<{ ok: true; message?: string } | { ok: false; message: string; retryable: boolean }>;
  /** Where the workload is now: at the target (done), still on its way (not done), or unknown. */
  verify(move: Move, ref: StepRef): Promise<'done' | 'not-done' | 'unknown'>;
}

export type StepState = 'pending' | 'started' | 'done' | 'failed' | 'cancelled';

export interface JournalLine {
  planId: string;
  step: number;
  workload: string;
  state: Exclude<StepState, 'pending'>;
  attempt: number;
  t: number;
  message?: string;
}

export interface ExecutorOptions {
  concurrency: number;
  retries: number;
  backoffMs: (attempt: number) => number;
  now?: () => number;
  onProgress?: (step: number, state: StepState, message?: string) => void;
  /** Hears each journal line once it is on disk (the caller's in-memory copy of the journal). */
  onJournal?: (line: JournalLine) => void;
}

export async function readJournal(path: string): Promise<JournalLine[]> {
  const text = await readFile(path, 'utf8').catch(() => '');
  const lines: JournalLine[] = [];
  for (const raw of text.split('\n')) {
    if (!raw.trim()) continue;
    try {
      lines.push(JSON.parse(raw) as JournalLine);
    } catch {
      // The last line of a crash mid-write: whatever it said did not finish being said.
    }
  }
  return lines;
}

export class PlanExecutor {
  private cancelled = false;
  private halted = false;

  constructor(
    private readonly journalPath: string,
    private readonly adapter: MoveAdapter,
    private readonly opts: ExecutorOptions,
  ) {}

  cancel(): void {
    this.cancelled = true;
  }

  /** Starts no further step and journals nothing for them: the run stays open, to resume later. */
  halt(): void {
    this.halted = true;
  }

  private async write(line: Omit<JournalLine, 't'>): Promise<void> {
    const full: JournalLine = { ...line, t: (this.opts.now ?? Date.now)() };
    // Appended and flushed before the step's effect is reported.
    await appendFile(this.journalPath, JSON.stringify(full) + '\n', { mode: 0o600, flush: true });
    this.opts.onJournal?.(full);
  }

  /** Runs (or resumes) a plan; resolves with each step's final state. */
  async run(planId: string, moves: readonly Move[]): Promise<StepState[]> {
    const states = stepViews(await readJournal(this.journalPath), planId, moves.length).map((v) => v.state);
    let next = 0;
    const worker = async () => {
      while (next < moves.length && !this.halted) {
        const i = next++;
        if (states[i] === 'done' || states[i] === 'failed' || states[i] === 'cancelled') continue;
        states[i] = await this.step(planId, i, moves[i]!, states[i] === 'started');
      }
    };
    await Promise.all(Array.from({ length: Math.max(1, this.opts.concurrency) }, worker));
    return states;
  }

  private async step(planId: string, i: number, move: Move, resumed: boolean): Promise<StepState> {
    const base = { planId, step: i, workload: move.workload };
    if (resumed) {
      // Started before a crash: it may have happened. Ask the sites before doing it again.
      const v = await this.adapter.verify(move, { planId, step: i });
      if (v === 'done') {
        await this.write({ ...base, state: 'done', attempt: 0, message: 'found done after a restart' });
        this.opts.onProgress?.(i, 'done', 'found done after a restart');
        return 'done';
      }
      if (v === 'unknown') {
        await this.write({
          ...base,
          state: 'failed',
          attempt: 0,
          message: 'cannot tell whether it ran: stopped',
        });
        this.opts.onProgress?.(i, 'failed', 'cannot tell whether it ran: stopped');
        return 'failed';
      }
    }
    for (let attempt = 1; attempt <= this.opts.retries + 1; attempt++) {
      if (this.cancelled) {
        await this.write({ ...base, state: 'cancelled', attempt });
        this.opts.onProgress?.(i, 'cancelled');
        return 'cancelled';
      }
      await this.write({ ...base, state: 'started', attempt });
      this.opts.onProgress?.(i, 'started');
      const r = await this.adapter.apply(move, { planId, step: i });
      if (r.ok) {
        await this.write({ ...base, state: 'done', attempt, ...(r.message ? { message: r.message } : {}) });
        this.opts.onProgress?.(i, 'done', r.message);
        return 'done';
      }
      if (!r.retryable || attempt > this.opts.retries) {
        await this.write({ ...base, state: 'failed', attempt, message: r.message });
        this.opts.onProgress?.(i, 'failed', r.message);
        return 'failed';
      }
      await new Promise((res) => setTimeout(res, this.opts.backoffMs(attempt)));
    }
    return 'failed';
  }
}
