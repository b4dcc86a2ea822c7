import { spawn, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import WebSocket from 'ws';
import type { CallName } from '../../shared/channels';
import type { CallRequest, CallResponse } from '../../shared/contract';
import type { Result } from '../../shared/result';

/**
 * The served console as its own process (`npm run serve`'s entry, run from source with tsx so it
 * needs no build), and a contract client over its WebSocket — what a browser does, without one.
 * For tests that must kill the console's process and start it again.
 */
export interface ServedProcess {
  url: string;
  child: ChildProcess;
  /** Ends the process (SIGTERM) and waits for it. */
  stop(): Promise<void>;
}

export async function startServedProcess(configDir: string, intervalMs = 1000): Promise<ServedProcess> {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      'main/serve.ts',
      '--port',
      '0',
      '--config',
      configDir,
      '--interval-ms',
      String(intervalMs),
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error('the served console printed no URL within 60 s')),
      60_000,
    );
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /Fleet Console: (http:\/\/\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
    child.on('exit', (code) =>
      reject(new Error(`the served console exited (${code}) before printing its URL`)),
    );
  });
  return {
    url,
    child,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    },
  };
}

export interface ServedClient {
  call<N extends CallName>(name: N, payload: CallRequest<N>): Promise<Result<CallResponse<N>>>;
  close(): void;
}

/** Trades the URL's token for the session cookie, then opens the WebSocket as the page would. */
export async function connect(url: string): Promise<ServedClient> {
  const u = new URL(url);
  const res = await fetch(url, { redirect: 'manual' });
  const cookie = String(res.headers.get('set-cookie')).split(';')[0]!;
  const ws = new WebSocket(`ws://${u.host}/ws`, { headers: { cookie, origin: `http://${u.host}` } });
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  let next = 1;
  const waiting = new Map<number, (r: unknown) => void>();
  ws.on('message', (data) => {
    const frame = JSON.parse(String(data)) as { type: string; id?: number; result?: unknown };
    if (frame.type === 'result' && frame.id !== undefined) waiting.get(frame.id)?.(frame.result);
  });
  return {
    call: (name, payload) =>
      new Promise((resolve) => {
        const id = next++;
        waiting.set(id, (r) => {
          waiting.delete(id);
          resolve(r as never);
        });
        ws.send(JSON.stringify({ type: 'call', id, name, payload }));
      }),
    close: () => ws.close(),
  };
}

/** Connects, sets the admin passphrase on first use, and becomes admin. */
export async function connectAsAdmin(url: string, passphrase: string): Promise<ServedClient> {
  const c = await connect(url);
  const set = await c.call('admin.setPassphrase', { passphrase });
  if (!set.ok && !/already|current/i.test(set.error.message)) throw new Error(set.error.message);
  const r = await c.call('session.setRole', { role: 'admin', passphrase });
  if (!r.ok) throw new Error(r.error.message);
  return c;
}

/**
 * A config directory with one site whose scheduler is a real Slurm (scontrol run here with the
 * token) and whose nodes' telemetry comes from the given exporter URLs, one per Slurm node.
 */
export function writeSlurmSiteConfig(
  dir: string,
  site: string,
  slurm: {
    nodeNames: string[];
    restUrl: string;
    clientConf: string;
    token(user: string, lifetimeS: number): string;
  },
  urls: string[],
): void {
  const sites = [
    {
      id: site,
      name: 'HPC Slurm',
      country: 'FI',
      lat: 60.17,
      lon: 24.94,
      telemetry: {
        kind: 'dcgm',
        endpoints: slurm.nodeNames.map((hostname, i) => ({ hostname, url: urls[i] })),
      },
      scheduler: {
        kind: 'slurm',
        url: slurm.restUrl,
        user: 'root',
        tokenSecret: 'hpc-slurm-token',
        scontrol: { via: 'local', slurmConf: slurm.clientConf },
      },
    },
  ];
  writeFileSync(join(dir, 'sites.json'), JSON.stringify({ sites }));
  writeFileSync(
    join(dir, 'secrets.json'),
    JSON.stringify({ 'hpc-slurm-token': slurm.token('root', 86_400) }),
    {
      mode: 0o600,
    },
  );
}
