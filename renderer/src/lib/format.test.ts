import { describe, expect, it } from 'vitest';
import {
  ageMs,
  formatAge,
  formatClock,
  formatClockSeconds,
  formatCount,
  formatKw,
  formatKwTick,
  formatKwValue,
  formatLatLon,
  formatPct,
  formatPctValue,
  formatRatio,
  formatStatus,
  formatTempC,
  NO_DATA,
} from './format';

describe('null is "no data", never zero', () => {
  it.each([
    ['formatPct', formatPct],
    ['formatKw', formatKw],
    ['formatKwValue', formatKwValue],
    ['formatPctValue', formatPctValue],
    ['formatCount', formatCount],
    ['formatTempC', formatTempC],
    ['formatAge', formatAge],
  ] as const)('%s(null) and (NaN) → dash', (_name, fn) => {
    expect(fn(null)).toBe(NO_DATA);
    expect(fn(undefined)).toBe(NO_DATA);
    expect(fn(Number.NaN)).toBe(NO_DATA);
  });

  it('a real zero stays a zero', () => {
    expect(formatPct(0)).toBe('0%');
    expect(formatKw(0)).toBe('0.0 kW');
    expect(formatCount(0)).toBe('0');
    expect(formatAge(0)).toBe('0 s ago');
  });
});

describe('formatPct', () => {
  it.each([
    [63.24, 0, '63%'],
    [63.5, 0, '64%'],
    [63.24, 1, '63.2%'],
    [100, 0, '100%'],
  ])('%d with %d digits → %s', (v, d, want) => expect(formatPct(v, d)).toBe(want));
});

describe('formatKw', () => {
  it.each([
    [3.14159, '3.1 kW'],
    [99.94, '99.9 kW'],
    [412.66, '413 kW'],
    [12345.6, '12,346 kW'],
  ])('%d → %s', (v, want) => expect(formatKw(v)).toBe(want));

  it('value without unit for big readouts', () => {
    expect(formatKwValue(412.66)).toBe('413');
    expect(formatPctValue(63.6)).toBe('64');
  });
});

describe('formatAge', () => {
  it.each([
    [999, '0 s ago'],
    [12_000, '12 s ago'],
    [59_999, '59 s ago'],
    [60_000, '1 min ago'],
    [3_599_000, '59 min ago'],
    [3_600_000, '1 h ago'],
    [47 * 3_600_000, '47 h ago'],
    [72 * 3_600_000, '3 d ago'],
    [-5_000, '0 s ago'],
  ])('%d ms → %s', (ms, want) => expect(formatAge(ms)).toBe(want));

  it('ageMs measures against the reference time and needs both', () => {
    expect(ageMs(10_000, 4_000)).toBe(6_000);
    expect(ageMs(4_000, 10_000)).toBe(0);
    expect(ageMs(null, 1)).toBeNull();
    expect(ageMs(1, null)).toBeNull();
  });
});

describe('clock, place and counts', () => {
  it('formats local wall-clock time', () => {
    const t = new Date(2025, 0, 2, 7, 5, 9).getTime();
    expect(formatClock(t)).toBe('07:05');
    expect(formatClockSeconds(t)).toBe('07:05:09');
    expect(formatClockSeconds(null)).toBe(NO_DATA);
  });

  it('formats coordinates with hemispheres', () => {
    expect(formatLatLon(50.1109, 8.6821)).toBe('50.11° N, 8.68° E');
    expect(formatLatLon(-33.8688, -70.6693)).toBe('33.87° S, 70.67° W');
  });

  it('groups thousands', () => {
    expect(formatCount(1056)).toBe('1,056');
    expect(formatRatio(1024, 1056)).toBe('1,024 / 1,056');
  });

  it('formats temperatures', () => {
    expect(formatTempC(71.4)).toBe('71 °C');
  });

  it('names statuses in words', () => {
    expect(formatStatus('auth-failed')).toBe('Auth failed');
    expect(formatStatus('ok')).toBe('OK');
    expect(formatStatus('something-new')).toBe('something-new');
  });
});

describe('formatKwTick', () => {
  it.each([
    [0, '0'],
    [750, '750'],
    [1000, '1k'],
    [2500, '2.5k'],
    [10_000, '10k'],
  ])('%d → %s', (v, want) => expect(formatKwTick(v)).toBe(want));
});
