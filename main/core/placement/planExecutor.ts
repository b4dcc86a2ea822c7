import { appendFile, readFile } from 'node:fs/promises';
import type { Move } from './planTypes';

/**
 * Runs an approved plan's moves through the site adapters (issue 6 groundwork: not wired to the UI
 * yet). Every step is written to an append-only journal before and after it runs, so a crash
 * mid-plan leaves the truth on disk: on restart a step journalled as done is skipped, and a step
 * journalled as started but not finished is first checked against the sites (`verify`) — the
 * adapter's steps are idempotent, so a workload is never lost or run twice.
 */

export interface MoveAdapter {
  /** Carries out one move (Slurm within a site: requeue after draining; across sites: cancel + resubmit). */
  apply(move: Move): Promise<{ ok: true } | { ok: false; message: string; retryable: boolean }>;
  /** Where the workload is now: at the target (done), still at the source (not done), or unknown. */
  verify(move: Move): Promise<'done' | 'not-done' | 'unknown'>;
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
}

/** The last journalled state of each step of a plan (pending when never started). */
export function stepStates(lines: readonly JournalLine[], planId: string, steps: number): StepState[] {
  const out: StepState[] = Array.from({ length: steps }, () => 'pending');
  for (const l of lines) if (l.planId === planId && l.step < steps) out[l.step] = l.state;
  return out;
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

  constructor(
    private readonly journalPath: string,
    private readonly adapter: MoveAdapter,
    private readonly opts: ExecutorOptions,
  ) {}

  cancel(): void {
    this.cancelled = true;
  }

  private async write(line: Omit<JournalLine, 't'>): Promise<void> {
    // Appended (and flushed by the OS on close) before the step's effect is reported.
    await appendFile(this.journalPath, JSON.stringify({ ...line, t: (this.opts.now ?? Date.now)() }) + '\n', {
      mode: 0o600,
      flush: true,
    });
  }

  /** Runs (or resumes) a plan; resolves with each step's final state. */
  async run(planId: string, moves: readonly Move[]): Promise<StepState[]> {
    const states = stepStates(await readJournal(this.journalPath), planId, moves.length);
    let next = 0;
    const worker = async () => {
      while (next < moves.length) {
        const i = next++;
        if (states[i] === 'done' || states[i] === 'failed' || states[i] === 'cancelled') continue;
        states[i] = await this.step(planId, i, moves[i]!, states[i] === 'started');
        this.opts.onProgress?.(i, states[i]!);
      }
    };
    await Promise.all(Array.from({ length: Math.max(1, this.opts.concurrency) }, worker));
    return states;
  }

  private async step(planId: string, i: number, move: Move, resumed: boolean): Promise<StepState> {
    const base = { planId, step: i, workload: move.workload };
    if (resumed) {
      // Started before a crash: it may have happened. Ask the sites before doing it again.
      const v = await this.adapter.verify(move);
      if (v === 'done') {
        await this.write({ ...base, state: 'done', attempt: 0, message: 'found done after a restart' });
        return 'done';
      }
      if (v === 'unknown') {
        await this.write({
          ...base,
          state: 'failed',
          attempt: 0,
          message: 'cannot tell whether it ran: stopped',
        });
        return 'failed';
      }
    }
    for (let attempt = 1; attempt <= this.opts.retries + 1; attempt++) {
      if (this.cancelled) {
        await this.write({ ...base, state: 'cancelled', attempt });
        return 'cancelled';
      }
      await this.write({ ...base, state: 'started', attempt });
      this.opts.onProgress?.(i, 'started');
      const r = await this.adapter.apply(move);
      if (r.ok) {
        await this.write({ ...base, state: 'done', attempt });
        return 'done';
      }
      if (!r.retryable || attempt > this.opts.retries) {
        await this.write({ ...base, state: 'failed', attempt, message: r.message });
        return 'failed';
      }
      await new Promise((res) => setTimeout(res, this.opts.backoffMs(attempt)));
    }
    return 'failed';
  }
}
