/**
 * `npm run bench [-- --out FILE]`: the benchmark suite. Measures, never asserts: it prints a table
 * and writes JSON, and exits 0 whatever the numbers (targets missed are reported as such).
 * SSH throughput (issue 5), the placement planner against the HiGHS optimum and its time on a
 * 160,000-GPU fleet (issue 6), the UI's frame times on a 500-site fleet (issue 4; needs `npm run build`
 * first; --skip-ui skips it), and issue 10's ingest CPU, memory and event-loop lag against a real
 * Prometheus 2.42 (ingestBench.ts; needs the build too, and /usr/bin/prometheus; about 50 minutes).
 * `--only ssh,planner,ui,ingest` runs some of them; `--quick` runs the ingest bench at a tenth of the
 * fleet with one window pair (`--ingest-scale F`, `--ingest-pairs N`, `--ingest-window-intervals N`
 * and `--ingest-warm-intervals N` tune it).
 */
import { writeFileSync } from 'node:fs';
import type { Metric } from './metric';
import { ingestBench } from './ingestBench';
import { plannerBench } from './plannerBench';
import { sshThroughput } from './sshThroughput';
import { uiFrames } from './uiFrames';

async function main() {
  const out = process.argv.indexOf('--out');
  const only = process.argv.indexOf('--only');
  const chosen = only > 0 ? new Set((process.argv[only + 1] ?? '').split(',')) : null;
  const run = (name: string) => chosen === null || chosen.has(name);
  const metrics: Metric[] = [];
  // A part that cannot run is reported as a missed metric of its own, and the others still run.
  const part = async (name: string, measure: () => Promise<Metric[]>) => {
    try {
      metrics.push(...(await measure()));
    } catch (e) {
      console.error(`${name}: could not run: ${(e as Error).stack ?? String(e)}`);
      metrics.push({
        name: `${name}.failed`,
        value: NaN,
        unit: '',
        anchor: null,
        anchorValue: null,
        ratio: null,
        target: `runs (${(e as Error).message.split('\n')[0]})`,
        met: false,
      });
    }
  };
  if (run('ssh')) {
    if (process.getuid?.() === 0) await part('ssh', () => sshThroughput());
    else console.error('ssh.throughput: skipped (needs root to start an sshd)');
  }
  if (run('planner')) await part('planner', () => plannerBench());
  if (run('ui') && !process.argv.includes('--skip-ui')) await part('ui', () => uiFrames());
  if (run('ingest')) await part('ingest', () => ingestBench(process.argv));
  const rows = metrics.map((m) =>
    [
      m.name,
      `${m.value} ${m.unit}`,
      m.anchor ? `${m.anchorValue} ${m.anchorUnit ?? m.unit} (${m.anchor})` : '—',
      m.ratio ?? '—',
      m.target,
      m.met ? 'met' : 'MISSED',
    ].join(' | '),
  );
  console.log(
    ['metric | value | anchor | ratio | target | met', '---|---|---|---|---|---', ...rows].join('\n'),
  );
  if (out > 0 && process.argv[out + 1])
    writeFileSync(process.argv[out + 1]!, JSON.stringify(metrics, null, 2) + '\n');
}

void main();
