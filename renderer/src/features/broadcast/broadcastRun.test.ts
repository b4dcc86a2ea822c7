import { describe, expect, it } from 'vitest';
import type { BroadcastProgress } from '../../../../shared/terminal';
import {
  applyProgress,
  countResults,
  exitText,
  formatMs,
  namesBySite,
  newRun,
  resultLine,
  startedRun,
  type BroadcastResult,
} from './broadcastRun';

const targets = [
  { siteId: 's', hostname: 'n1' },
  { siteId: 's', hostname: 'n2' },
  { siteId: 's', hostname: 'n3' },
];
const result = (hostname: string, patch: Partial<BroadcastResult>): BroadcastResult => ({
  siteId: 's',
  hostname,
  state: 'done',
  exitCode: 0,
  stdout: '',
  stderr: '',
  error: null,
  ms: 10,
  ...patch,
});
const progress = (patch: Partial<BroadcastProgress>): BroadcastProgress => ({
  broadcastId: 'b1',
  command: 'uptime',
  total: 3,
  done: 0,
  results: [],
  finished: false,
  groups: null,
  ...patch,
});

describe('a broadcast run', () => {
  it('starts with every node pending, in target order', () => {
    const run = newRun('uptime', targets);
    expect(run.order).toEqual(['s/n1', 's/n2', 's/n3']);
    expect(countResults(run)).toEqual({ ok: 0, nonZero: 0, failed: 0, running: 0, pending: 3 });
  });

  it('merges only the rows that changed, and keeps the others as they were', () => {
    let run = startedRun(newRun('uptime', targets), 'b1');
    const n3 = run.results['s/n3'];
    run = applyProgress(run, progress({ done: 1, results: [result('n1', { stdout: 'up 3 days\n' })] }));
    run = applyProgress(
      run,
      progress({ done: 2, results: [result('n2', { exitCode: 2, stderr: 'nvidia-smi: not found\n' })] }),
    );
    expect(run.done).toBe(2);
    expect(run.results['s/n3']).toBe(n3);
    expect(countResults(run)).toEqual({ ok: 1, nonZero: 1, failed: 0, running: 0, pending: 1 });
  });

  it('ignores other broadcasts and keeps what came before the id was known', () => {
    let run = newRun('uptime', targets);
    run = applyProgress(run, progress({ done: 1, results: [result('n1', {})] }));
    run = applyProgress(run, progress({ broadcastId: 'old', done: 3, finished: true }));
    expect(run.done).toBe(0);
    run = startedRun(run, 'b1');
    expect(run.done).toBe(1);
    expect(run.early).toEqual([]);
    expect(run.results['s/n1']?.state).toBe('done');
    expect(applyProgress(run, progress({ broadcastId: 'other', done: 3 }))).toBe(run);
  });

  it('takes the groups once finished', () => {
    let run = startedRun(newRun('uptime', targets), 'b1');
    const groups = [
      {
        key: 'a',
        exitCode: 0,
        stdout: 'ok',
        stderr: '',
        error: null,
        nodes: targets.slice(0, 2),
        outlier: false,
      },
      { key: 'b', exitCode: 1, stdout: '', stderr: 'x', error: null, nodes: targets.slice(2), outlier: true },
    ];
    run = applyProgress(run, progress({ done: 3, finished: true, groups }));
    expect(run.finished).toBe(true);
    expect(run.groups).toEqual(groups);
  });

  it('says what a row shows', () => {
    expect(resultLine(result('n', { error: 'host key not trusted yet', stdout: 'x' }))).toBe(
      'host key not trusted yet',
    );
    expect(resultLine(result('n', { stdout: '\n  \n535.104.05\nmore' }))).toBe('535.104.05');
    expect(resultLine(result('n', { stderr: 'boom\n' }))).toBe('boom');
    expect(formatMs(85)).toBe('85 ms');
    expect(formatMs(1234)).toBe('1.2 s');
    expect(formatMs(null)).toBe('—');
    expect(exitText(0)).toBe('exit 0');
    expect(exitText(null)).toBe('no exit code');
  });

  it('lists the nodes of a group by site, up to a limit', () => {
    const nodes = [
      { siteId: 'a', hostname: 'a1' },
      { siteId: 'b', hostname: 'b1' },
      { siteId: 'a', hostname: 'a2' },
      { siteId: 'b', hostname: 'b2' },
    ];
    expect(namesBySite(nodes)).toEqual({
      sites: [
        { siteId: 'a', hostnames: ['a1', 'a2'] },
        { siteId: 'b', hostnames: ['b1', 'b2'] },
      ],
      hidden: 0,
    });
    expect(namesBySite(nodes, 3)).toEqual({
      sites: [
        { siteId: 'a', hostnames: ['a1', 'a2'] },
        { siteId: 'b', hostnames: ['b1'] },
      ],
      hidden: 1,
    });
  });
});
