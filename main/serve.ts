/**
 * `npm run serve`: the same core as the desktop app, served to a browser on loopback.
 * Prints one line with the full URL (it carries the access token).
 */
import { resolve } from 'node:path';
import { parseServeArgs } from './core/cli/serveArgs';
import { resolveConfigDir } from './core/config/loadSites';
import { createCore } from './core/createCore';
import { scrapeWorkerFile } from './core/ingest/scrapeWorkerFile';
import { startServedConsole } from './core/serve/servedConsole';
import { version } from '../package.json';

async function main() {
  const args = parseServeArgs(process.argv.slice(2));
  if (!args.ok) {
    console.error(args.message);
    process.exit(2);
  }
  const a = args.value;
  const configDir = resolveConfigDir(a.configDir);
  const core = await createCore({
    shell: 'served',
    version,
    configDir,
    intervalMs: a.intervalMs,
    resourcesDir: resolve(__dirname, '../../resources'),
    scrapeWorker: scrapeWorkerFile(__dirname),
    ...(a.demo ? { demo: { seed: 42, ...a.demo } } : {}),
  });
  if (!core.ok) {
    console.error(`Fleet Console cannot start: ${core.error.message}`);
    process.exit(2);
  }
  const rendererDir = a.rendererDir ?? resolve(__dirname, '../renderer');
  const served = await startServedConsole({
    dispatch: core.value.dispatch,
    events: core.value.events,
    newSession: () => core.value.newSession('browser'),
    onSessionEnd: (session) => core.value.terminals.closeAllOf(session),
    rendererDir,
    host: a.host,
    port: a.port,
    log: (m) => console.error(m),
  });
  if (a.allowRemote)
    console.error(
      `WARNING: serving on ${a.host}, not loopback. Anyone who can reach it and has the token gets in.`,
    );
  const source = core.value.sim
    ? `demo fleet (${core.value.sim.fleet.sites.length} simulated sites)`
    : configDir;
  console.error(`Fleet Console ${version} serving ${source}`);
  console.log(`Fleet Console: ${served.url}`);
  const shutdown = async () => {
    await served.close();
    await core.value.stop();
    process.exit(0);
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

void main();
