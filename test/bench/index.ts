/**
 * `npm run bench [-- --out FILE]`: the benchmark suite. Measures, never asserts: it prints a table
 * and writes JSON, and exits 0 whatever the numbers (targets missed are reported as such).
 * Issue 10 grows it (ingest, memory, event-loop lag); today: SSH throughput (issue 5), the placement
 * planner against the HiGHS optimum and its time on a 160,000-GPU fleet (issue 6), and the UI's frame
 * times on a 500-site fleet (issue 4; needs `npm run build` first; --skip-ui skips it).
 */
import { writeFileSync } from 'node:fs';
import type { Metric } from './metric';
import { plannerBench } from './plannerBench';
import { sshThroughput } from './sshThroughput';
import { uiFrames } from './uiFrames';

async function main() {
  const out = process.argv.indexOf('--out');
  const metrics: Metric[] = [];
  if (process.getuid?.() === 0) metrics.push(...(await sshThroughput()));
  else console.error('ssh.throughput: skipped (needs root to start an sshd)');
  metrics.push(...(await plannerBench()));
  if (!process.argv.includes('--skip-ui')) metrics.push(...(await uiFrames()));
  const rows = metrics.map((m) =>
    [
      m.name,
      `${m.value} ${m.unit}`,
      m.anchor ? `${m.anchorValue} ${m.unit} (${m.anchor})` : '—',
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
