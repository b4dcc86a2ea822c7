import { describe, expect, it } from 'vitest';
import { alertList, alertView } from '../alerts/testAlerts';
import { indexResidency } from './jurisdiction';
import {
  badgeCount,
  blocBreakdown,
  clusterFacts,
  clusterMark,
  siteFacts,
  siteMark,
  violationLines,
  withWords,
  type MapMarkData,
} from './mapMarks';
import { indexAlerts } from './siteAlerts';
import { residencyNow, testSite, workload } from './testMapData';

const de = testSite({ id: 'de-1', name: 'Frankfurt', country: 'DE' });
const no = testSite({ id: 'no-1', name: 'Oslo', country: 'NO' });
const us = testSite({ id: 'us-1', name: 'Ashburn', country: 'US' });
const ch = testSite({ id: 'ch-1', name: 'Zurich', country: 'CH' });

const data: MapMarkData = {
  residency: indexResidency(
    residencyNow(
      [
        workload({ workload: 'scan-1', siteId: 'us-1', allowed: false, reason: 'US is not in EU' }),
        workload({ workload: 'scan-2', siteId: 'us-1', allowed: false, reason: 'US is not in EU' }),
        workload({ workload: 'ok-1', siteId: 'de-1' }),
      ],
      ['ch-1'],
    ),
  ),
  residencyNote: null,
  alerts: indexAlerts(
    alertList([
      alertView({ key: 'k1', siteId: 'de-1', severity: 'warning', title: 'GPU 1 at 88 °C' }),
      alertView({ key: 'k2', siteId: 'us-1', severity: 'critical' }),
      alertView({ key: 'k3', siteId: 'us-1', severity: 'warning' }),
    ]),
    5000,
  ),
};
const nothingYet: MapMarkData = { residency: null, residencyNote: 'not checked yet', alerts: null };

describe('badgeCount / withWords', () => {
  it('fits a count in a badge and appends words to a name', () => {
    expect(badgeCount(1)).toBe('1');
    expect(badgeCount(9)).toBe('9');
    expect(badgeCount(10)).toBe('9+');
    expect(withWords('Oslo, Norway: 40% utilisation', 'no firing alerts')).toBe(
      'Oslo, Norway: 40% utilisation, no firing alerts',
    );
    expect(withWords('Oslo', null)).toBe('Oslo');
  });
});

describe('siteMark', () => {
  it('jurisdiction: a red badge with the count, the bloc and "N residency violations" in words', () => {
    expect(siteMark('jurisdiction', data, us)).toEqual({
      badge: 'violation',
      badgeText: '2',
      words: 'outside the EEA, 2 residency violations',
    });
    expect(siteMark('jurisdiction', data, de)).toEqual({
      badge: null,
      badgeText: '',
      words: 'EU member, no residency violations',
    });
    expect(siteMark('jurisdiction', data, no).words).toBe('EEA, not EU, no residency violations');
  });

  it('jurisdiction: "?" and "violations unknown" for a silent scheduler or before the first answer', () => {
    expect(siteMark('jurisdiction', data, ch)).toEqual({
      badge: 'unknown',
      badgeText: '?',
      words: 'outside the EEA, residency violations unknown',
    });
    expect(siteMark('jurisdiction', nothingYet, de).badge).toBe('unknown');
  });

  it('alerts: the worst severity with the firing count; no badge when none; words when unknown', () => {
    expect(siteMark('alerts', data, us)).toEqual({
      badge: 'critical',
      badgeText: '2',
      words: '2 firing alerts (1 critical, 1 warning)',
    });
    expect(siteMark('alerts', data, no)).toEqual({ badge: null, badgeText: '', words: 'no firing alerts' });
    expect(siteMark('alerts', nothingYet, no)).toEqual({
      badge: null,
      badgeText: '',
      words: 'alerts unknown',
    });
  });

  it('numeric modes carry no mark', () => {
    for (const mode of ['util', 'power', 'idle'] as const)
      expect(siteMark(mode, data, us)).toEqual({ badge: null, badgeText: '', words: null });
  });
});

describe('clusterMark (cluster aggregation)', () => {
  it('jurisdiction: counts violating sites, not violations', () => {
    expect(clusterMark('jurisdiction', data, [us, de, ch])).toEqual({
      badge: 'violation',
      badgeText: '1',
      words: '1 site with residency violations (2 violations), violations unknown at 1 site',
    });
  });

  it('jurisdiction: "?" when nothing violates but some member is unknown; nothing when all are clear', () => {
    expect(clusterMark('jurisdiction', data, [de, ch]).badge).toBe('unknown');
    expect(clusterMark('jurisdiction', data, [de, no])).toEqual({
      badge: null,
      badgeText: '',
      words: 'no residency violations',
    });
  });

  it('alerts: the worst of the members and the total firing', () => {
    expect(clusterMark('alerts', data, [de, us, no])).toEqual({
      badge: 'critical',
      badgeText: '3',
      words: '3 firing alerts (1 critical, 2 warning)',
    });
    expect(clusterMark('alerts', data, [de, no]).badge).toBe('warning');
    expect(clusterMark('alerts', data, [no, ch]).badge).toBeNull();
    expect(clusterMark('alerts', nothingYet, [de, us]).words).toBe('alerts unknown');
  });
});

describe('violationLines', () => {
  it('groups by tenant, data class and reason, the largest group first', () => {
    expect(
      violationLines([
        workload({ workload: 'a', tenant: 't1', reason: 'r1' }),
        workload({ workload: 'b', tenant: 't2', reason: 'r2' }),
        workload({ workload: 'c', tenant: 't2', reason: 'r2' }),
        workload({ workload: 'd', tenant: 't2', dataClass: 'personal', reason: 'r2' }),
      ]),
    ).toEqual(['2 × t2, health: r2', '1 × t1, health: r1', '1 × t2, personal: r2']);
    expect(violationLines([])).toEqual([]);
  });
});

describe('tooltip facts', () => {
  it('a violating site lists its workloads and why', () => {
    const [juris, res] = siteFacts('jurisdiction', data, us);
    expect(juris).toEqual({ term: 'Jurisdiction', value: 'United States, outside the EEA' });
    expect(res).toMatchObject({ term: 'Residency', value: '2 residency violations', tone: 'bad' });
    expect(res?.lines).toEqual(['2 × kestrel-labs, health: US is not in EU']);
  });

  it('an unknown site says why', () => {
    expect(siteFacts('jurisdiction', data, ch)[1]).toMatchObject({
      value: 'Residency violations unknown',
      lines: ['the site’s scheduler did not answer'],
      tone: 'unknown',
    });
    expect(siteFacts('jurisdiction', nothingYet, de)[1]?.lines).toEqual(['not checked yet']);
  });

  it('a clear site says how much was judged', () => {
    expect(siteFacts('jurisdiction', data, de)[1]?.lines).toEqual(['1 running workload judged']);
    expect(siteFacts('jurisdiction', data, no)[1]?.lines).toEqual(['no running workloads seen']);
  });

  it('alerts list the worst first', () => {
    expect(siteFacts('alerts', data, de)[0]).toEqual({
      term: 'Alerts',
      value: '1 firing alert (warning)',
      lines: ['warning: GPU 1 at 88 °C (h1)'],
    });
  });

  it('clusters: blocs of the members and the residency in words', () => {
    expect(blocBreakdown([de, no, us, ch])).toBe('1 in the EU, 1 in the EEA only, 2 outside the EEA');
    expect(clusterFacts('jurisdiction', data, [de, us])[1]).toMatchObject({
      value: '1 site with residency violations (2 violations)',
      tone: 'bad',
    });
    expect(clusterFacts('util', data, [de, us])).toEqual([]);
  });
});
