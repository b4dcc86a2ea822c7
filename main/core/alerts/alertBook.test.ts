import { describe, expect, it } from 'vitest';
import { DEFAULT_ALERT_RULES, type AlertRule } from '../../../shared/alerts';
import type { Result } from '../../../shared/result';
import { acknowledge, activeAlerts, emptyAlertBook, silence, type AlertBook } from './alertBook';
import type { AlertFacts, GpuFacts } from './alertFacts';
import { evaluateAlerts } from './evaluateAlerts';

const T0 = 1_700_000_000_000;
const rules = DEFAULT_ALERT_RULES.filter((r) => r.kind === 'gpu-temp' || r.kind === 'xid') as AlertRule[];
const TEMP = 'gpu-temp-high|eu-fra-1|gpu-a01|0';
const XID = 'gpu-xid|eu-fra-1|gpu-a01|1';

/** GPU 0's temperature and GPU 1's XID at T0 + s seconds. */
const tick = (s: number, tempC: number, xid = 0): AlertFacts => {
  const g = (index: number, over: Partial<GpuFacts>): GpuFacts => ({
    index,
    tempC: 60,
    powerW: null,
    powerLimitW: null,
    xid: 0,
    rowRemapFailure: null,
    sampleAt: null,
    ...over,
  });
  return {
    at: T0 + s * 1000,
    intervalMs: 5000,
    sites: [{ siteId: 'eu-fra-1', reachable: true, statusReason: null }],
    nodes: [
      {
        siteId: 'eu-fra-1',
        hostname: 'gpu-a01',
        lastSuccessAt: T0 + s * 1000,
        schedulerState: null,
        schedulerReason: null,
        gpus: [g(0, { tempC }), g(1, { xid })],
      },
    ],
  };
};

const run = (book: AlertBook, ...ticks: AlertFacts[]) =>
  ticks.reduce((b, f) => evaluateAlerts(b, f, rules).book, book);
const unwrap = (r: Result<AlertBook>): AlertBook => {
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};
const alertOf = (book: AlertBook, key: string) => book.entries.get(key)?.alert;

const hotBook = run(emptyAlertBook(), tick(0, 91), tick(60, 91)); // GPU 0 firing since T0

describe('acknowledge', () => {
  it('records who and when; the alert keeps firing', () => {
    const book = unwrap(acknowledge(hotBook, TEMP, 'alice', T0 + 70_000));
    expect(alertOf(book, TEMP)).toMatchObject({
      state: 'firing',
      acknowledgedBy: 'alice',
      acknowledgedAt: T0 + 70_000,
    });
    expect(alertOf(hotBook, TEMP)!.acknowledgedBy).toBeNull(); // the book given is not changed
    expect(alertOf(run(book, tick(65, 92)), TEMP)!.acknowledgedBy).toBe('alice');
  });

  it.each([
    ['an unknown key', 'nope|x||', 'aged out'],
    ['a resolved alert', TEMP, 'already resolved'],
  ])('refuses %s with a reason', (_n, key, words) => {
    const resolved = run(hotBook, tick(65, 70), tick(185, 70));
    const r = acknowledge(resolved, key, 'alice', T0 + 200_000);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatchObject({ code: 'NOT_FOUND', message: expect.stringContaining(words) });
  });

  it('a condition that returns after resolving is a new alert, not acknowledged', () => {
    const acked = unwrap(acknowledge(hotBook, TEMP, 'alice', T0 + 61_000));
    const again = run(acked, tick(65, 70), tick(185, 70), tick(200, 91));
    expect(alertOf(again, TEMP)).toMatchObject({
      state: 'pending',
      acknowledgedBy: null,
      firstSeen: T0 + 200_000,
    });
  });

  it('a different XID on the same GPU needs a new acknowledgement', () => {
    const xidBook = run(emptyAlertBook(), tick(0, 60, 13));
    const acked = unwrap(acknowledge(xidBook, XID, 'bob', T0 + 1000));
    expect(alertOf(run(acked, tick(5, 60, 13)), XID)!.acknowledgedBy).toBe('bob');
    expect(alertOf(run(acked, tick(5, 60, 79)), XID)).toMatchObject({ acknowledgedBy: null, value: 79 });
  });
});

describe('silence', () => {
  const silenced = unwrap(silence(hotBook, TEMP, T0 + 600_000, 'alice', T0 + 60_000));

  it('flags the alert until untilMs; it keeps evaluating meanwhile', () => {
    expect(activeAlerts(silenced, T0 + 300_000)[0]).toMatchObject({ key: TEMP, silenced: true });
    const later = run(silenced, tick(300, 95));
    expect(alertOf(later, TEMP)).toMatchObject({
      value: 95,
      silencedBy: 'alice',
      silencedUntil: T0 + 600_000,
    });
  });

  it.each([
    ['still silenced a moment before', 599, T0 + 600_000, true],
    ['an ordinary alert again once the silence expires', 600, null, false],
  ])('%s', (_n, s, until, flagged) => {
    const book = run(silenced, tick(s, 91));
    expect(alertOf(book, TEMP)!.silencedUntil).toBe(until);
    expect(activeAlerts(book, T0 + s * 1000)[0]!.silenced).toBe(flagged);
  });

  it('activeAlerts derives the flag from the clock even before the next tick', () => {
    expect(activeAlerts(silenced, T0 + 600_000)[0]!.silenced).toBe(false);
  });

  it('covers the key: a flapping alert that resolves and returns stays silenced', () => {
    const back = run(silenced, tick(65, 70), tick(185, 70), tick(200, 91), tick(260, 91));
    expect(alertOf(back, TEMP)).toMatchObject({
      state: 'firing',
      firstSeen: T0 + 200_000,
      silencedBy: 'alice',
    });
  });

  it('an untilMs at or before now lifts the silence', () => {
    const lifted = unwrap(silence(silenced, TEMP, T0, 'bob', T0 + 70_000));
    expect(alertOf(lifted, TEMP)).toMatchObject({ silencedUntil: null, silencedBy: null });
  });

  it('refuses an unknown key', () => {
    expect(silence(hotBook, 'nope', T0 + 1, 'alice', T0).ok).toBe(false);
  });
});

describe('activeAlerts', () => {
  it('lists firing alerts only: critical first, then newest first', () => {
    // XID 13 (warning) and a hot GPU from 0 s; the temperature alert (critical) fires at 60 s.
    const book = run(emptyAlertBook(), tick(0, 91, 13), tick(30, 91, 13), tick(60, 91, 13));
    const pending = run(emptyAlertBook(), tick(0, 91));
    expect(activeAlerts(book, T0 + 60_000).map((a) => [a.key, a.severity])).toEqual([
      [TEMP, 'critical'],
      [XID, 'warning'],
    ]);
    expect(activeAlerts(pending, T0)).toEqual([]);
  });

  it('among equals, the newer one comes first', () => {
    // XID 48 (critical) from 0 s; the temperature (critical) hot from 60 s, firing at 120 s.
    const book = run(emptyAlertBook(), tick(0, 60, 48), tick(60, 91, 48), tick(120, 91, 48));
    expect(activeAlerts(book, T0 + 120_000).map((a) => [a.key, a.firstSeen])).toEqual([
      [TEMP, T0 + 60_000],
      [XID, T0],
    ]);
  });
});
