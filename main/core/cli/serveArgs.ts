import { parseArgs } from 'node:util';

export interface ServeArgs {
  port: number;
  host: string;
  allowRemote: boolean;
  configDir: string | undefined;
  intervalMs: number;
  rendererDir: string | undefined;
  /** The demo fleet's shape when no sites are configured (benchmarks run it at 500 sites). */
  demo: { sites: number; nodesPerSite: number | [number, number] } | undefined;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1']);

export const SERVE_USAGE = `Usage: npm run serve -- [--port 7380] [--config DIR] [--interval-ms 5000]
  --port N          port on 127.0.0.1 (0 picks a free one; default 7380)
  --config DIR      config directory (default $XDG_CONFIG_HOME/fleet-console); no sites.json = demo fleet
  --interval-ms N   scrape and tick interval (default 5000)
  --demo-sites N --demo-nodes M   the demo fleet's size (default 24 sites of 4–32 nodes; at most 1000 × 64)
  --host ADDR --allow-remote   bind another address (anyone who can reach it and has the token gets in)`;

/** Parses `npm run serve` flags into a value or a message naming the bad flag. */
export function parseServeArgs(
  argv: string[],
): { ok: true; value: ServeArgs } | { ok: false; message: string } {
  let v;
  try {
    v = parseArgs({
      args: argv,
      options: {
        port: { type: 'string', default: '7380' },
        host: { type: 'string', default: '127.0.0.1' },
        'allow-remote': { type: 'boolean', default: false },
        config: { type: 'string' },
        'interval-ms': { type: 'string', default: '5000' },
        'renderer-dir': { type: 'string' },
        'demo-sites': { type: 'string' },
        'demo-nodes': { type: 'string' },
        help: { type: 'boolean', default: false },
      },
      strict: true,
    }).values;
  } catch (e) {
    return { ok: false, message: `${(e as Error).message}\n${SERVE_USAGE}` };
  }
  if (v.help) return { ok: false, message: SERVE_USAGE };
  const port = Number(v.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    return { ok: false, message: `--port must be a whole number from 0 to 65535, not "${v.port}"` };
  const intervalMs = Number(v['interval-ms']);
  if (!Number.isInteger(intervalMs) || intervalMs < 200 || intervalMs > 600_000)
    return {
      ok: false,
      message: `--interval-ms must be a whole number from 200 to 600000, not "${v['interval-ms']}"`,
    };
  const demoSites = v['demo-sites'] === undefined ? undefined : Number(v['demo-sites']);
  const demoNodes = v['demo-nodes'] === undefined ? undefined : Number(v['demo-nodes']);
  if (demoSites !== undefined && !(Number.isInteger(demoSites) && demoSites >= 1 && demoSites <= 1000))
    return {
      ok: false,
      message: `--demo-sites must be a whole number from 1 to 1000, not "${v['demo-sites']}"`,
    };
  if (demoNodes !== undefined && !(Number.isInteger(demoNodes) && demoNodes >= 1 && demoNodes <= 64))
    return {
      ok: false,
      message: `--demo-nodes must be a whole number from 1 to 64, not "${v['demo-nodes']}"`,
    };
  const host = v.host!;
  if (!LOOPBACK.has(host) && !v['allow-remote'])
    return {
      ok: false,
      message: `refusing to bind ${host}: it is not loopback. Add --allow-remote if you mean it (anyone who can reach it and holds the token gets in).`,
    };
  if (host === '0.0.0.0' || host === '::')
    return {
      ok: false,
      message: `bind a specific address, not ${host}: the console checks Origin and Host against it`,
    };
  return {
    ok: true,
    value: {
      port,
      host,
      allowRemote: v['allow-remote']!,
      configDir: v.config,
      intervalMs,
      rendererDir: v['renderer-dir'],
      demo:
        demoSites === undefined && demoNodes === undefined
          ? undefined
          : { sites: demoSites ?? 24, nodesPerSite: demoNodes ?? [4, 32] },
    },
  };
}
