import { useCallback, useEffect } from 'react';
import type { FleetClient } from '../../../../shared/client';
import { useClient } from '../../app/clientContext';
import { useAppStore } from '../../store/appStore';

/**
 * Ask the core for the site profiles again (and the app info, whose fleet source turns from "demo" to
 * "configured" with the first own site). Call after every save, remove and import.
 */
export async function reloadSiteProfiles(client: FleetClient): Promise<void> {
  const s = useAppStore.getState();
  const [list, info] = await Promise.all([client.call('sites.list', {}), client.call('app.info', {})]);
  if (list.ok) s.setSiteProfiles(list.value);
  else s.setSiteProfilesError(list.error.message);
  if (info.ok) s.setAppInfo(info.value);
}

/** Loads the profiles when the Sites area opens and again after the transport reconnects. */
export function useSiteProfiles(): { reload: () => Promise<void> } {
  const client = useClient();
  const reload = useCallback(() => reloadSiteProfiles(client), [client]);

  useEffect(() => {
    void reload();
    return useAppStore.subscribe((s, prev) => {
      if (prev.connection === 'closed' && s.connection === 'open') void reload();
    });
  }, [reload]);

  return { reload };
}
