import { readFileSync } from 'node:fs';
import { startFleetProcesses } from '../fleetProcesses';
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

const rssMb = (pid: number) =>
  Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export async function soak(o: SoakOptions): Promise<SoakResult> {
  const log = o.log ?? console.log;
  const fleet = await startFleetProcesses({
    sites: o.sites,
    nodesPerSite: o.nodesPerSite,
    intervalMs: o.intervalMs,
    fromSource: true,
  });
  try {
    const client = await connect(fleet.url);
    const t0 = Date.now();
    const samples: SoakResult['samples'] = [];
    let sitesOk = 0;
    while (Date.now() - t0 < o.minutes * 60_000) {
      await new Promise((r) => setTimeout(r, 10_000));
      const snap = await client.call('fleet.snapshot', {});
      if (!snap.ok) throw new Error(`the console stopped answering: ${snap.error.message}`);
      sitesOk = snap.value.sites.filter((s) => s.status === 'ok').length;
      const tS = Math.round((Date.now() - t0) / 1000);
      const mb = rssMb(fleet.servePid);
      if (tS >= o.warmupMinutes * 60) samples.push({ tS, rssMb: mb });
      log(`soak ${tS} s: console RSS ${mb.toFixed(0)} MB, ${sitesOk}/${o.sites} sites ok`);
    }
    client.close();
    const k = Math.max(1, Math.floor(samples.length / 4));
    const firstMb = median(samples.slice(0, k).map((s) => s.rssMb));
    const lastMb = median(samples.slice(-k).map((s) => s.rssMb));
    return { samples, firstMb, lastMb, growth: lastMb / firstMb - 1, sitesOk };
  } finally {
    fleet.stop();
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
