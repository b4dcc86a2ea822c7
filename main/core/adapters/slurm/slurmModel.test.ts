import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nodeCondition, toSlurmJob, toSlurmNode } from './slurmModel';
import { JobsAnswerSchema, NodesAnswerSchema, PingAnswerSchema, SubmitAnswerSchema } from './slurmSchemas';

const DIR = join(__dirname, '../../../../test/fixtures/slurm-22.05');
const load = (f: string): unknown => JSON.parse(readFileSync(join(DIR, f), 'utf8'));
const nodesOf = (f: string) => NodesAnswerSchema.parse(load(f)).nodes.map(toSlurmNode);
const jobsOf = (f: string) => JobsAnswerSchema.parse(load(f)).jobs.map(toSlurmJob);

describe('real slurmrestd 22.05 node answers', () => {
  it('reads 4 idle nodes with 8 h200 each, none in use', () => {
    const nodes = nodesOf('v0.0.38-nodes.json');
    expect(nodes.map((n) => n.name)).toEqual(['gpu1', 'gpu2', 'gpu3', 'gpu4']);
    for (const n of nodes)
      expect(n).toMatchObject({
        state: 'idle',
        flags: [],
        reason: null,
        gpusTotal: 8,
        gpusUsed: 0,
        gpuType: 'h200',
        partitions: ['gpu'],
        cpus: 16,
      });
  });

  it('reads GPUs in use from gres_used', () => {
    const nodes = nodesOf('v0.0.38-nodes-busy.json');
    expect(nodes.map((n) => [n.name, n.state, n.gpusUsed])).toEqual([
      ['gpu1', 'mixed', 6],
      ['gpu2', 'mixed', 8],
      ['gpu3', 'mixed', 1],
      ['gpu4', 'mixed', 1],
    ]);
  });

  it.each([
    ['v0.0.38-node-gpu1.json', 'idle', [], null, 'idle'],
    ['v0.0.38-node-draining.json', 'mixed', ['DRAIN'], 'XID 79: GPU fell off the bus (test)', 'draining'],
    ['v0.0.38-node-drained.json', 'mixed', ['DRAIN'], 'XID 79: GPU fell off the bus (test)', 'draining'],
    ['v0.0.38-node-down.json', 'down', [], 'NHC: ECC errors (test)', 'down'],
    ['v0.0.38-node-not-responding.json', 'down', ['NOT_RESPONDING'], 'Not responding', 'down*'],
  ])('%s: %s %j', (file, state, flags, reason, condition) => {
    const [n] = nodesOf(file);
    expect(n).toMatchObject({ state, flags, reason, gpusTotal: 8 });
    expect(nodeCondition(n!)).toBe(condition);
  });

  it('names who drained a node and when', () => {
    const [n] = nodesOf('v0.0.38-node-draining.json');
    expect(n).toMatchObject({ reasonSetBy: 'root', reasonChangedAt: 1795973437_000, gpusUsed: 6 });
  });

  it('tells drained (idle + DRAIN) from draining in a node list', () => {
    const nodes = nodesOf('v0.0.38-nodes-with-drained.json');
    expect(nodes.map(nodeCondition)).toEqual(['drained', 'mixed', 'mixed', 'mixed']);
    expect(nodes[0]).toMatchObject({ gpusUsed: 0, reason: 'XID 79: GPU fell off the bus (test)' });
  });
});

describe('real slurmrestd 22.05 job answers', () => {
  it('reads running jobs with nodes, GPUs and owner', () => {
    const jobs = jobsOf('v0.0.38-jobs.json');
    expect(jobs.map((j) => [j.id, j.name, j.state, j.nodes, j.gpus, j.gpuType])).toEqual([
      [1, 'rest-train', 'RUNNING', ['gpu1'], 2, 'h200'],
      [2, 'train-1', 'RUNNING', ['gpu1'], 4, 'h200'],
      [3, 'train-2', 'RUNNING', ['gpu2'], 4, 'h200'],
      [4, 'train-3', 'RUNNING', ['gpu2'], 4, 'h200'],
      [5, 'multi', 'RUNNING', ['gpu3', 'gpu4'], 2, 'h200'],
    ]);
    expect(jobs[0]).toMatchObject({
      user: 'root',
      account: null, // "" without slurmdbd: no account, not an empty name
      comment: null,
      partition: 'gpu',
      stateReason: null,
      submitTime: 1795973436_000,
      startTime: 1795973437_000,
      restarts: 0,
    });
  });

  it('reads a cancelled job after a requeue: requested GPUs, restart count, comment', () => {
    const [first] = jobsOf('v0.0.38-jobs-final.json');
    expect(first).toMatchObject({
      id: 1,
      state: 'CANCELLED',
      nodes: ['gpu3'],
      gpus: 2, // gres_detail is empty once it ended: the request (gres:gpu:h200:2 × 1 node) tells
      gpuType: 'h200',
      restarts: 1,
      comment: 'ops-console was here',
    });
  });

  it('reads one job by id, before and after a requeue', () => {
    expect(jobsOf('v0.0.38-job-by-id.json')[0]).toMatchObject({ id: 1, nodes: ['gpu1'], gpus: 2 });
    expect(jobsOf('v0.0.38-job-by-id-firstrun.json')[0]).toMatchObject({ gpus: 2, gpuType: 'h200' });
    expect(jobsOf('v0.0.38-job-after-requeue.json')[0]).toMatchObject({
      state: 'RUNNING',
      nodes: ['gpu3'],
      restarts: 1,
    });
    expect(jobsOf('v0.0.38-job-completing-after-requeue.json')[0]).toMatchObject({
      state: 'COMPLETING',
      restarts: 1,
    });
    expect(jobsOf('v0.0.38-job-pending-begintime.json')[0]).toMatchObject({
      state: 'PENDING',
      stateReason: 'BeginTime',
      nodes: [],
      gpus: 2, // untyped request gres:gpu:2
      gpuType: null,
      endTime: null,
      account: 'acme',
    });
  });
});

describe('other real answers', () => {
  it('reads ping and submit', () => {
    expect(PingAnswerSchema.parse(load('v0.0.38-ping.json')).pings[0]).toMatchObject({ ping: 'UP' });
    expect(SubmitAnswerSchema.parse(load('v0.0.38-job-submit-response.json')).job_id).toBe(1);
  });

  it('every copied JSON fixture parses as a slurmrestd envelope of its kind', () => {
    const files = readdirSync(DIR).filter((f) => f.startsWith('v0.0.38-') && f.endsWith('.json'));
    expect(files.length).toBeGreaterThan(20);
    for (const f of files) {
      const body = load(f) as Record<string, unknown>;
      const schema =
        'nodes' in body
          ? NodesAnswerSchema
          : 'jobs' in body
            ? JobsAnswerSchema
            : 'pings' in body
              ? PingAnswerSchema
              : 'job_id' in body
                ? SubmitAnswerSchema
                : null;
      if (schema) expect(schema.safeParse(body).success, f).toBe(true);
      expect(Array.isArray(body.errors), f).toBe(true);
    }
  });
});
