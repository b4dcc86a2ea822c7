import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, relative } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { utils } from 'ssh2';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { EVENT_NAMES, type CallName } from '../../shared/channels';
import { createClient, type ClientTransport, type FleetClient } from '../../shared/client';
import type { SiteProfile } from '../../shared/siteProfile';
import type { TerminalPrompt, TerminalState } from '../../shared/terminal';
import { createInMemoryTransport } from '../../main/core/api/inMemoryTransport';
import { createCore, type Core } from '../../main/core/createCore';
import { SimFleet } from '../../main/core/sim/simFleet';
import { startSimServers, type RunningSim } from '../../main/core/sim/simServer';
import { startSimSsh, type RunningSimSsh } from '../../main/core/sim/ssh/simSshServer';

/**
 * Issue 11: a session that uses every kind of secret the console handles — Slurm tokens (one in the
 * secret store from the start, one typed into the Sites form, saved and tested), an SSH key passphrase
 * and an SSH password typed at the terminal's prompts, the admin passphrase (set, tried wrong, used) —
 * and then every place a value could end up is searched for each of them, as text and as base64: the
 * core's log and the console output, every file in the config/state directory (gzip files unpacked),
 * every export, and every call response and event the session's window received (the renderer's whole
 * view). Only the secret store itself holds them, and it is 0600.
 */
const hex = (n: number) => randomBytes(n).toString('hex');
const KEY_PASSPHRASE = `kp-${hex(12)}`;
const SSH_PASSWORD = `pw-${hex(12)}`;
const ADMIN_PASSPHRASE = `admin ${hex(8)} horse battery`;
const WRONG_PASSPHRASE = `wrong ${hex(8)} horse battery`;
const PROM_BEARER = `pb-${hex(16)}`;
const PROM_PASSWORD = `pp-${hex(12)}`;

let sim: SimFleet;
let servers: RunningSim;
let ssh: RunningSimSsh;
/** A site's Prometheus, which answers only with the right bearer token or basic password. */
let prom: Server;
let promUrl: string;
let configDir: string;
let core: Core;
/** Site 0's token is in secrets.json from the start; site 1's is typed into the Sites form. */
let storedToken: string;
let typedToken: string;
const logLines: string[] = [];
const consoleOut: string[] = [];
/** Every response and event the window saw, serialised as it crossed the boundary. */
const seen: string[] = [];
const exports: Record<string, string> = {};

/** A window whose transport records everything that comes back to it. */
function recordingWindow(role: 'operator' | 'admin'): FleetClient {
  const session = core.newSession('test');
  session.role = role;
  const inner = createInMemoryTransport(core.dispatch, core.events, { session });
  const transport: ClientTransport = {
    call: async (name: CallName, payload) => {
      const r = await inner.call(name, payload);
      seen.push(`${name} → ${JSON.stringify(r)}`);
      return r;
    },
    subscribe: (name, listener) => inner.subscribe(name, listener),
  };
  for (const e of EVENT_NAMES) inner.subscribe(e, (p) => seen.push(`${e}: ${JSON.stringify(p)}`));
  return createClient(transport);
}

const until = async (what: string, f: () => boolean, ms = 15_000) => {
  const end = Date.now() + ms;
  while (!f()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
};

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? filesUnder(join(dir, d.name)) : [join(dir, d.name)],
  );
}

beforeAll(async () => {
  configDir = mkdtempSync(join(tmpdir(), 'fc-secrets-'));
  const keyDir = mkdtempSync(join(tmpdir(), 'fc-secrets-key-'));
  // The operator's own key, encrypted: the console asks for its passphrase at the terminal.
  const pair = utils.generateKeyPairSync('ed25519', {
    passphrase: KEY_PASSPHRASE,
    cipher: 'aes256-ctr',
    rounds: 16,
  });
  const keyFile = join(keyDir, 'id_ed25519');
  writeFileSync(keyFile, pair.private, { mode: 0o600 });

  prom = createServer((req, res) => {
    const auth = req.headers.authorization ?? '';
    const good =
      auth === `Bearer ${PROM_BEARER}` ||
      auth === `Basic ${Buffer.from(`prom:${PROM_PASSWORD}`).toString('base64')}`;
    if (!good) return void res.writeHead(401, { 'content-type': 'text/plain' }).end('Unauthorized\n');
    res
      .writeHead(200, { 'content-type': 'application/json' })
      .end(JSON.stringify({ status: 'success', data: { resultType: 'vector', result: [] } }));
  });
  await new Promise<void>((r) => prom.listen(0, '127.0.0.1', r));
  promUrl = `http://127.0.0.1:${(prom.address() as AddressInfo).port}`;

  sim = new SimFleet({ seed: 5, sites: 2, nodesPerSite: 2 });
  servers = await startSimServers(sim);
  const started = await startSimSsh(sim, { authorizedKeys: [pair.public], password: SSH_PASSWORD });
  if (!started.ok) throw new Error(started.error.message);
  ssh = started.value;
  storedToken = servers.manifest.schedulers[0]!.token;
  typedToken = servers.manifest.schedulers[1]!.token;

  const sites: SiteProfile[] = servers.manifest.sites.map((s, i) => {
    const b = ssh.sites.find((x) => x.siteId === s.id)!;
    const sched = servers.manifest.schedulers[i]!;
    return {
      ...s,
      bastion: {
        host: b.host,
        port: b.port,
        nodePort: 22,
        user: 'ops',
        auth:
          i === 0
            ? { kind: 'key', keyFile, passphraseSecret: `${s.id}/key-passphrase` }
            : { kind: 'password', secret: `${s.id}/ssh-password` },
        hostKeys: [b.bastionFingerprint, ...Object.values(b.nodeFingerprints)],
      },
      ...(i === 0
        ? {
            scheduler: {
              kind: 'slurm' as const,
              url: sched.url,
              user: sched.user,
              tokenSecret: `${s.id}/slurm-token`,
              scontrol: { via: 'local' as const },
            },
          }
        : {}),
    };
  });
  writeFileSync(join(configDir, 'sites.json'), JSON.stringify({ sites }));
  writeFileSync(
    join(configDir, 'secrets.json'),
    JSON.stringify({
      [`${sites[0]!.id}/slurm-token`]: storedToken,
      [`${sites[0]!.id}/key-passphrase`]: KEY_PASSPHRASE,
      [`${sites[1]!.id}/ssh-password`]: SSH_PASSWORD,
    }),
    { mode: 0o600 },
  );

  for (const m of ['log', 'info', 'warn', 'error', 'debug'] as const)
    vi.spyOn(console, m).mockImplementation(
      (...a: unknown[]) => void consoleOut.push(a.map(String).join(' ')),
    );
  const created = await createCore({
    shell: 'test',
    version: 't',
    configDir,
    intervalMs: 250,
    log: (m) => void logLines.push(m),
  });
  if (!created.ok) throw new Error(created.error.message);
  core = created.value;
}, 30_000);

afterAll(async () => {
  await core?.stop().catch(() => undefined);
  await ssh?.stop();
  await servers?.stop();
  await new Promise((r) => (prom ? prom.close(r) : r(undefined)));
  vi.restoreAllMocks();
});

describe('secrets stay in the secret store', () => {
  it('a session with every kind of secret leaks none of them', async () => {
    const win = recordingWindow('operator');
    const [site0, site1] = servers.manifest.sites as [SiteProfile, SiteProfile];

    // The admin passphrase: set, a wrong try, then the right one.
    expect((await win.call('admin.setPassphrase', { passphrase: ADMIN_PASSPHRASE })).ok).toBe(true);
    expect(await win.call('session.setRole', { role: 'admin', passphrase: WRONG_PASSPHRASE })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect((await win.call('session.setRole', { role: 'admin', passphrase: ADMIN_PASSPHRASE })).ok).toBe(
      true,
    );

    // A Slurm token typed into the Sites form: tested, then saved with the profile.
    const listed = await win.call('sites.list', {});
    if (!listed.ok) throw new Error(listed.error.message);
    const profile1 = listed.value.profiles.find((p) => p.id === site1.id)!;
    const withSlurm: SiteProfile = {
      ...profile1,
      scheduler: {
        kind: 'slurm',
        url: servers.manifest.schedulers[1]!.url,
        user: servers.manifest.schedulers[1]!.user,
        tokenSecret: `${site1.id}/slurm-token`,
        scontrol: { via: 'local' },
      },
    };
    const secrets = { [`${site1.id}/slurm-token`]: typedToken };
    const tested = await win.call('sites.test', { profile: withSlurm, secrets });
    if (!tested.ok) throw new Error(tested.error.message);
    expect(tested.value.checks.filter((c) => /slurm/i.test(c.check)).every((c) => c.ok)).toBe(true);
    expect((await win.call('sites.save', { profile: withSlurm, secrets })).ok).toBe(true);
    // A wrong token tried in the form must not be echoed either.
    await win.call('sites.test', {
      profile: withSlurm,
      secrets: { [`${site1.id}/slurm-token`]: `${typedToken}x` },
    });

    // A Prometheus site's bearer token and basic password, typed into the form and tested, right and wrong.
    const promSite = (
      auth: NonNullable<Extract<SiteProfile['telemetry'], { kind: 'prometheus' }>['auth']>,
    ) => ({
      id: 'eu-prom-1',
      name: 'Prometheus site',
      country: 'DE',
      lat: 50,
      lon: 8,
      telemetry: { kind: 'prometheus' as const, url: promUrl, auth },
    });
    for (const [auth, value] of [
      [{ kind: 'bearer', secret: 'eu-prom-1/bearer' }, PROM_BEARER],
      [{ kind: 'basic', username: 'prom', secret: 'eu-prom-1/password' }, PROM_PASSWORD],
    ] as const)
      for (const v of [value, `${value}x`]) {
        const t = await win.call('sites.test', {
          profile: promSite(auth) as SiteProfile,
          secrets: { [auth.secret]: v },
        });
        if (!t.ok) throw new Error(t.error.message);
        // The right value gets an answer (of no GPUs: this Prometheus is empty), a wrong one is refused.
        const said = t.value.checks.map((c) => c.message).join(' ');
        expect(/401|unauthori[sz]ed|credentials/i.test(said), said).toBe(v !== value);
      }

    // Both schedulers answer with their tokens: the tokens are in use.
    for (const s of [site0, site1]) {
      let ok = false;
      const end = Date.now() + 15_000;
      while (!ok && Date.now() < end) {
        const d = await win.call('site.detail', { siteId: s.id });
        ok = d.ok && d.value.scheduler?.ok === true;
        if (!ok) await new Promise((r) => setTimeout(r, 100));
      }
      expect(ok, `${s.id}'s Slurm answers`).toBe(true);
    }

    // Shells: the key's passphrase and the password, each typed at the terminal's prompt.
    const states: TerminalState[] = [];
    let out = '';
    win.on('terminal.state', (s) => states.push(s));
    win.on('terminal.data', (d) => (out += d.data));
    const asked: TerminalPrompt['kind'][] = [];
    win.on('terminal.prompt', (p: TerminalPrompt) => {
      asked.push(p.kind);
      const answer = p.kind === 'passphrase' ? KEY_PASSPHRASE : SSH_PASSWORD;
      void win.call('terminal.answer', {
        promptId: p.promptId,
        ...(p.kind === 'host-key' ? { trust: true } : { answers: p.prompts.map(() => answer) }),
      });
    });
    for (const s of [site0, site1]) {
      const hostname = sim.sites.find((x) => x.id === s.id)!.nodes[1]!.hostname;
      const r = await win.call('terminal.open', {
        target: { kind: 'node', siteId: s.id, hostname },
        cols: 100,
        rows: 30,
      });
      if (!r.ok) throw new Error(r.error.message);
      const id = r.value.terminalId;
      await until(`a shell on ${hostname}`, () =>
        states.some((x) => x.terminalId === id && ['open', 'failed', 'closed'].includes(x.state)),
      );
      expect(states.filter((x) => x.terminalId === id).at(-1)).toMatchObject({ state: 'open' });
      await win.call('terminal.input', { terminalId: id, data: 'hostname\r' });
      await until('hostname', () => out.includes(`\r\n${hostname}\r\n`));
      await win.call('terminal.close', { terminalId: id });
    }
    // The secrets were typed where the console asked for them.
    expect(asked).toContain('passphrase');
    expect(asked.some((k) => k === 'password' || k === 'keyboard-interactive')).toBe(true);
    // A broadcast cannot prompt: it fails on both sites, with its reasons.
    const bc = await win.call('broadcast.start', {
      targets: sim.sites.map((s) => ({ siteId: s.id, hostname: s.nodes[0]!.hostname })),
      command: 'nvidia-smi -L',
      timeoutS: 10,
    });
    if (!bc.ok) throw new Error(bc.error.message);
    const progress: boolean[] = [];
    win.on('broadcast.progress', (p) => progress.push(p.finished));
    await until('the broadcast ends', () => progress.includes(true), 20_000);

    // Exports, as an admin downloads them.
    const grab = async (name: string, r: Promise<{ ok: boolean; value?: { content: string } }>) => {
      const x = await r;
      if (!x.ok || !x.value) throw new Error(`${name} failed`);
      exports[name] = x.value.content;
    };
    const hour = { from: Date.now() - 3_600_000, to: Date.now() + 60_000 };
    await grab('audit.jsonl', win.call('audit.export', { format: 'jsonl', filter: {} }));
    await grab('audit.csv', win.call('audit.export', { format: 'csv', filter: {} }));
    await grab('sustainability.csv', win.call('sustainability.export', { period: 'hour' }));
    await grab('residency.csv', win.call('residency.report', hour));
    await grab('sites.yaml', win.call('sites.export', {}));
    await grab(
      'broadcast.json',
      win.call('broadcast.export', { broadcastId: bc.value.broadcastId, format: 'json' }),
    );
    await grab(
      'broadcast.csv',
      win.call('broadcast.export', { broadcastId: bc.value.broadcastId, format: 'csv' }),
    );
    await win.call('audit.list', { filter: {} });
    await win.call('residency.query', hour);
    await win.call('placement.previewConsolidate', {});
    await win.call('sustainability.summary', { period: 'hour' });
    await win.call('nodes.list', { query: {} });
    await win.call('alerts.list', {});
    expect(exports['residency.csv']).toContain('tenant');

    // Stopping writes what the core keeps (ledger, residency history, journals) to the state dir.
    await core.stop();

    const values: Record<string, string> = {
      'stored Slurm token': storedToken,
      'typed Slurm token': typedToken,
      'typed wrong Slurm token': `${typedToken}x`,
      'SSH key passphrase': KEY_PASSPHRASE,
      'SSH password': SSH_PASSWORD,
      'admin passphrase': ADMIN_PASSPHRASE,
      'wrong admin passphrase': WRONG_PASSPHRASE,
      'Prometheus bearer token': PROM_BEARER,
      'wrong Prometheus bearer token': `${PROM_BEARER}x`,
      'Prometheus password': PROM_PASSWORD,
      'wrong Prometheus password': `${PROM_PASSWORD}x`,
      'Prometheus basic credentials': `prom:${PROM_PASSWORD}`,
    };
    const needles = Object.entries(values).flatMap(([what, v]) => [
      { what, v },
      { what: `${what} (base64)`, v: Buffer.from(v).toString('base64') },
      { what: `${what} (base64url)`, v: Buffer.from(v).toString('base64url') },
    ]);

    const places: Record<string, string> = {
      'the core log': logLines.join('\n'),
      'console output': consoleOut.join('\n'),
      'responses and events': seen.join('\n'),
      ...Object.fromEntries(Object.entries(exports).map(([k, v]) => [`export ${k}`, v])),
    };
    const files = filesUnder(configDir);
    for (const f of files) {
      const rel = relative(configDir, f);
      if (rel === 'secrets.json') continue;
      const raw = readFileSync(f);
      places[`file ${rel}`] = (f.endsWith('.gz') ? gunzipSync(raw) : raw).toString('utf8');
    }
    // The places exist and hold what they should (the scan is not over empty text).
    expect(files.map((f) => relative(configDir, f))).toEqual(
      expect.arrayContaining(['sites.json', 'secrets.json', 'admin-passphrase.json']),
    );
    expect(files.some((f) => relative(configDir, f).startsWith('audit'))).toBe(true);
    expect(places['export audit.jsonl']).toContain('secret.set');
    expect(seen.length).toBeGreaterThan(50);

    const leaks = Object.entries(places).flatMap(([where, text]) =>
      needles.filter((n) => text.includes(n.v)).map((n) => `${n.what} in ${where}`),
    );
    expect(leaks).toEqual([]);

    // The store holds them, readable by its owner only.
    const store = readFileSync(join(configDir, 'secrets.json'), 'utf8');
    for (const v of [storedToken, typedToken, KEY_PASSPHRASE, SSH_PASSWORD]) expect(store).toContain(v);
    expect(statSync(join(configDir, 'secrets.json')).mode & 0o777).toBe(0o600);
  }, 90_000);
});
