import { describe, expect, it } from 'vitest';
import { SITE_STATUSES } from '../../../../shared/domain';
import {
  donutArcs,
  markerRadius,
  maxMarkerRadius,
  rampColor,
  statusGroup,
  statusRing,
  UTIL_STOPS,
  utilColor,
} from './siteStyle';

describe('utilColor', () => {
  it('maps the ends of the range to the ends of the ramp and clamps', () => {
    expect(utilColor(0)).toBe(UTIL_STOPS[0]);
    expect(utilColor(100)).toBe(UTIL_STOPS[UTIL_STOPS.length - 1]);
    expect(utilColor(-5)).toBe(UTIL_STOPS[0]);
    expect(utilColor(140)).toBe(UTIL_STOPS[UTIL_STOPS.length - 1]);
  });

  it('returns a hex colour in between', () => {
    expect(utilColor(42)).toMatch(/^#[0-9a-f]{6}$/);
    expect(utilColor(42)).not.toBe(utilColor(43.5));
  });

  it('has no colour for no data (the map hatches it instead)', () => {
    expect(utilColor(null)).toBeNull();
    expect(utilColor(Number.NaN)).toBeNull();
  });
});

describe('statusRing', () => {
  it('draws no ring for ok and a ring for every other status', () => {
    for (const s of SITE_STATUSES) {
      if (s === 'ok') expect(statusRing(s)).toBeNull();
      else expect(statusRing(s)).not.toBeNull();
    }
  });
});

describe('markerRadius', () => {
  it('grows with the square root of the GPU count, within bounds', () => {
    expect(markerRadius(0, 100)).toBe(3);
    expect(markerRadius(100, 100)).toBe(11);
    expect(markerRadius(25, 100)).toBeCloseTo(3 + 8 * 0.5);
    expect(markerRadius(10, 0)).toBe(3);
  });
});

describe('maxMarkerRadius', () => {
  it('shrinks markers for dense fleets, within bounds', () => {
    expect(maxMarkerRadius(24)).toBe(11);
    expect(maxMarkerRadius(200)).toBeCloseTo(5.5);
    expect(maxMarkerRadius(5000)).toBe(4);
  });
});

describe('rampColor', () => {
  it('interpolates between stops and clamps; no data is null', () => {
    expect(rampColor(['#000000', '#ffffff'], 0)).toBe('#000000');
    expect(rampColor(['#000000', '#ffffff'], 0.5)).toBe('#808080');
    expect(rampColor(['#000000', '#ffffff'], 2)).toBe('#ffffff');
    expect(rampColor(['#000000', '#ff0000', '#ffffff'], 0.75)).toBe('#ff8080');
    expect(rampColor(['#000000', '#ffffff'], null)).toBeNull();
    expect(rampColor(['#000000', '#ffffff'], Number.POSITIVE_INFINITY)).toBeNull();
  });
});

describe('statusGroup', () => {
  it.each([
    ['ok', 'ok'],
    ['degraded', 'degraded'],
    ['stale', 'degraded'],
    ['connecting', 'degraded'],
    ['unreachable', 'down'],
    ['auth-failed', 'down'],
    ['misconfigured', 'down'],
  ] as const)('%s → %s', (status, group) => {
    expect(statusGroup(status)).toBe(group);
  });

  it('covers every status', () => {
    for (const s of SITE_STATUSES) expect(['ok', 'degraded', 'down']).toContain(statusGroup(s));
  });
});

describe('donutArcs', () => {
  it('lays the non-empty groups end to end in OK → degraded → down order', () => {
    expect(donutArcs({ ok: 2, degraded: 0, down: 2 }, 100)).toEqual([
      { group: 'ok', dash: '50.00 100.00', offset: '0.00' },
      { group: 'down', dash: '50.00 100.00', offset: '-50.00' },
    ]);
  });

  it('draws a full ring for one group and nothing for no sites', () => {
    expect(donutArcs({ ok: 0, degraded: 3, down: 0 }, 100)).toEqual([
      { group: 'degraded', dash: undefined, offset: '0.00' },
    ]);
    expect(donutArcs({ ok: 0, degraded: 0, down: 0 }, 100)).toEqual([]);
  });
});
