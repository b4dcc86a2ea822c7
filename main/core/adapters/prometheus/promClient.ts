import { z } from 'zod';
import { describeZodError } from '../../../../shared/wire';
import { httpGet, type HttpGetOptions } from '../../sites/httpGet';
import { outcomeOf } from '../../sites/telemetrySource';
import type { NodeOutcome } from '../../sites/siteStatus';

/**
 * A small client for Prometheus's HTTP API (https://prometheus.io/docs/prometheus/latest/querying/api/).
 * Answers are parsed with zod; failures come back as outcomes a person can act on, keeping
 * Prometheus's own errorType and error text (400 bad_data, 422 execution, 503 unavailable…).
 */
/** [epoch seconds, value]; a time past what a Date holds (±8.64e12 s) is not a sample time. */
const SampleValue = z.tuple([z.number().min(-8.64e12).max(8.64e12), z.string()]);
const VectorSchema = z.object({
  resultType: z.literal('vector'),
  result: z.array(z.object({ metric: z.record(z.string(), z.string()), value: SampleValue })),
});
const MatrixSchema = z.object({
  resultType: z.literal('matrix'),
  result: z.array(z.object({ metric: z.record(z.string(), z.string()), values: z.array(SampleValue) })),
});
const EnvelopeSchema = z.union([
  z.object({ status: z.literal('success'), data: z.unknown(), warnings: z.array(z.string()).optional() }),
  z.object({ status: z.literal('error'), errorType: z.string(), error: z.string() }),
]);

export type Vector = z.infer<typeof VectorSchema>['result'];
export type Matrix = z.infer<typeof MatrixSchema>['result'];
export type PromResult<T> = { ok: true; value: T } | { ok: false; outcome: NodeOutcome };

export interface PromAuth {
  bearer?: string;
  basic?: { username: string; password: string };
}

export interface PromClientOptions extends Pick<HttpGetOptions, 'timeoutMs' | 'maxBytes' | 'ca'> {
  auth?: PromAuth;
}

/** Prometheus refuses range queries of more than 11,000 points per series; pick a step that fits. */
export const MAX_POINTS_PER_SERIES = 11_000;
export function stepFor(startS: number, endS: number, wantedStepS: number): number {
  const min = Math.ceil((endS - startS) / MAX_POINTS_PER_SERIES);
  return Math.max(1, wantedStepS, min);
}

/** A decimal float as Go's strconv.FormatFloat writes it. */
const FLOAT = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/**
 * Values arrive as strings so NaN and ±Inf survive JSON. Anything else Prometheus never writes reads
 * as NaN (a missing value), never as a number: Number('') is 0 and Number('0x10') is 16.
 */
export function promValue(s: string): number {
  if (s === 'NaN') return NaN;
  if (s === '+Inf' || s === 'Inf') return Infinity;
  if (s === '-Inf') return -Infinity;
  return FLOAT.test(s) ? Number(s) : NaN;
}

export class PromClient {
  constructor(
    readonly baseUrl: string,
    private readonly opts: PromClientOptions,
  ) {}

  query(q: string, timeS?: number): Promise<PromResult<Vector>> {
    const p = new URLSearchParams({ query: q });
    if (timeS !== undefined) p.set('time', String(timeS));
    return this.get(`/api/v1/query?${p}`, VectorSchema, (d) => d.result);
  }

  queryRange(q: string, startS: number, endS: number, stepS: number): Promise<PromResult<Matrix>> {
    const step = stepFor(startS, endS, stepS);
    const p = new URLSearchParams({ query: q, start: String(startS), end: String(endS), step: String(step) });
    return this.get(`/api/v1/query_range?${p}`, MatrixSchema, (d) => d.result);
  }

  private headers(): Record<string, string> {
    const a = this.opts.auth;
    if (a?.bearer) return { authorization: `Bearer ${a.bearer}` };
    if (a?.basic)
      return {
        authorization: `Basic ${Buffer.from(`${a.basic.username}:${a.basic.password}`).toString('base64')}`,
      };
    return {};
  }

  private async get<S extends z.ZodType, T>(
    path: string,
    schema: S,
    pick: (d: z.infer<S>) => T,
  ): Promise<PromResult<T>> {
    const url = this.baseUrl.replace(/\/+$/, '') + path;
    const res = await httpGet(url, { ...this.opts, headers: this.headers() });
    let body: unknown = undefined;
    if (res.kind === 'ok' || res.kind === 'http') {
      try {
        body = JSON.parse(res.text);
      } catch {
        body = undefined;
      }
    }
    const env = EnvelopeSchema.safeParse(body);
    if (env.success && env.data.status === 'error') {
      const { errorType, error } = env.data;
      const status = res.kind === 'http' ? res.status : 200;
      const kind: NodeOutcome['kind'] =
        status === 401 || status === 403
          ? 'auth'
          : status === 503 || errorType === 'unavailable'
            ? 'unreachable'
            : 'bad-response';
      return {
        ok: false,
        outcome: { kind, message: `Prometheus ${status} ${errorType}: ${error}` },
      } as PromResult<T>;
    }
    if (res.kind !== 'ok') return { ok: false, outcome: outcomeOf(res) };
    if (!env.success || env.data.status !== 'success')
      return {
        ok: false,
        outcome: { kind: 'bad-response', message: `${url} did not answer like Prometheus's API` },
      };
    const data = schema.safeParse(env.data.data);
    if (!data.success)
      return {
        ok: false,
        outcome: {
          kind: 'bad-response',
          message: `Prometheus answered an unexpected shape for ${path.split('?')[0]} (${describeZodError(data.error)})`,
        },
      };
    return { ok: true, value: pick(data.data) };
  }
}
