import { useEffect, useState } from 'react';
import type { FleetClient } from '../../../../shared/client';
import type { Result } from '../../../../shared/result';
import { useClient } from '../../app/clientContext';

export interface SiteNodesState {
  /** The site whose nodes these are; null when no site is asked for. */
  siteId: string | null;
  hostnames: string[] | null;
  error: string | null;
  loading: boolean;
}

const IDLE: SiteNodesState = { siteId: null, hostnames: null, error: null, loading: false };

/** The hostnames of a site's nodes, from 'site.detail' with the shortest history it allows. */
export async function fetchSiteNodes(client: FleetClient, siteId: string): Promise<Result<string[]>> {
  const r = await client.call('site.detail', { siteId, windowS: 60, maxPoints: 10 });
  return r.ok ? { ok: true, value: r.value.nodes.map((n) => n.hostname) } : r;
}

/**
 * The hostnames of one site's nodes, from 'site.detail' (with the shortest history it allows), fetched
 * when the site changes: for pickers (a terminal's node, a broadcast's targets), not live views.
 */
export function useSiteNodes(siteId: string | null): SiteNodesState {
  const client = useClient();
  const [state, setState] = useState<SiteNodesState>(IDLE);

  useEffect(() => {
    if (siteId === null) return undefined;
    let live = true;
    void fetchSiteNodes(client, siteId).then((r) => {
      if (!live) return;
      setState(
        r.ok
          ? { siteId, hostnames: r.value, error: null, loading: false }
          : { siteId, hostnames: null, error: r.error.message, loading: false },
      );
    });
    return () => {
      live = false;
    };
  }, [client, siteId]);

  if (siteId === null) return IDLE;
  // Until this site's answer is in, say so (never show the previous site's nodes as this one's).
  return state.siteId === siteId ? state : { siteId, hostnames: null, error: null, loading: true };
}
