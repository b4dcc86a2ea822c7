import { describe, expect, it } from 'vitest';
import { csvCell } from '../audit/auditCsv';
import { groupOutputs, resultsCsv, type NodeResult } from './groupOutputs';

const r = (hostname: string, stdout: string, extra: Partial<NodeResult> = {}): NodeResult => ({
  siteId: 's1',
  hostname,
  state: 'done',
  exitCode: 0,
  stdout,
  stderr: '',
  error: null,
  ms: 10,
  ...extra,
});

describe('groupOutputs', () => {
  it('puts the majority first and marks the rest as outliers', () => {
    const results = [
      r('n1', 'driver_version\n590.48.01\n'),
      r('n2', 'driver_version\n590.48.01\n'),
      r('n3', 'driver_version\n580.105.08\n'),
      r('n4', 'driver_version\n590.48.01'),
      r('n5', '', { state: 'failed', exitCode: null, error: 'connection refused' }),
      r('n6', '', { state: 'running', exitCode: null }),
    ];
    const g = groupOutputs(results);
    expect(g.map((x) => [x.nodes.map((n) => n.hostname).join(' '), x.outlier])).toEqual([
      ['n1 n2 n4', false],
      ['n3', true],
      ['n5', true],
    ]);
  });

  it('one group is no outlier; no results, no groups', () => {
    expect(groupOutputs([r('a', 'x'), r('b', 'x')]).map((g) => g.outlier)).toEqual([false]);
    expect(groupOutputs([])).toEqual([]);
  });

  it('exports CSV with every node and defused cells', () => {
    const csv = resultsCsv([r('n1', '=cmd|calc'), r('n2', 'a,b')], csvCell);
    expect(csv.split('\r\n')).toEqual([
      'site,hostname,state,exit_code,ms,stdout,stderr,error',
      `s1,n1,done,0,10,'=cmd|calc,,`,
      's1,n2,done,0,10,"a,b",,',
      '',
    ]);
  });
});
