import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FleetClient } from '../../shared/client';
import type { BroadcastProgress, TerminalState } from '../../shared/terminal';
import type { Core } from '../../main/core/createCore';
import { startTestCore, windowOn } from './testCore';

/**
 * The demo fleet's nodes through their site bastions, as an operator reaches them: pinned host keys
 * (no prompt), a real PTY, nvidia-smi in the real formats; and a broadcast across a whole site.
 */
let core: Core;
let client: FleetClient;

beforeAll(async () => {
  core = await startTestCore({ intervalMs: 1000, demo: { seed: 12, sites: 2, nodesPerSite: 3 } });
  client = windowOn(core);
});
afterAll(() => core.stop());

const until = async (what: string, f: () => boolean, ms = 10_000) => {
  const end = Date.now() + ms;
  while (!f()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
};

describe('terminals on the demo fleet', () => {
  it('opens a shell on a node with pinned keys, runs nvidia-smi, follows a resize', async () => {
    const site = core.sim!.fleet.sites[0]!;
    const node = site.nodes[1]!;
    const states: TerminalState[] = [];
    const prompts: unknown[] = [];
    let out = '';
    client.on('terminal.state', (s) => states.push(s));
    client.on('terminal.prompt', (p) => prompts.push(p));
    client.on('terminal.data', (d) => (out += d.data));
    const r = await client.call('terminal.open', {
      target: { kind: 'node', siteId: site.id, hostname: node.hostname },
      cols: 120,
      rows: 40,
    });
    if (!r.ok) throw new Error(r.error.message);
    await until('open', () => states.some((s) => s.state === 'open'));
    expect(prompts).toEqual([]);
    expect(states.find((s) => s.state === 'open')!.hostKeys.map((k) => k.status)).toEqual([
      'pinned',
      'pinned',
    ]);
    const id = r.value.terminalId;
    await client.call('terminal.input', { terminalId: id, data: 'hostname\r' });
    await until('hostname', () => out.includes(`\r\n${node.hostname}\r\n`));
    await client.call('terminal.input', { terminalId: id, data: 'nvidia-smi\r' });
    await until(
      'nvidia-smi table',
      () => out.includes('NVIDIA-SMI') && out.includes(node.model.modelName.replace('NVIDIA ', '')),
    );
    await client.call('terminal.resize', { terminalId: id, cols: 90, rows: 33 });
    await client.call('terminal.input', { terminalId: id, data: 'stty size\r' });
    await until('stty size', () => out.includes('33 90'));
    await client.call('terminal.close', { terminalId: id });
    await until('closed', () => states.some((s) => s.state === 'closed'));
  });

  it('broadcasts nvidia-smi --query-gpu across a site and groups the answers', async () => {
    const site = core.sim!.fleet.sites[1]!;
    const progress: BroadcastProgress[] = [];
    client.on('broadcast.progress', (p) => progress.push(p));
    const r = await client.call('broadcast.start', {
      targets: site.nodes.map((n) => ({ siteId: site.id, hostname: n.hostname })),
      command: 'nvidia-smi --query-gpu=driver_version --format=csv,noheader',
    });
    if (!r.ok) throw new Error(r.error.message);
    await until('finished', () => progress.some((p) => p.finished), 20_000);
    const last = progress.find((p) => p.finished)!;
    expect(last.done).toBe(site.nodes.length);
    const drivers = new Set(site.nodes.map((n) => n.model.driverVersion));
    expect(last.groups!.length).toBe(drivers.size);
    for (const g of last.groups!) {
      expect(g.exitCode).toBe(0);
      expect(g.stdout.trim().split('\n')).toHaveLength(8);
      expect(drivers.has(g.stdout.trim().split('\n')[0]!)).toBe(true);
    }
  });
});

describe('a role without SSH keeps no shells open', () => {
  it('switching to analyst closes the window’s terminals', async () => {
    const w = windowOn(core);
    const site = core.sim!.fleet.sites[0]!;
    const states: TerminalState[] = [];
    w.on('terminal.state', (s) => states.push(s));
    const r = await w.call('terminal.open', {
      target: { kind: 'node', siteId: site.id, hostname: site.nodes[0]!.hostname },
      cols: 80,
      rows: 24,
    });
    expect(r.ok).toBe(true);
    await until('open', () => states.some((s) => s.state === 'open'));
    expect(await w.call('session.setRole', { role: 'analyst' })).toMatchObject({ ok: true });
    await until('closed', () => states.some((s) => s.state === 'closed'));
  });
});
