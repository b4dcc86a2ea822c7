import { parseArgs } from 'node:util';

export interface SimArgs {
  sites: number;
  nodesPerSite: number | [number, number];
  seed: number;
  basePort: number;
  /** Where the console's SSH key for the simulated bastions is kept (default: a new temp dir). */
  keyDir: string | undefined;
}

/** Parses `npm run sim` flags; `--nodes-per-site` takes a count or a range like 4-32. */
export function parseSimArgs(argv: string[]): { ok: true; value: SimArgs } | { ok: false; message: string } {
  let v;
  try {
    v = parseArgs({
      args: argv,
      options: {
        sites: { type: 'string', default: '24' },
        'nodes-per-site': { type: 'string', default: '4-32' },
        seed: { type: 'string', default: '42' },
        'base-port': { type: 'string', default: '0' },
        'key-dir': { type: 'string' },
      },
      strict: true,
    }).values;
  } catch (e) {
    return {
      ok: false,
      message: `${(e as Error).message}\nUsage: npm run sim -- [--sites N] [--nodes-per-site M|MIN-MAX] [--seed S] [--base-port P] [--key-dir DIR]`,
    };
  }
  const int = (s: string) => (/^\d+$/.test(s) ? Number(s) : NaN);
  const sites = int(v.sites!);
  if (!(sites >= 1 && sites <= 5000))
    return { ok: false, message: `--sites must be 1 to 5000, not "${v.sites}"` };
  const range = /^(\d+)-(\d+)$/.exec(v['nodes-per-site']!);
  const nodesPerSite: number | [number, number] = range
    ? [Number(range[1]), Number(range[2])]
    : int(v['nodes-per-site']!);
  const [lo, hi] = typeof nodesPerSite === 'number' ? [nodesPerSite, nodesPerSite] : nodesPerSite;
  if (!(lo >= 1 && hi >= lo && hi <= 1000))
    return {
      ok: false,
      message: `--nodes-per-site must be 1 to 1000 or a range like 4-32, not "${v['nodes-per-site']}"`,
    };
  const seed = int(v.seed!);
  if (!Number.isSafeInteger(seed))
    return { ok: false, message: `--seed must be a whole number, not "${v.seed}"` };
  const basePort = int(v['base-port']!);
  if (!(basePort >= 0 && basePort + 2 * sites <= 65535))
    return { ok: false, message: `--base-port must leave room for ${sites} ports below 65536` };
  return { ok: true, value: { sites, nodesPerSite, seed, basePort, keyDir: v['key-dir'] } };
}
