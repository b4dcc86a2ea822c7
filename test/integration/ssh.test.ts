import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Client } from 'ssh2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HostKeyStore } from '../../main/core/ssh/hostKeyStore';
import { SshChain, type ChainCallbacks, type Hop } from '../../main/core/ssh/sshChain';
import { haveBinary } from './needBinary';
import { ensureUser, keygen, startSshd, type RunningSshd } from './sshServer';

/** The SSH core against real OpenSSH servers: host keys before credentials, every auth kind, a jump. */
const enabled = haveBinary('/usr/sbin/sshd', 'apt-get install openssh-server') && process.getuid?.() === 0;
if (!enabled && process.env.CI === 'true') throw new Error('CI: the sshd tests need root and openssh-server');

const dir = mkdtempSync(join(tmpdir(), 'fc-ssh-'));
const fp = (pub: string) => execFileSync('ssh-keygen', ['-lf', pub], { encoding: 'utf8' }).split(/\s+/)[1]!;

function exec(client: Client, cmd: string): Promise<string> {
  return new Promise((resolve, reject) =>
    client.exec(cmd, (err, stream) => {
      if (err) return reject(err);
      let out = '';
      stream.on('data', (d: Buffer) => (out += d));
      stream.on('close', () => resolve(out));
    }),
  );
}

interface Recorder extends ChainCallbacks {
  asked: string[];
  prompts: string[];
}
function callbacks(
  store: HostKeyStore,
  answers: { trust?: boolean; secrets?: Record<string, string> } = {},
): Recorder {
  const r: Recorder = {
    asked: [],
    prompts: [],
    checkHostKey: (hop, type, key) => store.check(hop.host, hop.port, type, key, hop.pinned),
    confirmHostKey: async (hop, d, key) => {
      r.asked.push(d.fingerprint);
      if (answers.trust) await store.trust(hop.host, hop.port, d.keyType, key);
      return answers.trust ?? false;
    },
    askSecret: async (_hop, kind, prompts) => {
      r.prompts.push(kind);
      const v = answers.secrets?.[kind];
      return v === undefined ? null : prompts.map(() => v);
    },
    onHop: () => undefined,
  };
  return r;
}

describe.runIf(enabled)('SSH against real OpenSSH', () => {
  let target: RunningSshd;
  let bastion: RunningSshd;
  const plainKey = join(dir, 'id_plain');
  const lockedKey = join(dir, 'id_locked');
  const agentKey = join(dir, 'id_agent');
  const rsaKey = join(dir, 'id_rsa');
  let agentSock = '';
  let agentPid = 0;

  beforeAll(async () => {
    keygen(plainKey);
    keygen(lockedKey, { passphrase: 'open sesame' });
    keygen(agentKey, { type: 'ecdsa' });
    keygen(rsaKey, { type: 'rsa' });
    const pubs = [plainKey, lockedKey, agentKey, rsaKey]
      .map((k) => readFileSync(`${k}.pub`, 'utf8'))
      .join('');
    ensureUser('fleettest', 'fleet-pass-1');
    target = await startSshd(pubs);
    bastion = await startSshd(pubs);
    agentSock = join(dir, 'agent.sock');
    const out = execFileSync('ssh-agent', ['-a', agentSock, '-s'], { encoding: 'utf8' });
    agentPid = Number(/SSH_AGENT_PID=(\d+)/.exec(out)![1]);
    execFileSync('ssh-add', [agentKey], {
      env: { ...process.env, SSH_AUTH_SOCK: agentSock },
      stdio: 'ignore',
    });
  }, 30_000);
  afterAll(async () => {
    await target?.stop();
    await bastion?.stop();
    if (agentPid) process.kill(agentPid);
  });

  const hop = (s: RunningSshd, auth: Hop['auth'], user = 'root', pinned: string[] = []): Hop => ({
    host: '127.0.0.1',
    port: s.port,
    user,
    auth,
    pinned,
  });

  it('an unknown host key is shown as OpenSSH prints it; nothing connects until accepted, then it is known', async () => {
    const store = new HostKeyStore([], join(dir, 'known_hosts_1'));
    const no = callbacks(store, { trust: false });
    const refused = await new SshChain().open([hop(target, [{ kind: 'key', path: plainKey }])], no);
    expect(refused).toMatchObject({ ok: false, reason: expect.stringContaining('was not accepted') });
    expect(no.asked).toEqual([fp(target.hostKeyPub)]);

    const yes = callbacks(store, { trust: true });
    const chain = new SshChain();
    const r = await chain.open([hop(target, [{ kind: 'key', path: plainKey }])], yes);
    expect(r).toMatchObject({ ok: true, hostKeys: [{ status: 'new', fingerprint: fp(target.hostKeyPub) }] });
    if (r.ok) expect(await exec(r.client, 'echo hello from sshd')).toBe('hello from sshd\n');
    chain.close();

    const again = callbacks(store);
    const chain2 = new SshChain();
    expect(await chain2.open([hop(target, [{ kind: 'key', path: plainKey }])], again)).toMatchObject({
      ok: true,
      hostKeys: [{ status: 'known' }],
    });
    expect(again.asked).toEqual([]);
    chain2.close();
  });

  it('the handshake deadline waits for the operator: a slow answer to a prompt still connects', async () => {
    const store = new HostKeyStore([], join(dir, 'known_hosts_slow'));
    const cb = callbacks(store, { trust: true });
    const slow: typeof cb = {
      ...cb,
      confirmHostKey: async (...a) => (
        await new Promise((r) => setTimeout(r, 1500)),
        cb.confirmHostKey(...a)
      ),
    };
    const chain = new SshChain();
    expect(await chain.open([hop(target, [{ kind: 'key', path: plainKey }])], slow, 1000)).toMatchObject({
      ok: true,
    });
    chain.close();
  });

  it('a pinned fingerprint is trusted without a prompt', async () => {
    const cb = callbacks(new HostKeyStore([], join(dir, 'known_hosts_2')));
    const chain = new SshChain();
    const r = await chain.open(
      [hop(target, [{ kind: 'key', path: plainKey }], 'root', [fp(target.hostKeyPub)])],
      cb,
    );
    expect(r).toMatchObject({ ok: true, hostKeys: [{ status: 'pinned' }] });
    chain.close();
  });

  it('an encrypted key asks for its passphrase; RSA keys, the agent (ECDSA) and a password work too', async () => {
    const pinned = [fp(target.hostKeyPub)];
    const store = new HostKeyStore([], join(dir, 'known_hosts_3'));
    const locked = callbacks(store, { secrets: { passphrase: 'open sesame' } });
    const c1 = new SshChain();
    expect(
      await c1.open([hop(target, [{ kind: 'key', path: lockedKey }], 'root', pinned)], locked),
    ).toMatchObject({ ok: true });
    expect(locked.prompts).toEqual(['passphrase']);
    c1.close();

    const rsa = new SshChain();
    expect(
      await rsa.open([hop(target, [{ kind: 'key', path: rsaKey }], 'root', pinned)], callbacks(store)),
    ).toMatchObject({ ok: true });
    rsa.close();

    const c2 = new SshChain();
    const viaAgent = await c2.open(
      [hop(target, [{ kind: 'agent', socket: agentSock }], 'root', pinned)],
      callbacks(store),
    );
    expect(viaAgent).toMatchObject({ ok: true });
    c2.close();

    const pw = callbacks(store, { secrets: { password: 'fleet-pass-1' } });
    const c3 = new SshChain();
    const r = await c3.open([hop(target, [{ kind: 'password' }], 'fleettest', pinned)], pw);
    expect(r).toMatchObject({ ok: true });
    if (r.ok) expect((await exec(r.client, 'id -un')).trim()).toBe('fleettest');
    c3.close();

    const wrong = await new SshChain().open(
      [hop(target, [{ kind: 'password' }], 'fleettest', pinned)],
      callbacks(store, { secrets: { password: 'nope' } }),
    );
    expect(wrong).toMatchObject({
      ok: false,
      reason: expect.stringContaining('refused every authentication method'),
    });
  });

  it('jumps through a bastion: each hop is the next hop’s socket', async () => {
    const store = new HostKeyStore([], join(dir, 'known_hosts_4'));
    const chain = new SshChain();
    const r = await chain.open(
      [
        hop(bastion, [{ kind: 'key', path: plainKey }], 'root', [fp(bastion.hostKeyPub)]),
        hop(target, [{ kind: 'agent', socket: agentSock }], 'root', [fp(target.hostKeyPub)]),
      ],
      callbacks(store),
    );
    expect(r).toMatchObject({ ok: true });
    if (r.ok) expect((await exec(r.client, 'echo $SSH_CONNECTION')).split(' ')[2]).toBe('127.0.0.1');
    expect(bastion.log()).toMatch(
      /direct-tcpip|channel \d+: new \[direct-tcpip\]|server_request_direct_tcpip/,
    );
    chain.close();
  });

  it('a changed host key is refused, and the server never sees an authentication attempt', async () => {
    const own = join(dir, 'known_hosts_5');
    const store = new HostKeyStore([], own);
    // Record a different key for the target's address, as if the host had been replaced.
    const fake = keygen(join(dir, 'impostor'));
    const [type, b64] = readFileSync(fake, 'utf8').split(' ') as [string, string];
    await store.trust('127.0.0.1', target.port, type, Buffer.from(b64, 'base64'));
    const before = target.log().length;
    const cb = callbacks(store, { trust: true, secrets: { password: 'fleet-pass-1' } });
    const r = await new SshChain().open(
      [hop(target, [{ kind: 'password' }, { kind: 'key', path: plainKey }], 'fleettest')],
      cb,
    );
    expect(r).toMatchObject({ ok: false, reason: expect.stringContaining('has CHANGED') });
    expect(r.ok === false && r.reason).toContain(fp(target.hostKeyPub));
    expect(cb.asked).toEqual([]);
    expect(cb.prompts).toEqual([]);
    await new Promise((res) => setTimeout(res, 300));
    const seen = target.log().slice(before);
    expect(seen).not.toMatch(/userauth-request|Failed password|Accepted/);

    // Only an explicit removal lets the new key through.
    expect(await store.forget('127.0.0.1', target.port)).toBe(1);
    const chain = new SshChain();
    expect(
      await chain.open([hop(target, [{ kind: 'key', path: plainKey }])], callbacks(store, { trust: true })),
    ).toMatchObject({ ok: true });
    chain.close();
  });
});
