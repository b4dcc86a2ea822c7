import { useCallback, useEffect, useRef, useState } from 'react';
import type { NodePage, NodeQuery, NodeRow } from '../../../../shared/nodes';
import type { AppError } from '../../../../shared/result';
import { useClient } from '../../app/clientContext';
import { useAppStore } from '../../store/appStore';
import { queryKey } from './nodeQuery';
import { PAGE_SIZE, pagesFor, pagesToFetch, prunePages, putPage, rowAt, type PageCache } from './pageCache';

interface Loaded {
  key: string;
  cache: PageCache;
  total: number;
  fleetTotal: number;
  facets: NodePage['facets'];
  at: number;
}

export interface NodePagesView {
  /** Nodes matching the query; null until the first page of this query answered. */
  total: number | null;
  fleetTotal: number | null;
  facets: NodePage['facets'] | null;
  /** The row at an index of the whole result, or undefined while its page is on its way. */
  row(index: number): NodeRow | undefined;
  error: AppError | null;
  /** The rows shown are the previous query's while the new one's first page is on its way. */
  stale: boolean;
}

/**
 * The fleet-wide node table's data: only the pages of `nodes.list` that cover rows [start, end) are
 * asked for — on a new query, when the view scrolls onto a page not cached, and again on every fleet
 * tick (the numbers move) — at most one call per page in flight. A handful of pages stay cached around
 * the view (pageCache.ts). Answers for a query that is no longer current are dropped.
 */
export function useNodePages(query: NodeQuery, start: number, end: number): NodePagesView {
  const client = useClient();
  const tickSeq = useAppStore((s) => s.tickSeq);
  const key = queryKey(query);
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const current = useRef({ key: '', inFlight: new Set<number>(), inView: [] as number[], tick: -1 });

  const ready = loaded !== null && loaded.key === key;
  // Until the new query answers, the previous result stays on screen (no flash of "Loading…" per keystroke).
  const total = loaded?.total ?? null;
  // Before the first answer the size is unknown: page 0 tells it. An empty result still asks page 0 per tick.
  const visible = total === null ? [] : pagesFor(Math.min(start, total), Math.min(end, total));
  const inView = visible.length > 0 ? visible : [0];
  const inViewKey = inView.join(',');

  useEffect(() => {
    const c = current.current;
    if (c.key !== key) current.current = { key, inFlight: new Set(), inView: [], tick: -1 };
    const now = current.current;
    const pages = inViewKey.split(',').map(Number);
    now.inView = pages;
    const refresh = now.tick !== tickSeq;
    now.tick = tickSeq;
    const cache = loaded?.key === key ? loaded.cache : new Map();
    for (const p of pagesToFetch(cache, pages, refresh, now.inFlight)) {
      now.inFlight.add(p);
      void client.call('nodes.list', { query, offset: p * PAGE_SIZE, limit: PAGE_SIZE }).then((r) => {
        now.inFlight.delete(p);
        if (current.current !== now) return; // another query since
        if (!r.ok) {
          setError(r.error);
          return;
        }
        setError(null);
        const v = r.value;
        setLoaded((s) => {
          const base = s?.key === key ? s : null;
          const newest = base === null || v.at >= base.at;
          const cacheNow = putPage(base?.cache ?? new Map(), p, { rows: v.rows, at: v.at });
          const t = newest ? v.total : base.total;
          return {
            key,
            cache: prunePages(cacheNow, now.inView, t),
            total: t,
            fleetTotal: newest ? v.fleetTotal : base.fleetTotal,
            facets: newest ? v.facets : base.facets,
            at: newest ? v.at : base.at,
          };
        });
      });
    }
    // `query` is represented by `key`; `loaded` is read only to know which pages are cached.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [client, key, inViewKey, tickSeq]);

  const cache = loaded?.cache ?? null;
  const row = useCallback((i: number) => (cache ? rowAt(cache, i) : undefined), [cache]);

  return {
    total,
    fleetTotal: loaded?.fleetTotal ?? null,
    facets: loaded?.facets ?? null,
    row,
    error,
    stale: !ready,
  };
}
