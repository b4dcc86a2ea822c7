import { describe, expect, it } from 'vitest';
import { alertsCellTitle, formatDataAge, schedulerTone, shortModel } from './nodeText';

describe('node text', () => {
  it.each([
    [null, 'muted'],
    ['IDLE', 'ok'],
    ['mixed', 'ok'],
    ['ALLOCATED', 'ok'],
    ['MIXED+DRAIN', 'warn'],
    ['IDLE+MAINTENANCE', 'warn'],
    ['DOWN', 'down'],
    ['idle*', 'down'],
    ['DOWN+DRAIN', 'down'],
    ['FUTURE', 'muted'],
  ] as const)('scheduler state %s reads %s', (state, tone) => {
    expect(schedulerTone(state)).toBe(tone);
  });

  it('formats what the table shows', () => {
    expect(shortModel('NVIDIA H100 80GB HBM3')).toBe('H100 80GB HBM3');
    expect(formatDataAge(null)).toBe('—');
    expect(formatDataAge(3.4)).toBe('3 s ago');
    expect(alertsCellTitle(0, null)).toBe('No firing alerts');
    expect(alertsCellTitle(2, 'critical')).toBe('2 firing alerts, worst critical');
  });
});
