import { describe, expect, it } from 'vitest';
import { alertList, alertView } from '../alerts/testAlerts';
import {
  ALERT_LEVEL_COLORS,
  alertColor,
  alertLevel,
  alertLines,
  alertWords,
  indexAlerts,
  mergeAlerts,
  siteAlerts,
} from './siteAlerts';

const NONE = { firing: 0, critical: 0, warning: 0, info: 0, worst: null };

describe('indexAlerts / siteAlerts (worst alert per site)', () => {
  const index = indexAlerts(
    alertList([
      alertView({ key: 'a1', siteId: 'a', severity: 'warning', firstSeen: 3000 }),
      alertView({ key: 'a2', siteId: 'a', severity: 'critical', firstSeen: 1000 }),
      alertView({ key: 'a3', siteId: 'a', severity: 'warning', firstSeen: 4000, acknowledgedBy: 'ops' }),
      alertView({ key: 'b1', siteId: 'b', severity: 'critical', silencedUntil: 9000 }),
      alertView({ key: 'b2', siteId: 'b', severity: 'info' }),
      alertView({ key: 'c1', siteId: 'c', severity: 'critical', state: 'resolved' }),
      alertView({ key: 'd1', siteId: 'd', severity: 'critical', silencedUntil: 4000 }),
    ]),
    5000,
  );

  it('takes the worst firing, unsilenced alert and counts them (acknowledged ones too)', () => {
    expect(siteAlerts(index, 'a')).toMatchObject({ firing: 3, critical: 1, warning: 2, worst: 'critical' });
    expect(siteAlerts(index, 'a')?.alerts.map((x) => x.key)).toEqual(['a2', 'a3', 'a1']);
  });

  it('ignores silenced and resolved alerts; a lapsed silence counts again', () => {
    expect(siteAlerts(index, 'b')).toMatchObject({ firing: 1, worst: 'info' });
    expect(siteAlerts(index, 'c')).toMatchObject(NONE);
    expect(siteAlerts(index, 'd')).toMatchObject({ firing: 1, worst: 'critical' });
  });

  it('a site without alerts has none; before the list arrives, unknown', () => {
    expect(siteAlerts(index, 'zz')).toMatchObject(NONE);
    expect(index.has('c')).toBe(false);
    expect(siteAlerts(null, 'a')).toBeNull();
  });
});

describe('alertLevel / alertColor', () => {
  it('colours by the worst level; null (hatched) when unknown', () => {
    expect(alertLevel({ worst: null })).toBe('none');
    expect(alertColor({ worst: 'critical' })).toBe(ALERT_LEVEL_COLORS.critical);
    expect(alertColor({ worst: 'warning' })).toBe(ALERT_LEVEL_COLORS.warning);
    expect(alertColor({ worst: null })).toBe(ALERT_LEVEL_COLORS.none);
    expect(alertColor(null)).toBeNull();
    expect(new Set(Object.values(ALERT_LEVEL_COLORS)).size).toBe(4);
  });
});

describe('mergeAlerts (clusters take the worst of their sites)', () => {
  it('sums the counts and keeps the worst', () => {
    expect(
      mergeAlerts([
        { firing: 2, critical: 0, warning: 2, info: 0, worst: 'warning' },
        NONE,
        { firing: 1, critical: 1, warning: 0, info: 0, worst: 'critical' },
        { firing: 1, critical: 0, warning: 0, info: 1, worst: 'info' },
      ]),
    ).toEqual({ firing: 4, critical: 1, warning: 2, info: 1, worst: 'critical' });
  });

  it('nothing firing is none; any unknown member makes it unknown', () => {
    expect(mergeAlerts([NONE, NONE])).toEqual(NONE);
    expect(mergeAlerts([])).toEqual(NONE);
    expect(mergeAlerts([NONE, null])).toBeNull();
  });
});

describe('alertWords', () => {
  it.each([
    [null, 'alerts unknown'],
    [NONE, 'no firing alerts'],
    [{ firing: 1, critical: 0, warning: 1, info: 0, worst: 'warning' }, '1 firing alert (warning)'],
    [
      { firing: 3, critical: 1, warning: 2, info: 0, worst: 'critical' },
      '3 firing alerts (1 critical, 2 warning)',
    ],
  ] as const)('%j → %s', (c, words) => {
    expect(alertWords(c)).toBe(words);
  });
});

describe('alertLines', () => {
  it('a line per severity and kind: a lone alert by title, several by count', () => {
    expect(
      alertLines([
        alertView({ key: 'r1', kind: 'residency', title: 'w1 breaks eu-health' }),
        alertView({ key: 'r2', kind: 'residency', title: 'w2 breaks eu-health' }),
        alertView({ key: 'x1', kind: 'xid', title: 'XID 79 on GPU 3' }),
        alertView({
          key: 't1',
          kind: 'gpu-temp',
          severity: 'warning',
          title: 'GPU 1 at 88 °C',
          hostname: null,
        }),
      ]),
    ).toEqual([
      '2 × critical: Residency violation',
      'critical: XID 79 on GPU 3 (h1)',
      'warning: GPU 1 at 88 °C',
    ]);
  });
});
