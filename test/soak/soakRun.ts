import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect } from '../integration/servedClient';

/**
 * The soak (issue 11): the simulator in its own process at 500 sites, the served console scraping
 * it from a config directory like any fleet, both run from source (no build needed). After a
 * warm-up, the console's RSS is sampled from /proc; the fleet must keep answering throughout.
 * "Flat" = the last samples' median is within 10 % of the first samples' median after warm-up
 * (medians, so one GC sawtooth peak does not decide it).
 */
export interface SoakOptions {
  minutes: number;
  warmupMinutes: number;
  sites: number;
  nodesPerSite: number;
  intervalMs: number;
  log?: (line: string) => void;
}

export interface SoakResult {
  samples: { tS: number; rssMb: number }[];
  firstMb: number;
  lastMb: number;
  growth: number;
  sitesOk: number;
}

function readUntil<T>(child: ChildProcess, done: (out: string) => T | undefined, what: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${what} within 120 s`)), 120_000);
    let out = '';
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      const v = done(out);
      if (v !== undefined) {
        clearTimeout(timer);
        resolve(v);
      }
    });
    child.on('exit', (code) => reject(new Error(`${what}: exited with ${code}`)));
  });
}

const rssMb = (pid: number) =>
  Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export async function soak(o: SoakOptions): Promise<SoakResult> {
  const log = o.log ?? console.log;
  const sim = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      'main/sim.ts',
      '--sites',
      String(o.sites),
      '--nodes-per-site',
      String(o.nodesPerSite),
    ],
    { stdio: ['ignore', 'pipe', 'ignore'] },
  );
  let serve: ChildProcess | null = null;
  try {
    const manifest = await readUntil(
      sim,
      (out) => {
        try {
          return JSON.parse(out) as { sites: Record<string, unknown>[] };
        } catch {
          return undefined;
        }
      },
      'the simulator printed no manifest',
    );
    const config = mkdtempSync(join(tmpdir(), 'fc-soak-'));
    const sites = manifest.sites.map(({ scheduler: _s, bastion: _b, ...site }) => site);
    writeFileSync(join(config, 'sites.json'), JSON.stringify({ sites }));
    serve = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        'main/serve.ts',
        '--port',
        '0',
        '--config',
        config,
        '--interval-ms',
        String(o.intervalMs),
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    const url = await readUntil(
      serve,
      (out) => /Fleet Console: (http:\/\/\S+)/.exec(out)?.[1],
      'serve printed no URL',
    );
    const client = await connect(url);
    const t0 = Date.now();
    const samples: SoakResult['samples'] = [];
    let sitesOk = 0;
    while (Date.now() - t0 < o.minutes * 60_000) {
      await new Promise((r) => setTimeout(r, 10_000));
      const snap = await client.call('fleet.snapshot', {});
      if (!snap.ok) throw new Error(`the console stopped answering: ${snap.error.message}`);
      sitesOk = snap.value.sites.filter((s) => s.status === 'ok').length;
      const tS = Math.round((Date.now() - t0) / 1000);
      const mb = rssMb(serve.pid!);
      if (tS >= o.warmupMinutes * 60) samples.push({ tS, rssMb: mb });
      log(`soak ${tS} s: console RSS ${mb.toFixed(0)} MB, ${sitesOk}/${o.sites} sites ok`);
    }
    client.close();
    const k = Math.max(1, Math.floor(samples.length / 4));
    const firstMb = median(samples.slice(0, k).map((s) => s.rssMb));
    const lastMb = median(samples.slice(-k).map((s) => s.rssMb));
    return { samples, firstMb, lastMb, growth: lastMb / firstMb - 1, sitesOk };
  } finally {
    serve?.kill('SIGTERM');
    sim.kill('SIGTERM');
  }
}

/**
 * `npm run soak -- [--minutes 60] [--sites 500]`: the long run, by script; `npm test` runs it for 5
 * minutes beside the e2e suite. Exits 1 unless memory stayed flat and every site was up at the end.
 */
if (process.argv[1]?.endsWith('soakRun.ts')) {
  const arg = (n: string, d: number) => {
    const i = process.argv.indexOf(`--${n}`);
    return i > 0 ? Number(process.argv[i + 1]) : d;
  };
  const minutes = arg('minutes', 60);
  soak({
    minutes,
    warmupMinutes: arg('warmup', Math.min(10, minutes / 5)),
    sites: arg('sites', 500),
    nodesPerSite: arg('nodes', 4),
    intervalMs: arg('interval-ms', 5000),
  }).then(
    (r) => {
      const flat = r.growth <= 0.1;
      const allUp = r.sitesOk === arg('sites', 500);
      console.log(
        `soak: RSS ${r.firstMb.toFixed(0)} → ${r.lastMb.toFixed(0)} MB after warm-up (${(r.growth * 100).toFixed(1)} %): ${flat ? 'flat' : 'GROWING'}; ${r.sitesOk} sites ok at the end`,
      );
      process.exit(flat && allUp ? 0 : 1);
    },
    (e: Error) => {
      console.error(e.message);
      process.exit(1);
    },
  );
}
