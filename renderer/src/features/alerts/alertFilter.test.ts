import { describe, expect, it } from 'vitest';
import { filterAlerts, newestUnackedCritical, silenceText } from './alertFilter';
import { alertView } from './testAlerts';

describe('alert filter', () => {
  const list = [
    alertView({ key: 'a', severity: 'critical' }),
    alertView({ key: 'b', severity: 'warning' }),
    alertView({ key: 'c', severity: 'critical', state: 'resolved' }),
  ];

  it.each([
    [{ state: 'firing', severity: 'all' }, ['a', 'b']],
    [{ state: 'resolved', severity: 'all' }, ['c']],
    [{ state: 'all', severity: 'critical' }, ['a', 'c']],
    [{ state: 'firing', severity: 'info' }, []],
  ] as const)('%j keeps %j', (f, keys) => {
    expect(filterAlerts(list, f).map((a) => a.key)).toEqual(keys);
  });

  it('says until when and by whom an alert is silenced, and nothing once it lapsed', () => {
    const until = new Date(2025, 0, 1, 15, 42).getTime();
    const a = alertView({ silencedUntil: until, silencedBy: 'alice' });
    expect(silenceText(a, until - 1)).toBe('until 15:42 by alice');
    expect(silenceText(a, until)).toBeNull();
    expect(silenceText(alertView(), 0)).toBeNull();
  });

  it('finds the newest firing critical alert nobody acknowledged', () => {
    const older = alertView({ key: 'old', firstSeen: 1 });
    const newer = alertView({ key: 'new', firstSeen: 5 });
    const acked = alertView({ key: 'acked', firstSeen: 9, acknowledgedBy: 'bob' });
    const warn = alertView({ key: 'warn', firstSeen: 9, severity: 'warning' });
    expect(newestUnackedCritical([older, acked, newer, warn])?.key).toBe('new');
    expect(newestUnackedCritical([acked, warn])).toBeNull();
  });
});
