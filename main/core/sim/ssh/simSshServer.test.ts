import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Duplex } from 'node:stream';
import { Client, utils, type ClientChannel, type ConnectConfig } from 'ssh2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { haveBinary } from '../../../../test/integration/needBinary';
import { SimFleet } from '../simFleet';
import { startSimSsh, type RunningSimSsh, type SimSshSite } from './simSshServer';

const T0 = Date.UTC(2026, 10, 29, 14, 0, 0);
const USER = 'opsuser';
const PASSWORD = 'correct horse battery staple';

const clientKey = utils.generateKeyPairSync('ed25519', { comment: 'sim-test' });
const fleet = new SimFleet({ seed: 42, sites: 2, nodesPerSite: 3 }, () => T0);
const [siteA, siteB] = fleet.sites as [(typeof fleet.sites)[0], (typeof fleet.sites)[0]];
const nodeA = siteA.nodes[0]!;
let sim: RunningSimSsh;
let simA: SimSshSite;
let simB: SimSshSite;
const clients: Client[] = [];

const keyBlobOf = (publicLine: string) => Buffer.from(publicLine.split(' ')[1]!, 'base64');

/** Connects one hop and records the host key it presented (accepted only if it is the expected one). */
function connect(
  cfg: Partial<ConnectConfig> & { expectKey: string; keyboardAnswer?: string },
): Promise<{ client: Client; presented: Buffer }> {
  return new Promise((resolve, reject) => {
    const client = new Client();
    clients.push(client);
    let presented: Buffer = Buffer.alloc(0);
    client.on('ready', () => resolve({ client, presented }));
    client.on('error', reject);
    const { expectKey, keyboardAnswer, ...rest } = cfg;
    if (keyboardAnswer !== undefined)
      client.on('keyboard-interactive', (_name, _instructions, _lang, prompts, finish) =>
        finish(prompts.map(() => keyboardAnswer)),
      );
    client.connect({
      username: USER,
      privateKey: clientKey.private,
      readyTimeout: 10_000,
      ...rest,
      hostVerifier: (key: Buffer) => {
        presented = key;
        return key.equals(keyBlobOf(expectKey));
      },
    });
  });
}

function forward(client: Client, host: string, port = 22): Promise<ClientChannel> {
  return new Promise((resolve, reject) =>
    client.forwardOut('127.0.0.1', 0, host, port, (e, ch) => (e ? reject(e) : resolve(ch))),
  );
}

/** Bastion of site A, then the node through it: the jump. */
async function jumpTo(hostname = nodeA.hostname, extra: Partial<ConnectConfig> = {}) {
  const bastion = await connect({ host: simA.host, port: simA.port, expectKey: simA.bastionHostKey });
  const sock = await forward(bastion.client, hostname);
  const node = await connect({ sock: sock as Duplex, expectKey: simA.nodeHostKeys[hostname]!, ...extra });
  return { bastion, node };
}

function exec(
  client: Client,
  command: string,
  opts: { pty?: boolean } = {},
): Promise<{ stdout: string; stderr: string; code: number }> {
  return new Promise((resolve, reject) => {
    client.exec(command, opts.pty ? { pty: { rows: 24, cols: 80 } } : {}, (e, ch) => {
      if (e) return reject(e);
      let stdout = '';
      let stderr = '';
      let code = -1;
      ch.on('data', (d: Buffer) => (stdout += d.toString()));
      ch.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      ch.on('exit', (c: number) => (code = c));
      ch.on('close', () => resolve({ stdout, stderr, code }));
    });
  });
}

/** Reads a shell channel until `re` matches what arrived since the last call. */
function reader(ch: ClientChannel) {
  let buf = '';
  let waiter: (() => void) | null = null;
  ch.on('data', (d: Buffer) => {
    buf += d.toString();
    waiter?.();
  });
  return (re: RegExp, ms = 5000): Promise<string> =>
    new Promise((resolve, reject) => {
      const t = setTimeout(
        () => reject(new Error(`timed out waiting for ${re}; got ${JSON.stringify(buf)}`)),
        ms,
      );
      const check = () => {
        const m = re.exec(buf);
        if (!m) return;
        clearTimeout(t);
        waiter = null;
        const out = buf.slice(0, m.index + m[0].length);
        buf = buf.slice(m.index + m[0].length);
        resolve(out);
      };
      waiter = check;
      check();
    });
}

beforeAll(async () => {
  const r = await startSimSsh(fleet, { authorizedKeys: [clientKey.public], password: PASSWORD });
  if (!r.ok) throw new Error(r.error.message);
  sim = r.value;
  [simA, simB] = sim.sites as [SimSshSite, SimSshSite];
});

afterAll(async () => {
  for (const c of clients) c.end();
  await sim?.stop();
});

describe('startSimSsh', () => {
  it('lists one loopback bastion per site with the host keys of the bastion and of every node', () => {
    expect(sim.sites.map((s) => s.siteId)).toEqual(fleet.sites.map((s) => s.id));
    expect(simA.host).toBe('127.0.0.1');
    expect(simA.port).toBeGreaterThan(0);
    expect(simA.port).not.toBe(simB.port);
    expect(Object.keys(simA.nodeHostKeys)).toEqual(siteA.nodes.map((n) => n.hostname));
    expect(simA.bastionFingerprint).toMatch(/^SHA256:[A-Za-z0-9+/]{43}$/);
    expect(new Set([simA.bastionHostKey, ...Object.values(simA.nodeHostKeys)]).size).toBe(4);
  });

  it('refuses to start with no way to log in, or with an unreadable key', async () => {
    const none = await startSimSsh(fleet, {});
    expect(none).toMatchObject({ ok: false, error: { code: 'CONFIG_INVALID' } });
    const bad = await startSimSsh(fleet, { authorizedKeys: ['ssh-ed25519 not-base64!'] });
    expect(bad).toMatchObject({ ok: false, error: { code: 'CONFIG_INVALID' } });
  });

  it('jumps bastion → node with a key, each presenting the host key it exposes', async () => {
    const { bastion, node } = await jumpTo();
    expect(bastion.presented.equals(keyBlobOf(simA.bastionHostKey))).toBe(true);
    expect(node.presented.equals(keyBlobOf(simA.nodeHostKeys[nodeA.hostname]!))).toBe(true);
    expect(await exec(node.client, 'hostname')).toEqual({
      stdout: `${nodeA.hostname}\n`,
      stderr: '',
      code: 0,
    });
  });

  it('runs an interactive PTY shell: echo, hostname, nvidia-smi, stty size following window changes', async () => {
    const { node } = await jumpTo();
    const ch = await new Promise<ClientChannel>((resolve, reject) =>
      node.client.shell({ rows: 30, cols: 100, term: 'xterm-256color' }, (e, c) =>
        e ? reject(e) : resolve(c),
      ),
    );
    const read = reader(ch);
    const prompt = `${USER}@${nodeA.hostname}:~$ `;
    expect(await read(new RegExp(`\\$ $`))).toContain('Welcome to Ubuntu 22.04.5 LTS');

    ch.write('hostnamx\x7fe\r');
    const hostOut = await read(/\$ $/);
    expect(hostOut).toBe(`hostnamx\b \be\r\n${nodeA.hostname}\r\n${prompt}`);

    ch.write('nvidia-smi\r');
    const table = await read(/\+\r\n\$?/);
    const rest = await read(/\$ $/);
    const lines = (table + rest).split('\r\n');
    expect(lines).toContain(
      '| GPU  Name                 Persistence-M | Bus-Id          Disp.A | Volatile Uncorr. ECC |',
    );
    expect(lines.filter((l) => l.includes(nodeA.model.modelName))).toHaveLength(8);

    ch.write('stty size\r');
    expect(await read(/\$ $/)).toBe(`stty size\r\n30 100\r\n${prompt}`);
    ch.setWindow(41, 132, 0, 0);
    ch.write('stty size\r');
    expect(await read(/\$ $/)).toBe(`stty size\r\n41 132\r\n${prompt}`);

    // ^C stops a running command; the shell carries on with $? = 130.
    ch.write('sleep 20\r');
    await read(/sleep 20\r\n/);
    ch.write('\x03');
    expect(await read(/\$ $/, 2000)).toBe(`^C\r\n${prompt}`);
    ch.write('echo $?\r');
    expect(await read(/\$ $/)).toBe(`echo $?\r\n130\r\n${prompt}`);

    ch.write('false; echo $?\r');
    expect(await read(/\$ $/)).toContain('\r\n1\r\n');
    ch.write('exit 4\r');
    const code = await new Promise<number>((resolve) => ch.on('exit', (c: number) => resolve(c)));
    expect(code).toBe(4);
  });

  it('execs nvidia-smi --query-gpu and the values are the simulator’s for that second', async () => {
    const { node } = await jumpTo();
    const r = await exec(
      node.client,
      'nvidia-smi --query-gpu=index,utilization.gpu --format=csv,noheader,nounits',
    );
    expect(r.code).toBe(0);
    const truth = fleet.frames(siteA, nodeA, Math.floor(T0 / 1000));
    expect(r.stdout.trimEnd().split('\n')).toEqual(truth.map((f, i) => `${i}, ${f.utilPct}`));
  });

  it('reports exit codes and errors as bash and nvidia-smi do', async () => {
    const { node } = await jumpTo();
    expect(await exec(node.client, 'false')).toMatchObject({ code: 1 });
    expect(await exec(node.client, 'frobnicate now')).toEqual({
      stdout: '',
      stderr: 'bash: frobnicate: command not found\n',
      code: 127,
    });
    expect(await exec(node.client, 'nvidia-smi --query-gpu=bogus --format=csv')).toEqual({
      stdout: 'Field "bogus" is not a valid field to query.\n\n',
      stderr: '',
      code: 2,
    });
    expect(await exec(node.client, 'true && exit 3; echo never')).toMatchObject({ stdout: '', code: 3 });
    const started = Date.now();
    expect(await exec(node.client, 'echo a; sleep 0.3; echo b')).toEqual({
      stdout: 'a\nb\n',
      stderr: '',
      code: 0,
    });
    expect(Date.now() - started).toBeGreaterThanOrEqual(300);
    // Without a PTY stty fails as on a real node; with one, output lines end in CRLF.
    expect(await exec(node.client, 'stty size')).toMatchObject({ code: 1 });
    expect(await exec(node.client, 'stty size', { pty: true })).toEqual({
      stdout: '24 80\r\n',
      stderr: '',
      code: 0,
    });
  });

  it('refuses forwards to another site’s node, to other ports, and bastion shells, saying why', async () => {
    const bastion = await connect({ host: simA.host, port: simA.port, expectKey: simA.bastionHostKey });
    const otherNode = siteB.nodes[0]!.hostname;
    await expect(forward(bastion.client, otherNode)).rejects.toThrow(
      `${otherNode}:22 is not a node of site ${siteA.id}`,
    );
    await expect(forward(bastion.client, nodeA.hostname, 80)).rejects.toThrow('only to port 22');
    await expect(exec(bastion.client, 'hostname')).rejects.toThrow('no shell here');
    // The refusal is per channel: the bastion connection still works.
    await expect(forward(bastion.client, nodeA.hostname)).resolves.toBeDefined();
  });

  it('accepts the password over password and keyboard-interactive auth, and rejects a wrong one', async () => {
    const viaPassword = await connect({
      host: simA.host,
      port: simA.port,
      expectKey: simA.bastionHostKey,
      privateKey: undefined,
      password: PASSWORD,
    });
    expect(viaPassword.client).toBeDefined();
    const viaKeyboard = await connect({
      host: simA.host,
      port: simA.port,
      expectKey: simA.bastionHostKey,
      privateKey: undefined,
      tryKeyboard: true,
      keyboardAnswer: PASSWORD,
    });
    expect(viaKeyboard.client).toBeDefined();
    await expect(
      connect({
        host: simA.host,
        port: simA.port,
        expectKey: simA.bastionHostKey,
        privateKey: undefined,
        password: 'wrong',
      }),
    ).rejects.toThrow(/authentication methods failed/);
  });

  it('shows site faults before SSH starts: down closes the connection, hang never answers', async () => {
    const target = { host: simB.host, port: simB.port, expectKey: simB.bastionHostKey };
    try {
      fleet.setFault(siteB.id, 'down');
      await expect(connect(target)).rejects.toThrow();
      fleet.setFault(siteB.id, 'hang');
      await expect(connect({ ...target, readyTimeout: 300 })).rejects.toThrow(/Timed out/);
    } finally {
      fleet.setFault(siteB.id, 'none');
    }
    await expect(connect(target)).resolves.toBeDefined();
  });
});

/**
 * The real OpenSSH client, jumping with -J. Options given with -i/-o apply to the destination only,
 * not to the jump host (ssh(1), ProxyJump), so everything goes in a config file passed with -F, which
 * ssh does hand on to the jump. Host keys are pinned in a known_hosts file built from what
 * startSimSsh exposes, with StrictHostKeyChecking=yes: OpenSSH itself checks that they match.
 */
describe.runIf(haveBinary('ssh', 'apt-get install openssh-client'))('the OpenSSH client', () => {
  let dir: string;
  let config: string;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'simssh-openssh-'));
    const key = join(dir, 'id_ed25519');
    writeFileSync(key, clientKey.private, { mode: 0o600 });
    const knownHosts = [
      `[${simA.host}]:${simA.port} ${simA.bastionHostKey}`,
      ...Object.entries(simA.nodeHostKeys).map(([h, k]) => `${h} ${k}`),
      ...Object.entries(simB.nodeHostKeys).map(([h, k]) => `${h} ${k}`),
    ];
    writeFileSync(join(dir, 'known_hosts'), knownHosts.join('\n') + '\n');
    config = join(dir, 'ssh_config');
    writeFileSync(
      config,
      [
        'Host *',
        `  User ${USER}`,
        `  IdentityFile ${key}`,
        '  IdentitiesOnly yes',
        '  IdentityAgent none',
        `  UserKnownHostsFile ${join(dir, 'known_hosts')}`,
        '  GlobalKnownHostsFile /dev/null',
        '  StrictHostKeyChecking yes',
        '  BatchMode yes',
        '  ConnectTimeout 10',
        '  LogLevel INFO',
        '',
      ].join('\n'),
    );
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const ssh = (target: string, command: string) =>
    new Promise<{ stdout: string; stderr: string; code: number }>((resolve) => {
      execFile(
        'ssh',
        ['-F', config, '-J', `${USER}@${simA.host}:${simA.port}`, target, command],
        { timeout: 15_000 },
        (e, stdout, stderr) => {
          const code = e ? (typeof e.code === 'number' ? e.code : -1) : 0;
          resolve({ stdout, stderr, code });
        },
      );
    });

  it('reaches a node by name through the bastion, with both host keys checked', async () => {
    expect(await ssh(nodeA.hostname, 'hostname')).toEqual({
      stdout: `${nodeA.hostname}\n`,
      stderr: '',
      code: 0,
    });
  });

  it('runs the broadcast query and passes exit codes through', async () => {
    const r = await ssh(nodeA.hostname, 'nvidia-smi --query-gpu=driver_version --format=csv');
    expect(r.stdout).toBe(`driver_version\n${`${nodeA.model.driverVersion}\n`.repeat(8)}`);
    expect((await ssh(nodeA.hostname, 'exit 7')).code).toBe(7);
  });

  it('prints the bastion’s reason when the node belongs to another site', async () => {
    const other = siteB.nodes[0]!.hostname;
    const r = await ssh(other, 'hostname');
    expect(r.code).toBe(255);
    expect(r.stderr).toContain(`administratively prohibited: ${other}:22 is not a node of site ${siteA.id}`);
  });
});
