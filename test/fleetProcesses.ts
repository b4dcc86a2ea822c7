import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CONSOLE_NODE_FLAGS } from '../main/core/nodeFlags';

/** Reads a child's stdout until `done` finds what it waits for. */
export function readUntil<T>(
  child: ChildProcess,
  done: (out: string) => T | undefined,
  what: string,
  ms = 180_000,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${what} within ${ms / 1000} s`)), ms);
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

export interface FleetProcesses {
  url: string;
  servePid: number;
  stop: () => void;
}

/**
 * The simulator in its own process (`npm run sim`), as real sites are not inside the console, and
 * the served console (with the flags `npm run serve` gives it) scraping it from a config directory
 * like any fleet — built (`out/main/*.js`) or run from source with tsx (no build needed).
 */
export async function startFleetProcesses(o: {
  sites: number;
  nodesPerSite: number;
  intervalMs: number;
  fromSource: boolean;
}): Promise<FleetProcesses> {
  const entry = (name: 'sim' | 'serve') =>
    o.fromSource ? ['--import', 'tsx', `main/${name}.ts`] : [`out/main/${name}.js`];
  const sim = spawn(
    process.execPath,
    [...entry('sim'), '--sites', String(o.sites), '--nodes-per-site', String(o.nodesPerSite)],
    { stdio: ['ignore', 'pipe', 'ignore'] },
  );
  let serve: ChildProcess | null = null;
  const stop = () => {
    serve?.kill('SIGTERM');
    sim.kill('SIGTERM');
  };
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
    const config = mkdtempSync(join(tmpdir(), 'fc-fleet-'));
    // Telemetry only: the simulated schedulers' tokens live in the simulator's memory.
    const sites = manifest.sites.map(({ scheduler: _s, bastion: _b, ...site }) => site);
    writeFileSync(join(config, 'sites.json'), JSON.stringify({ sites }));
    serve = spawn(
      process.execPath,
      [
        ...CONSOLE_NODE_FLAGS.split(' '),
        ...entry('serve'),
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
    return { url, servePid: serve.pid!, stop };
  } catch (e) {
    stop();
    throw e;
  }
}
