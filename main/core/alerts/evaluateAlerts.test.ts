import { describe, expect, it } from 'vitest';
import {
  AlertRuleSchema,
  DEFAULT_ALERT_RULES,
  type AlertRule,
  type AlertRuleInput,
} from '../../../shared/alerts';
import { emptyAlertBook, type AlertBook } from './alertBook';
import type { AlertFacts, GpuFacts, NodeFacts, SiteFacts } from './alertFacts';
import { evaluateAlerts, type AlertStep } from './evaluateAlerts';

const T0 = 1_700_000_000_000;
const INTERVAL = 5000;
const SITE = 'eu-fra-1';
const HOST = 'gpu-a01';

const rule = (id: string, over: Partial<AlertRuleInput> = {}): AlertRule =>
  AlertRuleSchema.parse({ ...DEFAULT_ALERT_RULES.find((r) => r.id === id)!, ...over });

const gpu = (over: Partial<GpuFacts> = {}): GpuFacts => ({
  index: 0,
  tempC: 60,
  powerW: 300,
  powerLimitW: 700,
  xid: 0,
  rowRemapFailure: 0,
  sampleAt: null,
  ...over,
});

type NodeIn = Partial<Omit<NodeFacts, 'gpus'>> & { gpus?: Partial<GpuFacts>[] };
type SiteIn = Partial<SiteFacts>;

/** One tick at T0 + s seconds; nodes answered just now unless told otherwise. */
function facts(s: number, nodes: NodeIn[] = [{}], sites: SiteIn[] = [{}]): AlertFacts {
  const at = T0 + s * 1000;
  return {
    at,
    intervalMs: INTERVAL,
    sites: sites.map((x) => ({ siteId: SITE, reachable: true, statusReason: null, ...x })),
    nodes: nodes.map(({ gpus, ...n }) => ({
      siteId: SITE,
      hostname: HOST,
      lastSuccessAt: at,
      schedulerState: 'MIXED',
      schedulerReason: null,
      ...n,
      gpus: (gpus ?? [{}]).map((g) => gpu(g)),
    })),
  };
}

/** Runs ticks in order from an empty book; returns every step. */
function play(rules: AlertRule[], ticks: AlertFacts[], book: AlertBook = emptyAlertBook()) {
  const steps: AlertStep[] = [];
  for (const f of ticks) {
    const step = evaluateAlerts(book, f, rules);
    steps.push(step);
    book = step.book;
  }
  return { steps, book, alerts: [...book.entries.values()].map((e) => e.alert) };
}

const hot = (s: number, tempC: number | null) => facts(s, [{ gpus: [{ tempC }] }]);
const temp = rule('gpu-temp-high'); // > 85 °C for 60 s, clears after 120 s

describe('GPU temperature', () => {
  it.each([
    [84, null, null],
    [85, null, null], // at the threshold is not above it
    [86, 'pending', 'firing'],
    [null, null, null], // no reading is not a cool reading, nor a hot one
  ])('%s °C held for 60 s: %s, then %s', (tempC, at0, at60) => {
    const { steps } = play([temp], [hot(0, tempC), hot(60, tempC)]);
    const state = (s: AlertStep) => [...s.book.entries.values()][0]?.alert.state ?? null;
    expect([state(steps[0]!), state(steps[1]!)]).toEqual([at0, at60]);
  });

  it.each([
    ['hot for 59 s stays pending', [0, 30, 59], 'pending', 0],
    ['hot for 60 s fires', [0, 30, 60], 'firing', 1],
    ['a cool reading in between starts the wait over', [0, -30, 60], 'pending', 0],
  ])('%s', (_name, seconds, want, opened) => {
    // A negative second is a cool reading at that time.
    const { steps, alerts } = play(
      [temp],
      seconds.map((s) => hot(Math.abs(s), s < 0 ? 70 : 91)),
    );
    expect(alerts[0]?.state ?? null).toBe(want);
    expect(steps.flatMap((s) => s.opened)).toHaveLength(opened);
  });

  it('a firing alert says where, how hot, and what to do', () => {
    const { steps } = play([temp], [hot(0, 91.4), hot(60, 91.4)]);
    const a = steps[1]!.opened[0]!;
    expect(a).toMatchObject({
      key: `gpu-temp-high|${SITE}|${HOST}|0`,
      severity: 'critical',
      title: 'GPU 0 at 91 °C',
      value: 91.4,
      firstSeen: T0,
      lastSeen: T0 + 60_000,
      hostname: HOST,
      gpu: 0,
    });
    expect(a.detail).toContain(`${HOST} (${SITE})`);
    expect(a.detail).toContain('above 85 °C');
  });

  it('flapping within clearS stays one alert with one firstSeen; it resolves after clearS cool', () => {
    const flaps = [0, 60, 90, 120, 150, 180, 210, 240].map((s, i) => hot(s, i < 2 || i % 2 === 0 ? 91 : 80));
    const { steps, alerts } = play([temp], [...flaps, hot(300, 80), hot(359, 80), hot(360, 80)]);
    expect(steps.flatMap((s) => s.opened)).toHaveLength(1);
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ state: 'resolved', firstSeen: T0, resolvedAt: T0 + 360_000 });
    // Hot at 210 s, cool from 240 s: still firing at 359 s (119 s cool), resolved at 360 s.
    expect(steps.findIndex((s) => s.resolved.length > 0)).toBe(10);
  });

  it('missing readings keep the alert as it was: neither a cool gap nor a hot one', () => {
    const { steps, alerts } = play(
      [temp],
      [hot(0, 91), hot(60, 91), hot(120, null), hot(600, null), hot(660, 91)],
    );
    expect(steps.map((s) => s.book.entries.size)).toEqual([1, 1, 1, 1, 1]);
    expect(alerts[0]).toMatchObject({ state: 'firing', firstSeen: T0, lastSeen: T0 + 660_000 });
    expect(steps.flatMap((s) => s.resolved)).toHaveLength(0);
  });

  it('a reading older than three intervals counts as missing', () => {
    const old = facts(0, [{ gpus: [{ tempC: 95, sampleAt: T0 - 3 * INTERVAL - 1 }] }]);
    const recent = facts(0, [{ gpus: [{ tempC: 95, sampleAt: T0 - 3 * INTERVAL }] }]);
    expect(evaluateAlerts(emptyAlertBook(), old, [temp]).book.entries.size).toBe(0);
    expect(evaluateAlerts(emptyAlertBook(), recent, [temp]).book.entries.size).toBe(1);
  });
});

describe('GPU power', () => {
  const power = rule('gpu-power-high'); // > 95 % of the limit for 300 s
  it.each([
    ['96 % for 300 s', 672, 700, 'firing'],
    ['94 % for 300 s', 658, 700, null],
    ['no limit known: no percentage, no alert', 700, null, null],
    ['a zero limit is not a limit', 700, 0, null],
    ['no power reading', null, 700, null],
  ])('%s', (_n, powerW, powerLimitW, want) => {
    const f = (s: number) => facts(s, [{ gpus: [{ powerW, powerLimitW }] }]);
    const { alerts } = play([power], [f(0), f(300)]);
    expect(alerts[0]?.state ?? null).toBe(want);
    if (want)
      expect(alerts[0]).toMatchObject({ severity: 'warning', title: 'GPU 0 at 96 % of its power limit' });
  });
});

describe('XID', () => {
  const xid = rule('gpu-xid');
  const run = (codes: (number | null)[]) =>
    play(
      [xid],
      codes.map((code, i) => facts(i * 5, [{ gpus: [{ xid: code }] }])),
    );

  it.each([
    ['first sight of a nonzero XID fires once', [79], [1]],
    ['the same value again does not fire again', [79, 79, 79], [1, 0, 0]],
    ['a different value fires anew', [13, 13, 79], [1, 0, 1]],
    ['0 is "none since the driver loaded"', [0, 0, 43], [0, 0, 1]],
    ['a missing reading is not a change', [79, null, 79], [1, 0, 0]],
    ['back to 0 resolves; the same XID later is a new event', [79, 0, 79], [1, 0, 1]],
  ])('%s', (_n, codes, opened) => {
    expect(run(codes).steps.map((s) => s.opened.length)).toEqual(opened);
  });

  it('48 and 79 are critical even under a warning rule; the detail says what the XID means', () => {
    const { steps, alerts } = run([13, 79]);
    expect(steps[0]!.opened[0]).toMatchObject({ severity: 'warning', title: 'GPU 0: XID 13', value: 13 });
    expect(alerts[0]).toMatchObject({ severity: 'critical', title: 'GPU 0: XID 79', firstSeen: T0 + 5000 });
    expect(alerts[0]!.detail).toContain('XID 79: GPU has fallen off the bus — drain the node');
  });

  it('an unknown code points to the catalogue', () => {
    expect(run([999]).alerts[0]!.detail).toContain("XID 999: see NVIDIA's XID catalogue");
  });
});

describe('row remap failure', () => {
  it.each([
    [1, 'firing'],
    [0, null],
    [null, null],
  ])('failure count %s: %s', (rowRemapFailure, want) => {
    const { alerts } = play([rule('gpu-row-remap-failure')], [facts(0, [{ gpus: [{ rowRemapFailure }] }])]);
    expect(alerts[0]?.state ?? null).toBe(want);
    if (want) expect(alerts[0]).toMatchObject({ severity: 'critical', title: 'GPU 0: row remapping failed' });
  });
});

describe('node down', () => {
  it.each([
    ['DOWN', 'firing'],
    ['DOWN*', 'firing'],
    ['down', 'firing'],
    ['NOT_RESPONDING', 'firing'],
    ['IDLE+NOT_RESPONDING', 'firing'],
    ['idle*', 'firing'],
    ['IDLE', null],
    ['MIXED+DRAIN', null],
    ['IDLE+POWERED_DOWN', null],
    [null, null], // no scheduler
  ])('scheduler state %s: %s', (schedulerState, want) => {
    const f = facts(0, [{ schedulerState, schedulerReason: 'Not responding' }]);
    const { alerts } = play([rule('node-down')], [f]);
    expect(alerts[0]?.state ?? null).toBe(want);
    if (want) {
      expect(alerts[0]).toMatchObject({ severity: 'critical', gpu: null, hostname: HOST });
      expect(alerts[0]!.detail).toContain('reason: "Not responding"');
    }
  });
});

describe('site unreachable and stale data', () => {
  const site = rule('site-unreachable'); // 2 intervals
  const stale = rule('node-data-stale'); // 3 intervals
  const down = (s: number, lastS = -5) =>
    facts(
      s,
      [{ lastSuccessAt: T0 + lastS * 1000 }, { hostname: 'gpu-a02', lastSuccessAt: T0 + lastS * 1000 }],
      [{ reachable: false, statusReason: 'connection refused.' }],
    );

  it('fires after the site has been unreachable for 2 intervals', () => {
    const { steps } = play([site], [down(0), down(5), down(10)]);
    expect(steps.map((s) => [...s.book.entries.values()][0]?.alert.state)).toEqual([
      'pending',
      'pending',
      'firing',
    ]);
    expect(steps[2]!.opened[0]).toMatchObject({ title: `Site ${SITE} unreachable`, hostname: null });
    expect(steps[2]!.opened[0]!.detail).toContain('unreachable for 10 s: connection refused. Its nodes');
  });

  it('one good poll in between: nothing fires', () => {
    const { alerts } = play([site], [down(0), facts(5), down(10)]);
    expect(alerts.map((a) => a.state)).toEqual(['pending']);
  });

  it("an unreachable site's nodes do not each fire stale: the site alert covers them", () => {
    const { alerts } = play([site, stale], [down(0), down(10), down(30)]);
    expect(alerts.map((a) => a.ruleId)).toEqual(['site-unreachable']);
  });

  it('the same nodes behind a reachable site fire stale, one each', () => {
    const quiet = (s: number) =>
      facts(s, [{ lastSuccessAt: T0 }, { hostname: 'gpu-a02', lastSuccessAt: T0 }]);
    const { steps, alerts } = play([site, stale], [quiet(15), quiet(16)]);
    expect(steps[0]!.opened).toHaveLength(0); // 15 s old is exactly 3 intervals, not older
    expect(alerts.map((a) => [a.hostname, a.state, a.value])).toEqual([
      [HOST, 'firing', 16],
      ['gpu-a02', 'firing', 16],
    ]);
    expect(alerts[0]!.title).toBe(`No data from ${HOST} for 16 s`);
  });

  it('a node that never answered is held for the age limit from first sight, then fires', () => {
    const never = (s: number) => facts(s, [{ lastSuccessAt: null }]);
    const { steps, alerts } = play([stale], [never(0), never(10), never(15)]);
    expect(steps.map((s) => s.opened.length)).toEqual([0, 0, 1]);
    expect(alerts[0]).toMatchObject({ title: `No data yet from ${HOST}`, value: null, firstSeen: T0 });
  });
});

describe('subjects leaving, rules changing, history', () => {
  const firing = play([temp], [hot(0, 91), hot(60, 91)]).book;

  it('a node that left the facts resolves its GPU alerts at once', () => {
    const { resolved, book } = evaluateAlerts(firing, facts(65, []), [temp]);
    expect(resolved).toHaveLength(1);
    expect([...book.entries.values()][0]!.alert).toMatchObject({
      state: 'resolved',
      resolvedAt: T0 + 65_000,
    });
  });

  it('a GPU that left its node resolves too', () => {
    const { resolved } = evaluateAlerts(firing, facts(65, [{ gpus: [{ index: 1 }] }]), [temp]);
    expect(resolved.map((a) => a.gpu)).toEqual([0]);
  });

  it('disabling the rule resolves its alerts', () => {
    const { resolved } = evaluateAlerts(firing, hot(65, 91), [{ ...temp, enabled: false }]);
    expect(resolved).toHaveLength(1);
  });

  it.each([
    ['kept 24 h for the history', 24 * 3600 - 1, 1],
    ['dropped after 24 h', 24 * 3600, 0],
  ])('a resolved alert is %s', (_n, afterS, size) => {
    const gone = evaluateAlerts(firing, facts(65, []), [temp]).book;
    expect(evaluateAlerts(gone, facts(65 + afterS, []), [temp]).book.entries.size).toBe(size);
  });

  it('retention is a parameter', () => {
    const gone = evaluateAlerts(firing, facts(65, []), [temp]).book;
    const later = evaluateAlerts(gone, facts(125, []), [temp], { retentionMs: 60_000 });
    expect(later.book.entries.size).toBe(0);
  });

  it('a condition that returns after resolving reuses the key with a new firstSeen', () => {
    const { alerts, steps } = play([temp], [hot(200, 70), hot(320, 70), hot(400, 91), hot(460, 91)], firing);
    expect(steps.map((s) => [s.opened.length, s.resolved.length])).toEqual([
      [0, 0],
      [0, 1], // cool for 120 s: resolved
      [0, 0],
      [1, 0],
    ]);
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ state: 'firing', firstSeen: T0 + 400_000, resolvedAt: null });
  });

  it('a rule id reused for another kind ends the old alert instead of carrying it over', () => {
    const power = rule('gpu-power-high', { id: 'gpu-temp-high' });
    const { resolved, book } = evaluateAlerts(firing, hot(65, 91), [power]);
    expect(resolved.map((a) => [a.kind, a.state])).toEqual([['gpu-temp', 'resolved']]);
    expect([...book.entries.values()].map((e) => e.alert.kind)).toEqual(['gpu-temp']);
  });

  it('does not change the book it was given', () => {
    const before = structuredClone([...firing.entries]);
    evaluateAlerts(firing, facts(65, []), [temp]);
    evaluateAlerts(firing, hot(70, 99), [temp]);
    expect([...firing.entries]).toEqual(before);
  });

  it('a healthy fleet leaves the book empty', () => {
    const nodes = Array.from({ length: 100 }, (_, i) => ({
      hostname: `gpu-${i}`,
      gpus: Array.from({ length: 8 }, (_g, index) => ({ index })),
    }));
    const { book } = evaluateAlerts(emptyAlertBook(), facts(0, nodes), [...DEFAULT_ALERT_RULES]);
    expect(book.entries.size).toBe(0);
  });
});
