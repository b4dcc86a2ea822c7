import { describe, expect, it } from 'vitest';
import { mintSlurmJwt } from '../adapters/slurm/slurmJwt';
import { parseScontrolArgv, SimScontrol } from './simScontrol';
import { SimFleet } from './simFleet';
import { simSlurmOverlay } from './simSlurmOverlay';

describe('parseScontrolArgv', () => {
  it.each([
    [
      ['update', 'nodename=gpu1', 'state=drain', 'reason=XID 79'],
      { kind: 'drain', node: 'gpu1', reason: 'XID 79' },
    ],
    [
      ['update', 'NodeName=gpu1', 'State=DRAIN', 'Reason="XID 79"'],
      { kind: 'drain', node: 'gpu1', reason: 'XID 79' },
    ],
    [['update', 'nodename=gpu1', 'state=drain'], { kind: 'drain', node: 'gpu1', reason: null }],
    [['update', 'nodename=gpu1', 'state=resume'], { kind: 'resume', node: 'gpu1' }],
    [['requeue', '12'], { kind: 'requeue', ids: ['12'] }],
    [['requeue', '12,13'], { kind: 'requeue', ids: ['12', '13'] }],
  ])('%j', (argv, want) => expect(parseScontrolArgv(argv)).toEqual({ ok: true, value: want }));

  it.each([
    [['show', 'node']],
    [['update', 'state=drain']],
    [['update', 'nodename=a', 'state=down']],
    [['update', 'oops']],
    [['requeue']],
  ])('refuses %j', (argv) => expect(parseScontrolArgv(argv).ok).toBe(false));
});

describe('SimScontrol', () => {
  const T0 = Date.UTC(2026, 10, 29, 14, 0, 0);
  const fleet = new SimFleet({ seed: 2, sites: 1, nodesPerSite: 3 }, () => T0);
  const site = fleet.sites[0]!;
  const sc = new SimScontrol(fleet, site.id);
  const o = simSlurmOverlay(fleet, site.id)!;
  const node = site.nodes[0]!.hostname;
  const env = { SLURM_CONF: '/x', SLURM_JWT: o.token };

  it('answers as real scontrol 22.05 does', async () => {
    expect(await sc.run(['scontrol', 'update', `nodename=${node}`, 'state=drain'], env)).toEqual({
      code: 1,
      stdout: '',
      stderr: 'You must specify a reason when DOWNING or DRAINING a node. Request denied\n',
    });
    expect(
      (await sc.run(['scontrol', 'update', 'nodename=nope', 'state=drain', 'reason=x'], env)).stderr,
    ).toBe('slurm_update error: Invalid node name specified\n');
    expect((await sc.run(['scontrol', 'update', `nodename=${node}`, 'state=resume'], env)).stderr).toBe(
      'slurm_update error: Invalid node state specified\n',
    );
    expect((await sc.run(['scontrol', 'requeue', '99999999'], env)).stderr).toBe(
      'Invalid job id specified for job 99999999\n',
    );
    expect(
      (
        await sc.run(['scontrol', 'update', `nodename=${node}`, 'state=drain', 'reason=x'], {
          SLURM_JWT: 'bad',
        })
      ).stderr,
    ).toBe('slurm_update error: Zero Bytes were transmitted or received\n');
    const other = mintSlurmJwt(o.jwtKey, 'alice', 60, T0);
    expect((await sc.run(['scontrol', 'requeue', '1'], { SLURM_JWT: other })).stderr).toMatch(
      /Invalid user id/,
    );
    expect((await sc.run(['sinfo'])).code).toBe(127);
  });

  it('drains and resumes a node, naming who did it', async () => {
    expect(
      (await sc.run(['scontrol', 'update', `nodename=${node}`, 'state=drain', 'reason=XID 79'], env)).code,
    ).toBe(0);
    const v = o.settle(Math.floor(T0 / 1000)).nodes.find((n) => n.node.hostname === node)!;
    expect(v.drain).toEqual({ reason: 'XID 79', by: 'root', atS: Math.floor(T0 / 1000) });
    expect((await sc.run(['/usr/bin/scontrol', 'update', `nodename=${node}`, 'state=resume'])).code).toBe(0);
    expect(o.settle(Math.floor(T0 / 1000)).nodes.find((n) => n.node.hostname === node)!.drain).toBeNull();
  });
});
