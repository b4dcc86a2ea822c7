import { useCallback, useEffect, useRef, useState } from 'react';
import type { AuditEntry, AuditFilter } from '../../../../shared/audit';
import type { AppError } from '../../../../shared/result';
import { useClient } from '../../app/clientContext';
import { useAppStore } from '../../store/appStore';
import { filterKey, matchesAuditFilter, mergeNewestFirst } from './auditFilter';

/** Entries per page: the first page of a filter and each "Load older". */
export const AUDIT_PAGE_SIZE = 200;
/** Live entries kept while the first page of a filter is on its way (it merges them in). */
const MAX_PENDING_LIVE = 1000;

interface Loaded {
  /** The filter (its key) and the reconnect epoch these entries were loaded for. */
  key: string;
  epoch: number;
  entries: AuditEntry[];
  /** Entries in the whole log (unfiltered), from the core, raised by live entries. */
  total: number | null;
  hasMore: boolean;
  error: AppError | null;
}

export interface AuditLogView {
  entries: AuditEntry[];
  total: number | null;
  /** The first page of the current filter has not arrived yet. */
  loading: boolean;
  loadingOlder: boolean;
  hasMore: boolean;
  error: AppError | null;
  loadOlder(): void;
}

const NOTHING: Loaded = { key: '', epoch: -1, entries: [], total: null, hasMore: false, error: null };

/**
 * The audit log as the table shows it: the newest page for a filter (pass a memoised filter object),
 * older pages on demand via `beforeSeq`, and entries appended live that match the filter, newest first.
 * The list reloads when the filter changes and after the transport reconnects (events may have been
 * missed meanwhile). Responses for a filter that is no longer current are dropped.
 */
export function useAuditLog(filter: AuditFilter): AuditLogView {
  const client = useClient();
  const key = filterKey(filter);
  const [epoch, setEpoch] = useState(0);
  const [loaded, setLoaded] = useState<Loaded>(NOTHING);
  const [olderFor, setOlderFor] = useState<number | null>(null);
  const [olderError, setOlderError] = useState<AppError | null>(null);

  // What the live listener must know, kept current by the load effect (never written during render).
  const current = useRef({ filter, key: '', generation: 0 });
  const pendingLive = useRef<AuditEntry[]>([]);

  // A reconnect may have dropped events: reload.
  useEffect(
    () =>
      useAppStore.subscribe((s, prev) => {
        if (prev.connection === 'closed' && s.connection === 'open') setEpoch((n) => n + 1);
      }),
    [],
  );

  useEffect(
    () =>
      client.on('audit.appended', (entry) => {
        const c = current.current;
        const fits = matchesAuditFilter(entry, c.filter);
        if (fits && pendingLive.current.length < MAX_PENDING_LIVE) pendingLive.current.push(entry);
        setLoaded((s) => {
          if (s.key !== c.key) return s; // the first page is on its way; it merges pendingLive
          const total = Math.max(s.total ?? 0, entry.seq);
          const entries = fits ? mergeNewestFirst(s.entries, [entry]) : s.entries;
          return entries === s.entries && total === s.total ? s : { ...s, entries, total };
        });
      }),
    [client],
  );

  useEffect(() => {
    const generation = current.current.generation + 1;
    current.current = { filter, key, generation };
    pendingLive.current = [];
    void client.call('audit.list', { filter, limit: AUDIT_PAGE_SIZE }).then((r) => {
      if (current.current.generation !== generation) return;
      const live = pendingLive.current;
      pendingLive.current = [];
      setOlderError(null);
      setLoaded((s) => {
        const same = s.key === key;
        if (!r.ok) return { ...(same ? s : NOTHING), key, epoch, error: r.error };
        const newestLive = live.reduce((m, e) => Math.max(m, e.seq), 0);
        return {
          key,
          epoch,
          entries: mergeNewestFirst(r.value.entries, live),
          total: Math.max(r.value.total, newestLive),
          hasMore: r.value.entries.length === AUDIT_PAGE_SIZE,
          error: null,
        };
      });
    });
  }, [client, filter, key, epoch]);

  const ready = loaded.key === key;
  const oldest = ready ? loaded.entries.at(-1)?.seq : undefined;

  const loadOlder = useCallback(() => {
    if (oldest === undefined || olderFor !== null) return;
    const generation = current.current.generation;
    setOlderFor(oldest);
    void client.call('audit.list', { filter, limit: AUDIT_PAGE_SIZE, beforeSeq: oldest }).then((r) => {
      setOlderFor(null);
      if (current.current.generation !== generation) return;
      if (!r.ok) {
        setOlderError(r.error);
        return;
      }
      setOlderError(null);
      setLoaded((s) =>
        s.key !== key
          ? s
          : {
              ...s,
              entries: mergeNewestFirst(s.entries, r.value.entries),
              hasMore: r.value.entries.length === AUDIT_PAGE_SIZE,
            },
      );
    });
  }, [client, filter, key, oldest, olderFor]);

  return {
    entries: ready ? loaded.entries : [],
    total: loaded.total,
    loading: !ready || loaded.epoch !== epoch,
    loadingOlder: olderFor !== null,
    hasMore: ready && loaded.hasMore && oldest !== undefined && oldest > 1,
    error: ready ? (loaded.error ?? olderError) : null,
    loadOlder,
  };
}
