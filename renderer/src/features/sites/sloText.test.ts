import { describe, expect, it } from 'vitest';
import type { SloView } from '../../../../shared/nodes';
import {
  dayBarsSummary,
  formatMinutes,
  formatUptime,
  formatWatched,
  lowestUptime,
  sloDayBars,
  uptimeTone,
} from './sloText';

const targets = { monthUptimePct: 99, offlineMinPerDay: 30 };
const slo = (over: Partial<SloView> = {}): SloView => ({
  monthUptimePct: 99.5,
  monthWatchedMin: 600,
  days: [],
  targets,
  ...over,
});
const AT = Date.UTC(2025, 1, 10, 15, 0); // 10 Feb 2025, a 28-day month

describe('uptime', () => {
  it.each([
    [null, 'no data yet'],
    [NaN, 'no data yet'],
    [100, '100%'],
    [99.999, '99.99%'],
    [99.953, '99.95%'],
    [98.996, '98.99%'],
    [99, '99.00%'],
    [0, '0.00%'],
  ])('%s → %s', (v, text) => {
    expect(formatUptime(v)).toBe(text);
  });

  it('is green at or above the target, red below, muted without data', () => {
    expect(uptimeTone(99, 99)).toBe('ok');
    expect(uptimeTone(98.999, 99)).toBe('down');
    expect(uptimeTone(null, 99)).toBe('muted');
  });

  it('says what the figure rests on', () => {
    expect(formatWatched(0)).toBe('not watched yet this month');
    expect(formatWatched(0, true)).toBe('watched under a minute this month');
    expect(formatWatched(14)).toBe('watched 14 min this month');
    expect(formatWatched(90)).toBe('watched 1.5 h this month');
    expect(formatWatched(18_720)).toBe('watched 312 h this month');
  });

  it('formats minutes', () => {
    expect(formatMinutes(null)).toBe('—');
    expect(formatMinutes(0)).toBe('0 min');
    expect(formatMinutes(95)).toBe('1 h 35 min');
    expect(formatMinutes(600)).toBe('10 h');
  });
});

describe('sloDayBars', () => {
  it('has one bar per day of the UTC month, with days not watched and days to come set apart', () => {
    const b = sloDayBars(
      slo({
        days: [
          { day: '2025-02-01', watchedMin: 1440, offlineMin: 0 },
          { day: '2025-02-03', watchedMin: 1440, offlineMin: 45 },
          { day: '2025-02-10', watchedMin: 900, offlineMin: 12 },
        ],
      }),
      AT,
    );
    expect(b.bars).toHaveLength(28);
    expect(b.bars.map((x) => x.state).slice(0, 11)).toEqual([
      'ok',
      'unwatched',
      'over',
      'unwatched',
      'unwatched',
      'unwatched',
      'unwatched',
      'unwatched',
      'unwatched',
      'ok',
      'future',
    ]);
    expect(b.bars[1]).toMatchObject({ offlineMin: null, heightFrac: 0 });
    expect(b.bars[9]!.title).toBe('2025-02-10 (today): 12 min offline of 15 h watched');
    expect(b.bars[2]!.title).toContain('over the 30-minute target');
    expect(b.watchedDays).toBe(3);
    expect(b.overDays).toBe(1);
    expect(dayBarsSummary(b, 30)).toBe(
      'Offline minutes per day this month: 1 of 3 watched days over 30 min.',
    );
  });

  it('keeps the target line at half height or lower, and cuts a very bad day at four times the target', () => {
    const calm = sloDayBars(slo({ days: [{ day: '2025-02-01', watchedMin: 1440, offlineMin: 3 }] }), AT);
    expect(calm.scaleMin).toBe(60);
    expect(calm.lineFrac).toBe(0.5);
    expect(calm.bars[0]!.heightFrac).toBeCloseTo(0.05);

    const bad = sloDayBars(slo({ days: [{ day: '2025-02-01', watchedMin: 1440, offlineMin: 600 }] }), AT);
    expect(bad.scaleMin).toBe(120);
    expect(bad.lineFrac).toBe(0.25);
    expect(bad.bars[0]).toMatchObject({ heightFrac: 1, clipped: true, state: 'over' });
  });

  it('treats exactly the target as met', () => {
    const b = sloDayBars(slo({ days: [{ day: '2025-02-01', watchedMin: 1440, offlineMin: 30 }] }), AT);
    expect(b.bars[0]!.state).toBe('ok');
  });

  it('says so when nothing has been watched', () => {
    const b = sloDayBars(slo({ monthUptimePct: null, monthWatchedMin: 0 }), AT);
    expect(b.bars.every((x) => x.state === 'unwatched' || x.state === 'future')).toBe(true);
    expect(dayBarsSummary(b, 30)).toBe('No day of this month has been watched yet.');
  });

  it('ignores days of another month', () => {
    const b = sloDayBars(slo({ days: [{ day: '2025-01-31', watchedMin: 1440, offlineMin: 500 }] }), AT);
    expect(b.watchedDays).toBe(0);
  });
});

describe('lowestUptime', () => {
  const n = (hostname: string, monthUptimePct: number | null) => ({
    hostname,
    monthUptimePct,
    offlineMinToday: 0,
  });

  it('lists the worst first, ties by hostname, nodes without data last', () => {
    const rows = lowestUptime([n('c', 99.9), n('x', null), n('b', 97), n('a10', 99.9), n('a2', 99.9)], 4);
    expect(rows.map((r) => r.hostname)).toEqual(['b', 'a2', 'a10', 'c']);
  });

  it('keeps nodes without data when there is room', () => {
    expect(lowestUptime([n('y', null), n('x', null), n('a', 100)]).map((r) => r.hostname)).toEqual([
      'a',
      'x',
      'y',
    ]);
  });
});
