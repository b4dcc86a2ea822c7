import { describe, expect, it } from 'vitest';
import type { TimelineEvent } from '../../../../shared/nodes';
import { groupTimeline, hourLabel } from './timeline';

const at = (y: number, mo: number, d: number, h: number, mi = 0) => new Date(y, mo - 1, d, h, mi).getTime();
const ev = (t: number, text: string, kind: TimelineEvent['kind'] = 'alert'): TimelineEvent => ({
  t,
  kind,
  text,
  severity: null,
  ref: null,
});

describe('groupTimeline', () => {
  const now = at(2025, 3, 12, 14, 30);

  it('puts events newest first under one header per local hour', () => {
    const groups = groupTimeline(
      [
        ev(at(2025, 3, 12, 13, 5), 'b'),
        ev(at(2025, 3, 12, 14, 10), 'c'),
        ev(at(2025, 3, 12, 13, 50), 'a'),
        ev(at(2025, 3, 11, 23, 59), 'd', 'ssh'),
      ],
      now,
    );
    expect(groups.map((g) => [g.label, g.events.map((e) => e.text)])).toEqual([
      ['Today 14:00', ['c']],
      ['Today 13:00', ['a', 'b']],
      ['Yesterday 23:00', ['d']],
    ]);
  });

  it('keeps the given order for events at the same instant', () => {
    const t = at(2025, 3, 12, 9);
    expect(groupTimeline([ev(t, 'first'), ev(t, 'second')], now)[0]!.events.map((e) => e.text)).toEqual([
      'first',
      'second',
    ]);
  });

  it('is empty without events', () => {
    expect(groupTimeline([], now)).toEqual([]);
  });
});

describe('hourLabel', () => {
  it('names days relative to now', () => {
    const now = at(2025, 3, 12, 0, 10);
    expect(hourLabel(at(2025, 3, 12, 0), now)).toBe('Today 00:00');
    expect(hourLabel(at(2025, 3, 11, 9), now)).toBe('Yesterday 09:00');
    expect(hourLabel(at(2025, 3, 2, 7), now)).toBe('2 Mar 07:00');
  });
});
