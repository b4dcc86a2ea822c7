import { describe, expect, it } from 'vitest';
import { Availability } from './availability';

const DAY = 86_400_000;
const NOV1 = Date.UTC(2026, 10, 1);

describe('Availability', () => {
  it('uptime this month is up over watched time; unwatched time counts neither way', () => {
    const a = new Availability();
    // Day 1: watched 10 h, offline 30 min. Day 3: watched 1 h, all up. Day 2: the console was off.
    for (let s = 0; s < 10 * 3600; s += 60) a.record('s1/n1', NOV1 + s * 1000, 60, s >= 30 * 60);
    for (let s = 0; s < 3600; s += 60) a.record('s1/n1', NOV1 + 2 * DAY + s * 1000, 60, true);
    const slo = a.slo('s1/n1', NOV1 + 2 * DAY + 3_600_000);
    expect(slo.monthWatchedMin).toBe(660);
    expect(slo.monthUptimePct).toBeCloseTo((100 * (660 - 30)) / 660, 6);
    expect(slo.days).toEqual([
      { day: '2026-11-01', watchedMin: 600, offlineMin: 30 },
      { day: '2026-11-03', watchedMin: 60, offlineMin: 0 },
    ]);
  });

  it('a new month starts afresh; an unknown subject has no figure, not 100 %', () => {
    const a = new Availability();
    a.record('s1', NOV1 - 60_000, 60, false);
    expect(a.slo('s1', NOV1 + 1000)).toEqual({ monthUptimePct: null, monthWatchedMin: 0, days: [] });
    expect(a.slo('nobody', NOV1).monthUptimePct).toBeNull();
  });

  it('round-trips through JSON and skips malformed entries', () => {
    const a = new Availability();
    a.record('s1', NOV1, 120, true);
    const b = new Availability();
    b.load({ ...JSON.parse(JSON.stringify(a)), bad: { day: [1], watched: [], up: [] } });
    expect(b.slo('s1', NOV1 + 1000).monthWatchedMin).toBe(2);
    expect(b.slo('bad', NOV1).monthUptimePct).toBeNull();
  });

  it('writes the same document in pieces as in one go, for any number of subjects', () => {
    for (const subjects of [0, 1, 199, 200, 201, 450]) {
      const a = new Availability();
      for (let i = 0; i < subjects; i++) a.record(`s${i}/"h"`, NOV1 + i * 1000, 60, i % 3 !== 0);
      expect(JSON.parse([...a.jsonPieces()].join(''))).toEqual(JSON.parse(JSON.stringify(a)));
    }
  });
});
