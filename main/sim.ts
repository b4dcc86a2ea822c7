/**
 * `npm run sim`: the simulated fleet on its own. Prints a JSON manifest of its endpoints on stdout
 * — the same shape as a config directory's sites.json, so it can be fed to the console or to a real
 * Prometheus — and runs until interrupted.
 */
import { parseSimArgs } from './core/cli/simArgs';
import { SimFleet } from './core/sim/simFleet';
import { startSimServers } from './core/sim/simServer';

async function main() {
  const args = parseSimArgs(process.argv.slice(2));
  if (!args.ok) {
    console.error(args.message);
    process.exit(2);
  }
  const { sites, nodesPerSite, seed, basePort } = args.value;
  const fleet = new SimFleet({ seed, sites, nodesPerSite });
  const running = await startSimServers(fleet, { basePort });
  process.stdout.write(JSON.stringify(running.manifest, null, 2) + '\n');
  const gpus = fleet.sites.reduce((n, s) => n + s.nodes.length * 8, 0);
  console.error(`simulating ${fleet.sites.length} sites, ${gpus} GPUs (seed ${seed}); Ctrl+C to stop`);
  const stop = async () => {
    await running.stop();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

void main();
