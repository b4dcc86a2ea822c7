import { useMemo } from 'react';
import { useAppStore } from '../../store/appStore';

export interface SiteNames {
  /** The fleet's sites by name, for the site picker. */
  list: { id: string; name: string }[];
  nameOf(siteId: string): string | undefined;
}

/**
 * Site ids and names from the fleet snapshot. Selected as one string, so a tick (which replaces
 * every site object) re-renders nothing unless a site is added, removed or renamed.
 */
export function useSiteNames(): SiteNames {
  const key = useAppStore((s) => JSON.stringify(s.sites.map((x) => [x.id, x.name])));
  return useMemo(() => {
    const pairs = JSON.parse(key) as [string, string][];
    const byId = new Map(pairs);
    return {
      list: pairs.map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name)),
      nameOf: (siteId: string) => byId.get(siteId),
    };
  }, [key]);
}
