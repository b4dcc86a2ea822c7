import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A real Prometheus (Debian's 2.42) on loopback, scraping the targets given; stopped by PID. */
export interface RunningPrometheus {
  url: string;
  pid: number;
  stop(): Promise<void>;
}

/**
 * A fixed test credential. The bcrypt hash (what Prometheus's web config wants) was made once with
 * Python's crypt.mksalt(METHOD_BLOWFISH, rounds=1024) for this password.
 */
export const TEST_BASIC_AUTH = {
  username: 'fleet',
  password: 'fleet-test-pass',
  bcrypt: '$2b$10$TBtkOF/ZY98/GywwGUAlw.wbqfmnC/qmNilweFMeuoYfjSu0P70jy',
};

export interface ScrapeTarget {
  /** host:port */
  address: string;
  metricsPath: string;
  labels: Record<string, string>;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

/** Targets that share a listener differ by __metrics_path__, which Prometheus accepts as a target label. */
export function prometheusConfig(targets: readonly ScrapeTarget[], intervalS: number): string {
  const groups = targets.map(
    (t) =>
      `      - targets: ['${t.address}']\n        labels:\n          __metrics_path__: '${t.metricsPath}'\n` +
      Object.entries(t.labels)
        .map(([k, v]) => `          ${k}: '${v}'\n`)
        .join(''),
  );
  return `global:\n  scrape_interval: ${intervalS}s\n  scrape_timeout: ${intervalS}s\nscrape_configs:\n  - job_name: dcgm\n    static_configs:\n${groups.join('')}`;
}

export async function startPrometheus(
  targets: readonly ScrapeTarget[],
  opts: { intervalS?: number; basicAuth?: boolean } = {},
): Promise<RunningPrometheus> {
  const intervalS = opts.intervalS ?? 1;
  const dir = mkdtempSync(join(tmpdir(), 'fc-prom-'));
  writeFileSync(join(dir, 'prometheus.yml'), prometheusConfig(targets, intervalS));
  const webArgs: string[] = [];
  const headers: Record<string, string> = {};
  if (opts.basicAuth) {
    writeFileSync(
      join(dir, 'web.yml'),
      `basic_auth_users:\n  ${TEST_BASIC_AUTH.username}: '${TEST_BASIC_AUTH.bcrypt}'\n`,
    );
    webArgs.push(`--web.config.file=${join(dir, 'web.yml')}`);
    headers.authorization = `Basic ${Buffer.from(`${TEST_BASIC_AUTH.username}:${TEST_BASIC_AUTH.password}`).toString('base64')}`;
  }
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child: ChildProcess = spawn(
    'prometheus',
    [
      `--config.file=${join(dir, 'prometheus.yml')}`,
      `--storage.tsdb.path=${join(dir, 'data')}`,
      `--web.listen-address=127.0.0.1:${port}`,
      '--log.level=warn',
      ...webArgs,
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let log = '';
  child.stderr!.on('data', (d) => (log += d));
  const stop = async () => {
    // A child killed by a signal keeps exitCode null: look at both, or this waits for an exit that came.
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGCONT'); // in case a test left it stopped
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    }
    rmSync(dir, { recursive: true, force: true });
  };
  // Ready when every target has been scraped once and is up.
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`prometheus exited (${child.exitCode}): ${log.slice(-2000)}`);
    try {
      const r = await fetch(`${url}/api/v1/targets?state=active`, { headers });
      const body = (await r.json()) as { data?: { activeTargets?: { health: string }[] } };
      const active = body.data?.activeTargets ?? [];
      if (active.length === targets.length && active.every((t) => t.health === 'up')) {
        await new Promise((res) => setTimeout(res, 1200)); // let the first samples become queryable
        return { url, pid: child.pid!, stop };
      }
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  await stop();
  throw new Error(`prometheus did not scrape all ${targets.length} targets within 30 s: ${log.slice(-2000)}`);
}
