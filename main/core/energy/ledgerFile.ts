import { loadGzJson, moveAside, saveGzJsonPieces } from '../config/gzJsonFile';
import { dimRings, type EnergyLedger, type Rings } from './energyLedger';

/**
 * The ledger's buckets on disk (gzip'd JSON, written atomically), so day, week and month figures
 * survive restarts. Per-GPU run state is not kept: after a restart idle runs start again, which can
 * only under-count idle energy, never invent it.
 */

const VERSION = 1;

type SavedDims = Record<string, ReturnType<Rings['toJSON']>>;
interface Saved {
  version: number;
  savedAt: number;
  firstAt: number | null;
  lastAt: number | null;
  resets: number;
  sites: Record<
    string,
    {
      firstAt: number | null;
      lastAt: number | null;
      rings: unknown;
      tenants: SavedDims;
      models: SavedDims;
      nodes: SavedDims;
    }
  >;
}

/**
 * Saves the ledger one site at a time (saveGzJsonPieces), so a fleet-sized ledger never blocks the
 * core for the whole stringify: each site's part is as of when it is written, at most a few seconds
 * apart, and each is whole.
 */
export async function saveLedger(path: string, ledger: EnergyLedger, now: number): Promise<void> {
  await saveGzJsonPieces(path, ledgerPieces(ledger, now));
}

function* ledgerPieces(ledger: EnergyLedger, now: number): Generator<string> {
  const obj = (m: Map<string, Rings>) => Object.fromEntries([...m].map(([k, r]) => [k, r.toJSON()]));
  const head: Omit<Saved, 'sites'> = {
    version: VERSION,
    savedAt: now,
    firstAt: ledger.firstAt,
    lastAt: ledger.lastAt,
    resets: ledger.resets,
  };
  yield `${JSON.stringify(head).slice(0, -1)},"sites":{`;
  let first = true;
  for (const b of [...ledger.siteBooks]) {
    const site: Saved['sites'][string] = {
      firstAt: b.firstAt,
      lastAt: b.lastAt,
      rings: b.rings.toJSON(),
      tenants: obj(b.tenants),
      models: obj(b.models),
      nodes: obj(b.nodes),
    };
    yield `${first ? '' : ','}${JSON.stringify(b.siteId)}:${JSON.stringify(site)}`;
    first = false;
  }
  yield '}}';
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Loads a saved ledger into an empty one. A missing file is a first start; an unreadable one is
 * moved aside (never overwritten: it may be worth a look) and the ledger starts empty.
 */
export async function loadLedger(
  path: string,
  ledger: EnergyLedger,
): Promise<{ kind: 'loaded' | 'none' } | { kind: 'corrupt'; message: string; movedTo: string }> {
  const loaded = await loadGzJson(path);
  if (loaded.kind !== 'loaded') return loaded;
  const saved = loaded.value;
  if (!isRecord(saved) || saved.version !== VERSION || !isRecord(saved.sites))
    return moveAside(path, `not a version ${VERSION} ledger`);
  const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : null);
  ledger.firstAt = num(saved.firstAt);
  ledger.lastAt = num(saved.lastAt);
  ledger.resets = num(saved.resets) ?? 0;
  for (const [id, s] of Object.entries(saved.sites)) {
    if (!isRecord(s)) continue;
    const book = ledger.siteBook(id);
    book.firstAt = num(s.firstAt);
    book.lastAt = num(s.lastAt);
    book.rings.load(s.rings);
    for (const [key, m, shape] of [
      ['tenants', book.tenants, 'wide'],
      ['models', book.models, 'wide'],
      ['nodes', book.nodes, 'narrow'],
    ] as const) {
      const dims = s[key];
      if (isRecord(dims)) for (const [k, v] of Object.entries(dims)) dimRings(m, k, shape).load(v);
    }
  }
  return { kind: 'loaded' };
}
