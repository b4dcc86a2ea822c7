import type { NodeDetail } from '../../../../shared/nodes';
import type { AppError } from '../../../../shared/result';
import { useTickCall } from '../../lib/useTickCall';

export interface NodeDetailState {
  detail: NodeDetail | null;
  error: AppError | null;
  loading: boolean;
}

/**
 * 'node.detail' for the open node page: on open and on every fleet tick, at most one call in flight (a
 * tick meanwhile is skipped; `refresh` after an action is queued). The last good detail stays beside an
 * error: stale numbers labelled as such beat a blank page.
 */
export function useNodeDetail(siteId: string, hostname: string): NodeDetailState & { refresh: () => void } {
  const { value, error, loading, refresh } = useTickCall('node.detail', { siteId, hostname });
  return { detail: value, error, loading, refresh };
}
