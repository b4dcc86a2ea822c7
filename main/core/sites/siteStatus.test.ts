import { describe, expect, it } from 'vitest';
import { backoffMs, deriveSiteStatus, type NodeHealth } from './siteStatus';

const ok = (h: string, at = 1000): NodeHealth => ({
  hostname: h,
  outcome: { kind: 'ok' },
  lastSuccessAt: at,
});
const down = (h: string): NodeHealth => ({
  hostname: h,
  outcome: { kind: 'unreachable', message: 'connection refused' },
  lastSuccessAt: null,
});
const bad = (h: string): NodeHealth => ({
  hostname: h,
  outcome: { kind: 'bad-response', message: 'not Prometheus text (line 1: …)' },
  lastSuccessAt: null,
});
const auth = (h: string): NodeHealth => ({
  hostname: h,
  outcome: { kind: 'auth', message: 'HTTP 401' },
  lastSuccessAt: null,
});
const pending = (h: string): NodeHealth => ({ hostname: h, outcome: null, lastSuccessAt: null });

describe('deriveSiteStatus', () => {
  it.each([
    ['connecting', [pending('a'), pending('b')], null],
    ['ok', [ok('a'), ok('b')], null],
    ['degraded', [ok('a'), down('b')], '1 of 2 nodes not answering — b: connection refused'],
    ['unreachable', [down('a'), down('b')], 'no node answered — a: connection refused'],
    ['misconfigured', [bad('a'), bad('b')], 'not with dcgm-exporter metrics'],
    ['auth-failed', [auth('a'), down('b')], 'refused our credentials'],
    ['stale', [ok('a', -60_000)], 'no fresh data for 61 s'],
    ['connecting', [], 'waiting'],
  ] as const)('%s', (status, nodes, reason) => {
    const got = deriveSiteStatus(nodes as readonly NodeHealth[], 1000, 15_000);
    expect(got.status).toBe(status);
    if (reason === null && status !== 'connecting') expect(got.reason).toBeNull();
    else if (reason) expect(got.reason).toContain(reason);
  });
});

describe('deriveSiteStatus with a site-level outcome (Prometheus, scheduler)', () => {
  it.each([
    [{ kind: 'auth', message: 'HTTP 401' }, 'auth-failed'],
    [{ kind: 'unreachable', message: 'connection refused' }, 'unreachable'],
    [{ kind: 'bad-response', message: 'Prometheus said bad_data' }, 'misconfigured'],
  ] as const)('%j → %s, whatever the nodes last said', (outcome, status) => {
    expect(deriveSiteStatus([ok('a')], 1000, 15_000, { polled: true, outcome }).status).toBe(status);
  });
  it('a site that answered but has no GPU nodes is misconfigured', () => {
    expect(deriveSiteStatus([], 1000, 15_000, { polled: true, outcome: null })).toMatchObject({
      status: 'misconfigured',
      reason: expect.stringContaining('no GPU nodes'),
    });
  });
});

describe('backoffMs', () => {
  it('waits the base interval after success, then grows exponentially with jitter, capped', () => {
    expect(backoffMs(0, 5000, 60_000, () => 0.5)).toBe(5000);
    expect(backoffMs(1, 5000, 60_000, () => 1)).toBe(10_000);
    expect(backoffMs(2, 5000, 60_000, () => 1)).toBe(20_000);
    expect(backoffMs(10, 5000, 60_000, () => 1)).toBe(60_000);
    expect(backoffMs(10, 5000, 60_000, () => 0)).toBe(30_000);
    expect(backoffMs(1, 5000, 60_000, () => 0)).toBe(5000);
  });
});
