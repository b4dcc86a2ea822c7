/**
 * `npm run sim`: the simulated fleet on its own. Prints a JSON manifest of its endpoints on stdout
 * — the same shape as a config directory's sites.json, so it can be fed to the console or to a real
 * Prometheus — and runs until interrupted.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseSimArgs } from './core/cli/simArgs';
import { startDemoFleet } from './core/sim/startDemoFleet';

async function main() {
  const args = parseSimArgs(process.argv.slice(2));
  if (!args.ok) {
    console.error(args.message);
    process.exit(2);
  }
  const { sites, nodesPerSite, seed, basePort } = args.value;
  const keyDir = args.value.keyDir ?? mkdtempSync(join(tmpdir(), 'fleet-sim-'));
  const demo = await startDemoFleet(
    { seed, sites, nodesPerSite },
    { keyDir, basePort, sshBasePort: basePort ? basePort + sites : 0 },
  );
  if (!demo.ok) {
    console.error(`the simulator could not start: ${demo.error.message}`);
    process.exit(1);
  }
  const { fleet, profiles, keyFile } = demo.value;
  process.stdout.write(JSON.stringify({ seed, sites: profiles }, null, 2) + '\n');
  const gpus = fleet.sites.reduce((n, s) => n + s.nodes.length * 8, 0);
  console.error(
    `simulating ${fleet.sites.length} sites, ${gpus} GPUs (seed ${seed}); SSH key for the bastions: ${keyFile}; Ctrl+C to stop`,
  );
  const stop = async () => {
    await demo.value.stop();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

void main();
