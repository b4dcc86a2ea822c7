import { useCallback, useEffect, useRef, useState } from 'react';
import type { NodeDetail } from '../../../../shared/nodes';
import type { AppError } from '../../../../shared/result';
import { useClient } from '../../app/clientContext';
import { useAppStore } from '../../store/appStore';

export interface NodeDetailState {
  detail: NodeDetail | null;
  error: AppError | null;
  loading: boolean;
}

/**
 * 'node.detail' for the open node page: on open and on every fleet tick, at most one call in flight (a
 * tick meanwhile is skipped; `refresh` after an action is queued). Mount the caller keyed by node.
 */
export function useNodeDetail(siteId: string, hostname: string): NodeDetailState & { refresh: () => void } {
  const client = useClient();
  const tickSeq = useAppStore((s) => s.tickSeq);
  const [state, setState] = useState<NodeDetailState>({ detail: null, error: null, loading: true });
  const inFlight = useRef(false);
  const again = useRef(false);
  const mounted = useRef(true);

  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const fetchDetail = useCallback(
    function fetchDetail() {
      if (inFlight.current) return;
      inFlight.current = true;
      void client.call('node.detail', { siteId, hostname }).then((r) => {
        inFlight.current = false;
        if (!mounted.current) return;
        // Keep the last good detail beside an error: stale numbers labelled as such beat a blank page.
        setState((prev) =>
          r.ok
            ? { detail: r.value, error: null, loading: false }
            : { ...prev, error: r.error, loading: false },
        );
        if (again.current) {
          again.current = false;
          fetchDetail();
        }
      });
    },
    [client, siteId, hostname],
  );

  useEffect(() => {
    fetchDetail();
  }, [fetchDetail, tickSeq]);

  const refresh = useCallback(() => {
    if (inFlight.current) again.current = true;
    else fetchDetail();
  }, [fetchDetail]);

  return { ...state, refresh };
}
