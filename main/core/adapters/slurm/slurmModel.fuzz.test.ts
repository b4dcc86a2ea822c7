import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import {
  edgeNumber,
  hostileText,
  hostileValue,
  mutatedJson,
  mutatedJsonText,
  nastyToken,
  prototypePolluted,
  type Path,
} from '../../../../test/fuzzArbitraries';
import { fuzzParams, fuzzTimeoutMs, withinDeadline } from '../../../../test/fuzzRuns';
import type { HttpOutcome } from '../../sites/httpRequest';
import { SlurmClient } from './slurmClient';
import type { SlurmErrorKind, SlurmResult } from './slurmErrors';
import { toSlurmJob, toSlurmNode, type SlurmJob, type SlurmNode } from './slurmModel';
import { JobsAnswerSchema, NodesAnswerSchema, SlurmJobRawSchema, SlurmNodeRawSchema } from './slurmSchemas';

/**
 * Properties of the slurmrestd v0.0.38 readers (schemas, then the model) and of the client around
 * them, on answers that are almost right (real 22.05 answers with fields corrupted) and on anything
 * else a port might send: a typed value or a SlurmError whose message names the call; never a throw.
 */

const respond = vi.hoisted(() => ({ next: null as null | HttpOutcome }));
vi.mock('../../sites/httpRequest', () => ({
  httpRequest: () => Promise.resolve(respond.next!),
}));

const DIR = join(__dirname, '../../../../test/fixtures/slurm-22.05');
const load = (f: string): unknown => JSON.parse(readFileSync(join(DIR, f), 'utf8'));
const FIXTURES = [
  'v0.0.38-nodes.json',
  'v0.0.38-nodes-busy.json',
  'v0.0.38-node-drained.json',
  'v0.0.38-jobs.json',
  'v0.0.38-job-by-id.json',
  'v0.0.38-job-pending-begintime.json',
  'v0.0.38-ping.json',
  'v0.0.38-job-submit-response.json',
  'v0.0.38-nodes-bad-token-response.json',
  'v0.0.38-job-notfound-response.json',
].map(load);

const NODE_KEYS = new Set(Object.keys(SlurmNodeRawSchema.shape));
const JOB_KEYS = new Set(Object.keys(SlurmJobRawSchema.shape));
/** Paths to the fields the model reads: nodes[i].gres, jobs[i].nodes… */
const readField = (keys: Set<string>) => (p: Path) =>
  p.length === 3 && typeof p[1] === 'number' && keys.has(String(p[2]));

/** What Slurm's fields might hold when something upstream goes wrong. */
const fieldValue = fc.oneof(
  { weight: 3, arbitrary: hostileValue },
  { weight: 2, arbitrary: edgeNumber },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      'gpu:h200:99999999999999999999',
      'gpu:h200:8(IDX:9007199254740993)',
      'gpu:(null):4T',
      'gres/gpu:99999999999999999999',
      'gpu[99999999999999999999]',
      'gpu[1-100000]',
      'r[1-1000]n[1-1000]',
      'a[1]'.repeat(20_000),
      '(null)',
      'None assigned',
      '',
    ),
  },
  { weight: 1, arbitrary: nastyToken },
);

const isTime = (t: number | null) =>
  t === null || (Number.isFinite(t) && !Number.isNaN(new Date(t).getTime()));
const isCount = (n: number | null) => n === null || (Number.isSafeInteger(n) && n >= 0);

function checkNode(n: SlurmNode) {
  const at = JSON.stringify(n).slice(0, 2000);
  expect(typeof n.name === 'string' && n.name.length > 0, at).toBe(true);
  expect(n.state, at).toBe(n.state.toLowerCase());
  expect(
    n.flags.every((f) => typeof f === 'string'),
    at,
  ).toBe(true);
  expect(isTime(n.reasonChangedAt), `reasonChangedAt: ${at}`).toBe(true);
  expect(isCount(n.gpusTotal) && isCount(n.gpusUsed), `GPU counts: ${at}`).toBe(true);
  expect(
    n.gpuTypes.every((t) => typeof t === 'string' && t.length > 0),
    at,
  ).toBe(true);
}

function checkJob(j: SlurmJob) {
  const at = JSON.stringify(j).slice(0, 2000);
  expect(Number.isInteger(j.id), at).toBe(true);
  expect(j.state, at).toBe(j.state.toUpperCase());
  expect(
    j.nodes.every((h) => typeof h === 'string'),
    at,
  ).toBe(true);
  expect(j.gpus === null || (Number.isFinite(j.gpus) && j.gpus >= 0), `gpus: ${at}`).toBe(true);
  expect(isTime(j.submitTime) && isTime(j.startTime) && isTime(j.endTime), `times: ${at}`).toBe(true);
}

describe('fuzz: slurmrestd answers through the schemas and the model', () => {
  it(
    'nodes with corrupted fields are refused by the schema or read into well-formed nodes',
    () => {
      const bases = [FIXTURES[0], FIXTURES[1], FIXTURES[2]];
      fc.assert(
        fc.property(
          fc.oneof(...bases.map((b) => mutatedJson(b, fieldValue, readField(NODE_KEYS)))),
          (raw) => {
            const parsed = NodesAnswerSchema.safeParse(raw);
            if (!parsed.success) {
              expect(parsed.error.issues.length).toBeGreaterThan(0);
              return;
            }
            for (const n of withinDeadline(() => parsed.data.nodes.map(toSlurmNode))) checkNode(n);
          },
        ),
        fuzzParams(),
      );
    },
    fuzzTimeoutMs(),
  );

  it(
    'jobs with corrupted fields are refused by the schema or read into well-formed jobs',
    () => {
      const bases = [FIXTURES[3], FIXTURES[4], FIXTURES[5]];
      fc.assert(
        fc.property(fc.oneof(...bases.map((b) => mutatedJson(b, fieldValue, readField(JOB_KEYS)))), (raw) => {
          const parsed = JobsAnswerSchema.safeParse(raw);
          if (!parsed.success) return;
          for (const j of withinDeadline(() => parsed.data.jobs.map(toSlurmJob))) checkJob(j);
          expect(prototypePolluted()).toBe(false);
        }),
        fuzzParams(),
      );
    },
    fuzzTimeoutMs(),
  );
});

const BASE = 'http://slurm.test:6820';
const KINDS: readonly SlurmErrorKind[] = ['auth', 'unreachable', 'bad-response', 'rejected', 'invalid'];

const outcome: fc.Arbitrary<HttpOutcome> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc
      .tuple(
        fc.oneof(
          { weight: 3, arbitrary: fc.oneof(...FIXTURES.map(mutatedJsonText)) },
          { weight: 1, arbitrary: hostileText(['{', '}', '"errors":', '[', ']', '"nodes":', 'null', ',']) },
        ),
        fc.oneof(fc.constantFrom(200, 201, 204), fc.integer({ min: 100, max: 599 })),
      )
      .map(([text, status]): HttpOutcome =>
        status >= 200 && status < 300
          ? { kind: 'ok', status, text, headers: {} }
          : { kind: 'http', status, message: `HTTP ${status}`, text },
      ),
  },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.constantFrom('timeout', 'network', 'tls', 'too-large'), fc.oneof(nastyToken, fc.string()))
      .map(([kind, message]) => ({ kind, message }) as HttpOutcome),
  },
);

type Call = [what: string, run: (c: SlurmClient) => Promise<SlurmResult<unknown>>];
const CALLS: Call[] = [
  ['listing nodes', (c) => c.nodes()],
  ['listing jobs', (c) => c.jobs()],
  ['pinging slurmctld', (c) => c.ping()],
  ['reading job 42', (c) => c.job(42)],
  ['cancelling job 42', (c) => c.cancel(42)],
  ['updating job 42', (c) => c.startNow(42)],
  ['submitting job "fuzz"', (c) => c.submit({ name: 'fuzz', script: '#!/bin/sh\ntrue\n' })],
];

describe('fuzz: SlurmClient on whatever answers', () => {
  beforeEach(() => {
    respond.next = null;
  });

  it(
    'every call ends in a value or an error of a known kind whose message names the call',
    async () => {
      const client = new SlurmClient(BASE, { user: 'ops', token: 't', timeoutMs: 1000, maxBytes: 1 << 20 });
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(...CALLS), outcome, async ([what, run], res) => {
          respond.next = res;
          const r = await run(client);
          if (r.ok) {
            if (what === 'listing nodes') (r.value as SlurmNode[]).forEach(checkNode);
            if (what === 'listing jobs') (r.value as SlurmJob[]).forEach(checkJob);
            return;
          }
          expect(KINDS).toContain(r.error.kind);
          expect(r.error.message.startsWith(what), r.error.message).toBe(true);
          expect(r.error.message.length).toBeGreaterThan(what.length + 2);
          if (r.error.slurmErrno !== undefined) expect(Number.isFinite(r.error.slurmErrno)).toBe(true);
        }),
        fuzzParams({ timeout: 2000 }),
      );
    },
    fuzzTimeoutMs(),
  );
});
