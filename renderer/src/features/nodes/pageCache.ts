import type { NodeRow } from '../../../../shared/nodes';

/**
 * The node table's rows as pages fetched from the core (`nodes.list` with offset/limit): only the pages
 * around the visible window are asked for, a few are kept, the farthest dropped. Pure, so the paging
 * maths is tested without a transport; useNodePages does the I/O.
 */

export const PAGE_SIZE = 200;
/** Pages kept besides the ones in view: a short scroll back does not show placeholders. */
export const MAX_CACHED_PAGES = 6;

export interface Page {
  rows: NodeRow[];
  /** The answer's data time (`at`), so a late answer for an older tick does not overwrite a newer one. */
  at: number;
}

export type PageCache = ReadonlyMap<number, Page>;

/** The page indexes that hold rows [start, end) (end exclusive); none for an empty range. */
export function pagesFor(start: number, end: number, pageSize = PAGE_SIZE): number[] {
  if (end <= start || pageSize <= 0) return [];
  const first = Math.floor(Math.max(0, start) / pageSize);
  const last = Math.floor((end - 1) / pageSize);
  const out: number[] = [];
  for (let p = first; p <= last; p++) out.push(p);
  return out;
}

/** Row `index` of the whole result if its page is cached, else undefined (a placeholder row). */
export function rowAt(cache: PageCache, index: number, pageSize = PAGE_SIZE): NodeRow | undefined {
  const page = cache.get(Math.floor(index / pageSize));
  return page?.rows[index % pageSize];
}

/** Store one page's answer; an answer older than what is cached for that page is ignored. */
export function putPage(cache: PageCache, index: number, page: Page): PageCache {
  const have = cache.get(index);
  if (have && have.at > page.at) return cache;
  const next = new Map(cache);
  next.set(index, page);
  return next;
}

/**
 * Drop pages past the end of a shrunk result, then the ones farthest from the pages in view until at
 * most `max` are left. Pages in view are never dropped.
 */
export function prunePages(
  cache: PageCache,
  inView: readonly number[],
  total: number,
  max = MAX_CACHED_PAGES,
  pageSize = PAGE_SIZE,
): PageCache {
  const lastPage = total > 0 ? Math.floor((total - 1) / pageSize) : -1;
  const keep = new Set(inView);
  const centre = inView.length > 0 ? (inView[0]! + inView[inView.length - 1]!) / 2 : 0;
  const candidates = [...cache.keys()].filter((p) => p <= lastPage);
  const others = candidates
    .filter((p) => !keep.has(p))
    .sort((a, b) => Math.abs(a - centre) - Math.abs(b - centre) || a - b);
  const room = Math.max(0, max - candidates.filter((p) => keep.has(p)).length);
  const kept = new Set([...candidates.filter((p) => keep.has(p)), ...others.slice(0, room)]);
  if (kept.size === cache.size) return cache;
  const next = new Map<number, Page>();
  for (const [p, page] of cache) if (kept.has(p)) next.set(p, page);
  return next;
}

/** The pages to ask for now: those in view that are missing, or all in view when the data moved on. */
export function pagesToFetch(
  cache: PageCache,
  inView: readonly number[],
  refresh: boolean,
  inFlight: ReadonlySet<number>,
): number[] {
  return inView.filter((p) => !inFlight.has(p) && (refresh || !cache.has(p)));
}

/** Clamp a selected row index to the result (or -1 for an empty one). */
export const clampIndex = (index: number, total: number): number =>
  total <= 0 ? -1 : Math.max(0, Math.min(total - 1, index));

/**
 * The rows to render for a result of `total` rows, from a window measured without knowing the total
 * (the scroll position is known before the first page answers; the size comes with it).
 */
export function clampWindow(
  measured: { start: number; end: number },
  total: number,
  rowHeight: number,
): { start: number; end: number; padTop: number; padBottom: number } {
  const start = Math.max(0, Math.min(measured.start, Math.max(0, total - 1)));
  const end = Math.max(start, Math.min(measured.end, total));
  return { start, end, padTop: start * rowHeight, padBottom: (total - end) * rowHeight };
}
