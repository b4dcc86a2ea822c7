import { describe, expect, it } from 'vitest';
import { parseSiteTarget } from './auditTarget';

const known = new Set(['eu-fra-1', 'us-sjc-2', 'admin']);

describe('parseSiteTarget', () => {
  it.each([
    ['eu-fra-1', 'site.save', { siteId: 'eu-fra-1', hostname: null, jobId: null }],
    ['eu-fra-1/gpu-07', 'node.drain', { siteId: 'eu-fra-1', hostname: 'gpu-07', jobId: null }],
    [
      'us-sjc-2/node12.cluster.local',
      'ssh.open',
      { siteId: 'us-sjc-2', hostname: 'node12.cluster.local', jobId: null },
    ],
    ['eu-fra-1/job 4711', 'job.requeue', { siteId: 'eu-fra-1', hostname: null, jobId: 4711 }],
  ])('%s (%s) names a known site', (target, action, want) => {
    expect(parseSiteTarget(target, known, action)).toEqual(want);
  });

  it.each([
    [null, 'node.drain'],
    ['ap-syd-1', 'site.remove'], // not in the fleet (any more)
    ['ap-syd-1/gpu1', 'node.drain'],
    ['10.0.0.5:22', 'ssh.hostkey.forget'],
    ['12 nodes', 'ssh.broadcast'],
    ['eu-fra-1/', 'node.drain'],
    ['eu-fra-1/two words', 'node.drain'],
    ['eu-fra-1/a/b', 'node.drain'],
    ['eu-fra-1/job x', 'job.requeue'],
    ['', 'site.save'],
  ])('%j (%s) names no site', (target, action) => {
    expect(parseSiteTarget(target, known, action)).toBeNull();
  });

  it('ignores targets of actions that never name a site, even when one has that id', () => {
    expect(parseSiteTarget('admin', known, 'session.role')).toBeNull();
    expect(parseSiteTarget('admin', known, 'admin.passphrase')).toBeNull();
    expect(parseSiteTarget('eu-fra-1', known, 'secret.set')).toBeNull();
    expect(parseSiteTarget('admin', known, 'site.save')).toEqual({
      siteId: 'admin',
      hostname: null,
      jobId: null,
    });
  });

  it('works without an action', () => {
    expect(parseSiteTarget('eu-fra-1/gpu1', known)).toEqual({
      siteId: 'eu-fra-1',
      hostname: 'gpu1',
      jobId: null,
    });
  });
});
