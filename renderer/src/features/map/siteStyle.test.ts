import { describe, expect, it } from 'vitest';
import { SITE_STATUSES } from '../../../../shared/domain';
import { markerRadius, maxMarkerRadius, statusRing, UTIL_STOPS, utilColor } from './siteStyle';

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
