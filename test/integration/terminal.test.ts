import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, type FleetClient } from '../../shared/client';
import type { BroadcastProgress, TerminalPrompt, TerminalState } from '../../shared/terminal';
import { createInMemoryTransport } from '../../main/core/api/inMemoryTransport';
import { createCore, type Core } from '../../main/core/createCore';
import { SimFleet } from '../../main/core/sim/simFleet';
import { startSimServers, type RunningSim } from '../../main/core/sim/simServer';
import { haveBinary } from './needBinary';
import { keygen, startSshd, type RunningSshd } from './sshServer';

/**
 * A terminal through the contract, as a window uses it, to a node behind a real sshd bastion:
 * host-key prompt, PTY output, resize followed by `stty size`, close — and the audit trail.
 */
const enabled = haveBinary('/usr/sbin/sshd', 'apt-get install openssh-server') && process.getuid?.() === 0;

describe.runIf(enabled)('terminal through the contract to a real sshd', () => {
  let core: Core;
  let sim: RunningSim;
  let bastion: RunningSshd;
  let client: FleetClient;
  let other: FleetClient;
  const dir = mkdtempSync(join(tmpdir(), 'fc-term-'));
  const key = join(dir, 'id');

  beforeAll(async () => {
    keygen(key);
    bastion = await startSshd(readFileSync(`${key}.pub`, 'utf8'));
    sim = await startSimServers(new SimFleet({ seed: 3, sites: 1, nodesPerSite: 1 }));
    const configDir = join(dir, 'config');
    execFileSync('mkdir', ['-p', configDir]);
    // The "node" is the bastion's own loopback sshd: reached through a real direct-tcpip jump.
    const site = {
      ...sim.manifest.sites[0]!,
      bastion: {
        host: '127.0.0.1',
        port: bastion.port,
        nodePort: bastion.port,
        user: 'root',
        auth: { kind: 'key', keyFile: key },
        hostKeys: [],
      },
    };
    writeFileSync(join(configDir, 'sites.json'), JSON.stringify({ sites: [site] }));
    const created = await createCore({
      shell: 'test',
      version: 't',
      configDir,
      intervalMs: 1000,
      log: () => undefined,
    });
    if (!created.ok) throw new Error(created.error.message);
    core = created.value;
    const session = core.newSession('test');
    client = createClient(createInMemoryTransport(core.dispatch, core.events, { session }));
    other = createClient(
      createInMemoryTransport(core.dispatch, core.events, { session: core.newSession('other') }),
    );
  }, 30_000);
  afterAll(async () => {
    await core?.stop();
    await sim?.stop();
    await bastion?.stop();
  });

  it('opens, asks about each unknown host key, streams the PTY, follows a resize, closes, and audits it', async () => {
    const states: TerminalState[] = [];
    const prompts: TerminalPrompt[] = [];
    let output = '';
    const leaked: unknown[] = [];
    client.on('terminal.state', (s) => states.push(s));
    client.on('terminal.data', (d) => (output += d.data));
    other.on('terminal.data', (d) => leaked.push(d));
    other.on('terminal.prompt', (p) => leaked.push(p));
    client.on('terminal.prompt', (p) => {
      prompts.push(p);
      void client.call('terminal.answer', { promptId: p.promptId, trust: true });
    });
    const nodeName = '127.0.0.1';
    // Reach "the node" at 127.0.0.1 through the bastion: the second hop rides a direct-tcpip channel.
    const opened = await client.call('terminal.open', {
      target: { kind: 'node', siteId: sim.manifest.sites[0]!.id, hostname: nodeName },
      cols: 100,
      rows: 30,
    });
    if (!opened.ok) throw new Error(opened.error.message);
    const id = opened.value.terminalId;
    const until = async (what: string, f: () => boolean) => {
      const end = Date.now() + 15_000;
      while (!f()) {
        if (Date.now() > end)
          throw new Error(
            `timed out: ${what}; states ${JSON.stringify(states.at(-1))}; output ${output.slice(-300)}`,
          );
        await new Promise((r) => setTimeout(r, 50));
      }
    };
    await until('open', () => states.some((s) => s.state === 'open'));
    // The bastion's key was unknown: one prompt, the fingerprint as ssh-keygen prints it. The node here
    // is the same sshd (same host:port), so once trusted it is known on the second hop.
    const fp = execFileSync('ssh-keygen', ['-lf', bastion.hostKeyPub], { encoding: 'utf8' }).split(/\s+/)[1];
    expect(prompts.map((p) => [p.kind, p.fingerprint])).toEqual([['host-key', fp]]);
    expect(states.find((s) => s.state === 'open')).toMatchObject({
      hops: 2,
      hostKeys: [{ status: 'new' }, { status: 'known' }],
    });

    await client.call('terminal.input', { terminalId: id, data: 'stty size; echo marker-$((6*7))\n' });
    await until('first stty', () => output.includes('marker-42'));
    expect(output).toMatch(/30 100/);
    await client.call('terminal.resize', { terminalId: id, cols: 132, rows: 43 });
    await client.call('terminal.input', { terminalId: id, data: 'stty size\n' });
    await until('resized stty', () => /43 132/.test(output));

    // Another window cannot type into this terminal, and saw nothing of it.
    expect(await other.call('terminal.input', { terminalId: id, data: 'id\n' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(leaked).toEqual([]);

    await client.call('terminal.close', { terminalId: id });
    await until('closed', () => states.some((s) => s.state === 'closed'));
    await new Promise((r) => setTimeout(r, 200));
    const audit = core.audit.list({ action: 'ssh.' }, 10).map((e) => [e.action, e.outcome, e.target]);
    expect(audit).toEqual([
      ['ssh.close', 'ok', `${sim.manifest.sites[0]!.id}/127.0.0.1`],
      ['ssh.open', 'ok', `${sim.manifest.sites[0]!.id}/127.0.0.1`],
    ]);
  });

  it('the second time, the keys are known: no prompt', async () => {
    const prompts: unknown[] = [];
    const states: TerminalState[] = [];
    client.on('terminal.prompt', (p) => prompts.push(p));
    client.on('terminal.state', (s) => states.push(s));
    const opened = await client.call('terminal.open', {
      target: { kind: 'node', siteId: sim.manifest.sites[0]!.id, hostname: '127.0.0.1' },
      cols: 80,
      rows: 24,
    });
    expect(opened.ok).toBe(true);
    const end = Date.now() + 10_000;
    while (!states.some((s) => s.state === 'open') && Date.now() < end)
      await new Promise((r) => setTimeout(r, 50));
    expect(states.find((s) => s.state === 'open')).toMatchObject({
      hostKeys: [{ status: 'known' }, { status: 'known' }],
    });
    expect(prompts).toEqual([]);
    if (opened.ok) await client.call('terminal.close', { terminalId: opened.value.terminalId });
  });

  it('broadcasts a command: groups identical outputs, skips untrusted keys without prompting, exports CSV', async () => {
    const siteId = sim.manifest.sites[0]!.id;
    const progress: BroadcastProgress[] = [];
    const prompts: unknown[] = [];
    client.on('broadcast.progress', (p) => progress.push(p));
    client.on('terminal.prompt', (p) => prompts.push(p));
    const started = await client.call('broadcast.start', {
      targets: ['127.0.0.1', 'localhost', '127.0.0.2'].map((hostname) => ({ siteId, hostname })),
      command: 'echo answer-$((40+2))',
      concurrency: 2,
      timeoutS: 10,
    });
    if (!started.ok) throw new Error(started.error.message);
    const end = Date.now() + 20_000;
    while (!progress.some((p) => p.finished) && Date.now() < end) await new Promise((r) => setTimeout(r, 50));
    const last = progress.find((p) => p.finished)!;
    expect(last).toMatchObject({ total: 3, done: 3 });
    const groups = last.groups!;
    expect(groups[0]).toMatchObject({
      exitCode: 0,
      stdout: 'answer-42\n',
      outlier: false,
      nodes: [{ hostname: '127.0.0.1' }],
    });
    const reasons = groups.slice(1).map((g) => [g.nodes[0]!.hostname, g.error]);
    expect(reasons).toEqual(
      expect.arrayContaining([
        ['localhost', expect.stringContaining('host key not trusted yet')],
        ['127.0.0.2', expect.stringContaining('could not open a channel')],
      ]),
    );
    expect(prompts).toEqual([]);
    const csv = await client.call('broadcast.export', {
      broadcastId: started.value.broadcastId,
      format: 'csv',
    });
    if (!csv.ok) throw new Error(csv.error.message);
    expect(csv.value.content.split('\r\n').filter((l) => l.startsWith(`${siteId},`))).toHaveLength(3);
    expect(core.audit.list({ action: 'ssh.broadcast' }, 5).map((e) => e.action)).toEqual([
      'ssh.broadcast.done',
      'ssh.broadcast',
    ]);
  });
});
