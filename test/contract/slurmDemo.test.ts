import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FleetClient } from '../../shared/client';
import type { SiteDetail } from '../../shared/domain';
import type { Core } from '../../main/core/createCore';
import { startTestCore, windowOn } from './testCore';

/**
 * The demo fleet's Slurm, through the contract as an operator uses it: nodes and jobs in the site
 * detail from slurmrestd; drain with a reason, requeue, resume — scontrol running on the site's
 * controller over SSH (bastion chain, pinned keys), exactly the path a real 22.05 site takes.
 */
let core: Core;
let operator: FleetClient;
let analyst: FleetClient;

beforeAll(async () => {
  core = await startTestCore({ intervalMs: 300, demo: { seed: 31, sites: 1, nodesPerSite: 4 } });
  operator = windowOn(core, 'operator');
  analyst = windowOn(core, 'analyst');
  await core.fleet.scrapeAll();
});
afterAll(() => core.stop());

const detail = async (): Promise<SiteDetail> => {
  await core.fleet.scrapeAll();
  const r = await operator.call('site.detail', { siteId: core.sim!.fleet.sites[0]!.id });
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};

describe('Slurm on the demo fleet', () => {
  it('shows each node as the scheduler sees it, and the jobs', async () => {
    const d = await detail();
    expect(d.scheduler).toMatchObject({ kind: 'slurm', ok: true });
    expect(d.nodes.every((n) => n.scheduler !== null && n.scheduler.gpusTotal === 8)).toBe(true);
    expect(d.scheduler!.jobs.length).toBeGreaterThan(0);
  });

  it('drains a node with a reason (scontrol on the controller over SSH), requeues its job elsewhere, resumes it; all audited', async () => {
    const before = await detail();
    const job = before.scheduler!.jobs.find((j) => j.state === 'RUNNING' && j.nodes.length === 1)!;
    expect(job).toBeDefined();
    const siteId = before.site.id;
    const node = job.nodes[0]!;

    expect(await analyst.call('node.drain', { siteId, hostname: node, reason: 'fan' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(await operator.call('node.drain', { siteId, hostname: node, reason: '  ' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_REQUEST', message: expect.stringContaining('reason') },
    });
    expect(
      await operator.call('node.drain', { siteId, hostname: node, reason: 'fan failure, ticket 4711' }),
    ).toEqual({ ok: true, value: {} });
    let d = await detail();
    expect(d.nodes.find((n) => n.hostname === node)!.scheduler).toMatchObject({
      flags: expect.arrayContaining(['DRAIN']),
      reason: 'fan failure, ticket 4711',
    });

    expect(await operator.call('job.requeue', { siteId, jobId: job.id })).toEqual({ ok: true, value: {} });
    d = await detail();
    const moved = d.scheduler!.jobs.find((j) => j.id === job.id)!;
    expect(['RUNNING', 'PENDING']).toContain(moved.state);
    if (moved.state === 'RUNNING') expect(moved.nodes).not.toContain(node);

    expect(await operator.call('node.resume', { siteId, hostname: node })).toEqual({ ok: true, value: {} });
    d = await detail();
    expect(d.nodes.find((n) => n.hostname === node)!.scheduler!.flags).not.toContain('DRAIN');

    const trail = core.audit.list({ target: siteId }, 10).map((e) => [e.action, e.outcome]);
    expect(trail).toEqual(
      expect.arrayContaining([
        ['node.drain', 'ok'],
        ['job.requeue', 'ok'],
        ['node.resume', 'ok'],
      ]),
    );
  });
});

describe('Test connection checks the scheduler too', () => {
  it('pings slurmrestd and counts its nodes; a wrong token is an auth failure in words', async () => {
    const c = windowOn(core, 'admin');
    const profile = core.sim!.profiles[0]!;
    const good = await c.call('sites.test', { profile, secrets: core.sim!.secrets });
    expect(good).toMatchObject({
      ok: true,
      value: {
        checks: [
          { ok: true },
          {
            check: 'scheduler (Slurm)',
            ok: true,
            message: expect.stringMatching(/answered: 4 node\(s\), 32 GPU\(s\)/),
          },
        ],
      },
    });
    const bad = await c.call('sites.test', {
      profile,
      secrets: { [profile.scheduler!.tokenSecret]: 'not-a-jwt' },
    });
    expect(bad.ok && bad.value.checks[1]).toMatchObject({
      ok: false,
      message: expect.stringMatching(/token|auth|credential/i),
    });
  });
});

describe('dcgm endpoints discovered from the scheduler', () => {
  it('a site that lists no endpoints finds its nodes from Slurm and scrapes them', async () => {
    const { FleetService } = await import('../../main/core/fleet/fleetService');
    const demo = core.sim!.profiles[0]!;
    if (demo.telemetry.kind !== 'dcgm') throw new Error('demo sites scrape dcgm');
    const port = Number(new URL(demo.telemetry.endpoints[0]!.url).port);
    const fleet = new FleetService(
      [
        {
          ...demo,
          telemetry: {
            kind: 'dcgm',
            endpoints: [],
            discover: { port, path: '/nodes/{node}/metrics', scheme: 'http' },
          },
          schedulerToken: core.sim!.secrets[demo.scheduler!.tokenSecret],
        },
      ],
      { intervalMs: 1000 },
    );
    await fleet.scrapeAll();
    const site = fleet.summarise().sites[0]!;
    expect(site).toMatchObject({ status: 'ok', nodes: 4, gpus: 32, gpusReporting: 32 });
  });
});
