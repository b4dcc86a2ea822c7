import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import {
  anyText,
  edgeNumber,
  hostileText,
  mutatedJson,
  mutatedJsonText,
  nastyToken,
} from '../../../../test/fuzzArbitraries';
import { fuzzParams, fuzzTimeoutMs, withinDeadline } from '../../../../test/fuzzRuns';
import type { HttpOutcome } from '../../sites/httpGet';
import type { NodeReport } from '../../sites/telemetrySource';
import { isDcgmBlank } from '../../telemetry/dcgm';
import { PromClient, promValue, type PromResult, type Vector } from './promClient';
import { PrometheusSource, vectorToReports } from './prometheusSource';

/**
 * Properties of the Prometheus HTTP API client and the two readers of its answers (per-GPU series
 * and per-node aggregates): whatever a site's Prometheus — or whatever answers at its URL — sends,
 * the poll ends in reports with real times and bounded readings, or an outcome that says what was
 * wrong; never a throw, a hang or a runaway allocation.
 */

const respond = vi.hoisted(() => ({ queue: [] as HttpOutcome[] }));
vi.mock('../../sites/httpGet', () => ({
  httpGet: () => Promise.resolve(respond.queue.length > 1 ? respond.queue.shift()! : respond.queue[0]!),
}));

const VECTOR = JSON.parse(
  readFileSync(
    join(__dirname, '../../../../test/fixtures/prometheus-api-v1-query-vector-dcgm-h100.json'),
    'utf8',
  ),
) as { status: string; data: { resultType: string; result: Vector } };
const MATRIX = {
  status: 'success',
  data: {
    resultType: 'matrix',
    result: VECTOR.data.result.slice(0, 3).map((s) => ({ metric: s.metric, values: [s.value, s.value] })),
  },
};
const ERROR = { status: 'error', errorType: 'bad_data', error: 'parse error at char 3' };

/** Sample values as Prometheus writes them, and as it never does. */
const valueText = fc.oneof(
  fc.double().map(String),
  fc.integer().map(String),
  nastyToken,
  fc.constantFrom('1e300', '1e7', '4096', '4097', '8', '2.5', '-3', '', ' 8 ', '0x10', '1_0', '8\n'),
);

const body = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.oneof(mutatedJsonText(VECTOR), mutatedJsonText(MATRIX), mutatedJsonText(ERROR)),
  },
  {
    weight: 2,
    arbitrary: fc
      .tuple(fc.oneof(nastyToken, anyText), fc.oneof(nastyToken, anyText))
      .map(([errorType, error]) => JSON.stringify({ status: 'error', errorType, error })),
  },
  { weight: 1, arbitrary: hostileText(['{', '}', '"status":', '"success"', '"data":', '[', ']', ',']) },
);

const outcome: fc.Arbitrary<HttpOutcome> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc
      .tuple(body, fc.oneof(fc.constant(200), fc.integer({ min: 100, max: 599 })))
      .map(([text, status]): HttpOutcome =>
        status >= 200 && status < 300
          ? { kind: 'ok', status, text, headers: {} }
          : { kind: 'http', status, message: `HTTP ${status}`, text },
      ),
  },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.constantFrom('timeout', 'network', 'tls', 'too-large'), fc.string())
      .map(([kind, message]) => ({ kind, message: `transport said ${message}` }) as HttpOutcome),
  },
);

const OUTCOME_KINDS = ['unreachable', 'auth', 'bad-response'];

function checkResult(r: PromResult<unknown>) {
  if (r.ok) return;
  expect(OUTCOME_KINDS).toContain(r.outcome.kind);
  expect('message' in r.outcome && r.outcome.message.trim().length > 0).toBe(true);
}

function checkReports(reports: readonly NodeReport[]) {
  for (const r of reports) {
    const at = `${r.hostname}: ${JSON.stringify(r).slice(0, 500)}`;
    expect(typeof r.hostname, at).toBe('string');
    expect(Number.isFinite(r.t) && !Number.isNaN(new Date(r.t).getTime()), `t: ${at}`).toBe(true);
    expect(r.readings.length, at).toBeLessThanOrEqual(4096);
    if (r.outcome.kind !== 'ok') expect(r.outcome.message.length, at).toBeGreaterThan(0);
    const clean = r.readings.every((g) =>
      [g.utilPct, g.powerW, g.tempC, g.xid].every(
        (v) => v === null || (Number.isFinite(v) && !isDcgmBlank(v)),
      ),
    );
    expect(clean, `readings: ${at}`).toBe(true);
  }
}

describe('fuzz: PromClient on whatever answers', () => {
  beforeEach(() => {
    respond.queue = [];
  });

  it(
    'query and queryRange end in a parsed answer or an outcome of a known kind with a message',
    async () => {
      const client = new PromClient('http://prom.test:9090/', { timeoutMs: 1000, maxBytes: 1 << 20 });
      await fc.assert(
        fc.asyncProperty(outcome, fc.boolean(), async (res, range) => {
          respond.queue = [res];
          const r = range ? await client.queryRange('up', 0, 3600, 15) : await client.query('up');
          checkResult(r);
          if (r.ok && !range) checkReports(withinDeadline(() => vectorToReports(r.value as Vector)));
        }),
        fuzzParams({ timeout: 2000 }),
      );
    },
    fuzzTimeoutMs(),
  );

  it('promValue reads exactly what Prometheus writes and nothing else', () => {
    fc.assert(
      fc.property(fc.oneof(edgeNumber, fc.double()), valueText, (d, text) => {
        const spelled = Number.isNaN(d)
          ? 'NaN'
          : d === Infinity
            ? '+Inf'
            : d === -Infinity
              ? '-Inf'
              : String(d);
        expect(Object.is(promValue(spelled), d) || (d === 0 && promValue(spelled) === 0)).toBe(true);
        const v = promValue(text);
        if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$|^(NaN|[+-]?Inf)$/.test(text)) expect(v).toBeNaN();
      }),
      fuzzParams(),
    );
  });
});

describe('fuzz: PrometheusSource polls', () => {
  const hostVector = (count: fc.Arbitrary<string>) =>
    fc
      .array(
        fc.record({
          host: fc.oneof(fc.constantFrom('gpu-1', 'gpu-2', ''), nastyToken),
          t: fc.oneof(fc.constant(1773114089.184), edgeNumber),
          v: count,
        }),
        { maxLength: 4 },
      )
      .map((xs) =>
        JSON.stringify({
          status: 'success',
          data: {
            resultType: 'vector',
            result: xs.map((x) => ({ metric: { Hostname: x.host, modelName: 'H100' }, value: [x.t, x.v] })),
          },
        }),
      );
  const ok = (text: string): HttpOutcome => ({ kind: 'ok', status: 200, text, headers: {} });

  it(
    'per-GPU mode: reports carry real times and readings, or the site says what was wrong',
    async () => {
      const src = new PrometheusSource(
        { kind: 'prometheus', url: 'http://prom.test:9090', mode: 'per-gpu' },
        { timeoutMs: 1000, maxBytes: 1 << 20 },
      );
      await fc.assert(
        fc.asyncProperty(
          fc.oneof(
            outcome,
            mutatedJson(VECTOR, fc.oneof(valueText, edgeNumber, anyText)).map((v) => ok(JSON.stringify(v))),
          ),
          async (res) => {
            respond.queue = [res];
            const r = await src.poll(() => 1_773_114_090_000);
            checkReports(r.reports);
            if (r.siteOutcome && r.siteOutcome.kind !== 'ok')
              expect(r.siteOutcome.message.length).toBeGreaterThan(0);
          },
        ),
        fuzzParams({ timeout: 2000 }),
      );
    },
    fuzzTimeoutMs(),
  );

  it(
    'per-node mode: hostile GPU counts and times never allocate without bound or throw',
    async () => {
      const src = new PrometheusSource(
        { kind: 'prometheus', url: 'http://prom.test:9090', mode: 'per-node' },
        { timeoutMs: 1000, maxBytes: 1 << 20 },
      );
      await fc.assert(
        fc.asyncProperty(
          hostVector(valueText),
          fc.array(hostVector(valueText), { minLength: 4, maxLength: 4 }),
          async (counts, others) => {
            respond.queue = [ok(counts), ...others.map(ok)];
            const r = await src.poll(() => 1_773_114_090_000);
            checkReports(r.reports);
          },
        ),
        fuzzParams({ timeout: 2000 }),
      );
    },
    fuzzTimeoutMs(),
  );
});
