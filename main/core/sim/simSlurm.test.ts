import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { toSlurmJob, toSlurmNode } from '../adapters/slurm/slurmModel';
import { JobsAnswerSchema, NodesAnswerSchema } from '../adapters/slurm/slurmSchemas';
import { gresUsed, indexRanges, jobsAnswer, nodesAnswer, SIM_SLURM_META } from './simSlurm';
import { SimFleet } from './simFleet';
import { dataClassComment } from './simLayoutJobs';
import { simSlurmOverlay } from './simSlurmOverlay';

const DIR = join(__dirname, '../../../test/fixtures/slurm-22.05');
const real = (f: string) => JSON.parse(readFileSync(join(DIR, f), 'utf8')) as Record<string, unknown>;
const T0 = Date.UTC(2026, 10, 29, 14, 0, 0);

/** JSON kind of a value: null is its own kind, compatible with any (Slurm sends null for unset). */
const kind = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);

function expectSameShape(sim: Record<string, unknown>, realOne: Record<string, unknown>, what: string) {
  expect(Object.keys(sim), `${what}: field names and order`).toEqual(Object.keys(realOne));
  for (const [k, v] of Object.entries(realOne)) {
    if (v === null || sim[k] === null) continue;
    expect(kind(sim[k]), `${what}.${k}`).toBe(kind(v));
  }
}

describe('indexRanges / gresUsed', () => {
  it.each([
    [[], ''],
    [[3], '3'],
    [[0, 1], '0-1'],
    [[0, 1, 2, 5, 7, 6], '0-2,5-7'],
  ])('%j → %s', (idx, want) => expect(indexRanges(idx)).toBe(want));
  it('prints gres_used as 22.05 does', () => {
    expect(gresUsed('h100', [])).toBe('gpu:h100:0(IDX:N/A)');
    expect(gresUsed('h100', [0, 1, 4])).toBe('gpu:h100:3(IDX:0-1,4)');
  });
});

describe('the simulator speaks slurmrestd v0.0.38 in real 22.05.8 shapes', () => {
  const fleet = new SimFleet({ seed: 3, sites: 2, nodesPerSite: 6 }, () => T0);
  const site = fleet.sites[0]!;
  const overlay = simSlurmOverlay(fleet, site.id)!;
  const t = Math.floor(T0 / 1000);
  const view = overlay.settle(t);
  const nodes = nodesAnswer(view, t);
  const jobs = jobsAnswer(site, view.jobs);

  it('nodes: same envelope, field names, order and kinds as the real answer', () => {
    const r = real('v0.0.38-nodes.json');
    expect(Object.keys(nodes)).toEqual(Object.keys(r));
    expect(nodes.meta).toEqual(r.meta);
    const realNode = (r.nodes as Record<string, unknown>[])[0]!;
    for (const n of nodes.nodes) expectSameShape(n, realNode, `node ${n.name}`);
  });

  it('nodes: gres and gres_used as Slurm prints them, read back by the adapter to the layout', () => {
    const parsed = NodesAnswerSchema.parse(nodes).nodes.map(toSlurmNode);
    parsed.forEach((n, i) => {
      const simNode = site.nodes[i]!;
      expect(n.name).toBe(simNode.hostname);
      expect(n.gpusTotal).toBe(8);
      expect(n.gpuType).toBe(simNode.model.key.toLowerCase());
      const busy = fleet.jobs(site, simNode, t).reduce((s, j) => s + j.gpuIndices.length, 0);
      expect(n.gpusUsed).toBe(busy);
      expect(n.state).toBe(busy === 0 ? 'idle' : busy === 8 ? 'allocated' : 'mixed');
    });
  });

  it("jobs: running jobs have the real running job's fields; uppercase job_state", () => {
    const realJob = (real('v0.0.38-jobs.json').jobs as Record<string, unknown>[])[0]!;
    expect(jobs.jobs.length).toBeGreaterThan(0);
    for (const j of jobs.jobs) {
      expectSameShape(j, realJob, `job ${j.job_id}`);
      expect(j.job_state).toBe('RUNNING');
    }
    const parsed = JobsAnswerSchema.parse(jobs).jobs.map(toSlurmJob);
    const truth = site.nodes.flatMap((n) => fleet.jobs(site, n, t).map((j) => ({ n, j })));
    expect(parsed.map((j) => j.name).sort()).toEqual(truth.map((x) => x.j.id).sort());
    for (const p of parsed) {
      const { n, j } = truth.find((x) => x.j.id === p.name)!;
      expect(p).toMatchObject({
        nodes: [n.hostname],
        gpus: j.gpuIndices.length,
        account: j.tenant,
        comment: dataClassComment(j, site),
        state: 'RUNNING',
      });
    }
  });

  it("jobs: a pending job has the real pending job's fields (no job_resources)", () => {
    const realPending = (real('v0.0.38-job-pending-begintime.json').jobs as Record<string, unknown>[])[0]!;
    const r = overlay.submit(
      {
        name: 'p',
        script: '#!/bin/sh\n',
        user: 'root',
        account: '',
        comment: '',
        gpus: 9,
        gpuType: null,
        timeLimitMin: null,
      },
      t,
    );
    expect(r).toMatchObject({ errno: 2014 }); // no node has 9 GPUs: refused like slurmctld
    const ok = overlay.submit(
      {
        name: 'p',
        script: '#!/bin/sh\n',
        user: 'root',
        account: '',
        comment: '',
        gpus: 2,
        gpuType: null,
        timeLimitMin: null,
      },
      t,
    );
    if (!('id' in ok)) throw new Error(ok.error);
    const pending = overlay.settle(t).jobs.find((j) => j.id === ok.id)!;
    // placed or not, render it as pending to compare the shape
    const shaped = jobsAnswer(site, [
      { ...pending, state: 'PENDING', node: null, gpuIndices: [], startS: null },
    ]);
    expectSameShape(shaped.jobs[0]!, realPending, 'pending job');
    expect(SIM_SLURM_META.Slurm.release).toBe('22.05.8');
  });
});
