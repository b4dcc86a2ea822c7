import { describe, expect, it } from 'vitest';
import { alertPlace, badgeCounts, badgeLabel, newlyFiringCritical } from './alertBadge';
import { alertList, alertView } from './testAlerts';

describe('badgeCounts', () => {
  it('counts firing, unsilenced alerts and finds the worst', () => {
    const c = badgeCounts(
      [
        alertView({ severity: 'warning' }),
        alertView({ severity: 'critical' }),
        alertView({ severity: 'critical', state: 'resolved' }),
        alertView({ severity: 'critical', silencedUntil: 9000 }),
        alertView({ severity: 'info', acknowledgedBy: 'alice' }),
      ],
      5000,
    );
    expect(c).toEqual({ firing: 3, critical: 1, warning: 1, info: 1, worst: 'critical' });
  });

  it('counts an alert again once its silence has lapsed', () => {
    const silenced = [alertView({ silencedUntil: 6000 })];
    expect(badgeCounts(silenced, 5000).firing).toBe(0);
    expect(badgeCounts(silenced, 6000).firing).toBe(1);
  });

  it('is empty without alerts', () => {
    expect(badgeCounts([], 0)).toEqual({ firing: 0, critical: 0, warning: 0, info: 0, worst: null });
  });
});

describe('badgeLabel', () => {
  it.each([
    [{ firing: 0, critical: 0, warning: 0, info: 0, worst: null }, 'No firing alerts'],
    [{ firing: 3, critical: 1, warning: 2, info: 0, worst: 'critical' }, '3 firing alerts, 1 critical'],
    [{ firing: 1, critical: 0, warning: 1, info: 0, worst: 'warning' }, '1 firing alert, 1 warning'],
    [{ firing: 3, critical: 0, warning: 2, info: 1, worst: 'warning' }, '3 firing alerts, 2 warning, 1 info'],
  ] as const)('%j → %s', (c, label) => {
    expect(badgeLabel(c)).toBe(label);
  });
});

describe('newlyFiringCritical', () => {
  const old = alertView({ key: 'a', firstSeen: 100 });
  it('announces nothing on the first list', () => {
    expect(newlyFiringCritical(null, alertList([old]))).toEqual([]);
  });

  it('announces critical alerts that were not firing before', () => {
    const fresh = alertView({ key: 'b' });
    const warning = alertView({ key: 'c', severity: 'warning' });
    const silenced = alertView({ key: 'd', silencedUntil: 99_000 });
    const next = alertList([old, fresh, warning, silenced]);
    expect(newlyFiringCritical(alertList([old]), next).map((a) => a.key)).toEqual(['b']);
  });

  it('announces an alert that returned after resolving, and not one that merely changed', () => {
    const prev = alertList([old]);
    expect(newlyFiringCritical(prev, alertList([{ ...old, lastSeen: 9 }]))).toEqual([]);
    expect(newlyFiringCritical(prev, alertList([{ ...old, firstSeen: 200 }])).map((a) => a.key)).toEqual([
      'a',
    ]);
    const resolvedBefore = alertList([{ ...old, state: 'resolved' }]);
    expect(newlyFiringCritical(resolvedBefore, alertList([old])).map((a) => a.key)).toEqual(['a']);
  });
});

describe('alertPlace', () => {
  it('names the site, node and GPU as far as the alert has them', () => {
    expect(alertPlace(alertView())).toBe('s1 / h1 / GPU 3');
    expect(alertPlace(alertView({ gpu: null }), 'Frankfurt')).toBe('Frankfurt / h1');
    expect(alertPlace(alertView({ gpu: null, hostname: null }))).toBe('s1');
  });
});
