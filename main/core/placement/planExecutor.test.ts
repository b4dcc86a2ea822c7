import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PlanExecutor, readJournal, type MoveAdapter } from './planExecutor';
import { stepViews } from './planRuns';
import type { Move } from './planTypes';

const move = (workload: string): Move => ({
  unit: workload,
  workload,
  jobId: null,
  tenant: 'acme',
  dataClass: 'public',
  gpus: 2,
  from: { siteId: 'a', hostname: 'a1', country: 'DE' },
  to: { siteId: 'b', hostname: 'b1', country: 'FR' },
  crossSite: true,
});

/** A fleet that records where each workload runs; applying a move twice would show as a duplicate. */
function fakeSites(failures: Record<string, number> = {}) {
  const at = new Map<string, string>();
  const runs = new Map<string, number>();
  const adapter: MoveAdapter = {
    apply: async (m) => {
      if ((failures[m.workload] ?? 0) > 0) {
        failures[m.workload]!--;
        return { ok: false, message: 'slurmrestd 503', retryable: true };
      }
      at.set(m.workload, m.to.siteId);
      runs.set(m.workload, (runs.get(m.workload) ?? 0) + 1);
      return { ok: true };
    },
    verify: async (m) => (at.get(m.workload) === m.to.siteId ? 'done' : 'not-done'),
  };
  return { adapter, at, runs };
}

const opts = { concurrency: 2, retries: 2, backoffMs: () => 1 };

describe('PlanExecutor', () => {
  it('runs every step once, with retries, and journals each', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'fc-exec-'));
    const sites = fakeSites({ w2: 2 });
    const ex = new PlanExecutor(join(dir, 'journal.jsonl'), sites.adapter, opts);
    const states = await ex.run('p1', [move('w1'), move('w2'), move('w3')]);
    expect(states).toEqual(['done', 'done', 'done']);
    expect([...sites.runs.values()]).toEqual([1, 1, 1]);
    const journal = await readJournal(join(dir, 'journal.jsonl'));
    expect(journal.filter((l) => l.workload === 'w2' && l.state === 'started').map((l) => l.attempt)).toEqual(
      [1, 2, 3],
    );
  });

  it('after a crash mid-plan, resumes: done steps are skipped, a started one is verified, none runs twice', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'fc-exec-'));
    const path = join(dir, 'journal.jsonl');
    const sites = fakeSites();
    // Before the crash: w1 done; w2 applied at the sites but the process died before journalling it;
    // w3 never started. The journal's last line was cut short.
    sites.at.set('w1', 'b');
    sites.at.set('w2', 'b');
    sites.runs.set('w1', 1);
    sites.runs.set('w2', 1);
    const line = (o: object) => JSON.stringify({ planId: 'p1', t: 1, attempt: 1, ...o }) + '\n';
    await writeFile(
      path,
      line({ step: 0, workload: 'w1', state: 'started' }) +
        line({ step: 0, workload: 'w1', state: 'done' }) +
        line({ step: 1, workload: 'w2', state: 'started' }) +
        '{"planId":"p1","st',
    );
    expect(stepViews(await readJournal(path), 'p1', 3).map((s) => s.state)).toEqual([
      'done',
      'started',
      'pending',
    ]);
    const states = await new PlanExecutor(path, sites.adapter, opts).run('p1', [
      move('w1'),
      move('w2'),
      move('w3'),
    ]);
    expect(states).toEqual(['done', 'done', 'done']);
    expect(Object.fromEntries(sites.runs)).toEqual({ w1: 1, w2: 1, w3: 1 });
    expect(await readFile(path, 'utf8')).toContain('found done after a restart');
  });

  it('stops a step it cannot verify rather than risk running it twice; cancel stops what has not started', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'fc-exec-'));
    const path = join(dir, 'journal.jsonl');
    await writeFile(
      path,
      JSON.stringify({ planId: 'p', step: 0, workload: 'w1', state: 'started', attempt: 1, t: 1 }) + '\n',
    );
    const adapter: MoveAdapter = { apply: async () => ({ ok: true }), verify: async () => 'unknown' };
    const ex = new PlanExecutor(path, adapter, { ...opts, concurrency: 1 });
    ex.cancel();
    expect(await ex.run('p', [move('w1'), move('w2')])).toEqual(['failed', 'cancelled']);
  });
});
