import { useEffect } from 'react';
import { useClient } from '../../app/clientContext';
import { useAppStore } from '../../store/appStore';
import { newlyFiringCritical } from './alertBadge';
import { notifyCritical } from './notify';

/**
 * The alert list for the whole window, mounted once in App: 'alerts.list' at start and after every
 * reconnect (events may have been missed), then each 'alerts.changed'. A newly firing, unsilenced
 * critical alert raises a desktop notification when permitted.
 */
export function useAlertFeed(): void {
  const client = useClient();
  useEffect(() => {
    const store = useAppStore;
    let stopped = false;
    const load = () =>
      void client.call('alerts.list', {}).then((r) => {
        if (stopped) return;
        if (r.ok) {
          store.getState().applyAlertList(r.value);
          store.getState().setNotice('alerts.list', null);
        } else store.getState().setNotice('alerts.list', `Alerts could not be loaded: ${r.error.message}`);
      });
    const offChanged = client.on('alerts.changed', (list) => {
      const s = store.getState();
      const fresh = newlyFiringCritical(s.alertList, list);
      s.applyAlertList(list);
      notifyCritical(fresh, (a) => {
        const st = store.getState();
        if (a.hostname) st.openNodePage({ siteId: a.siteId, hostname: a.hostname });
        else st.goToArea('alerts');
      });
    });
    const offConnection = store.subscribe((s, prev) => {
      if (prev.connection === 'closed' && s.connection === 'open') load();
    });
    load();
    return () => {
      stopped = true;
      offChanged();
      offConnection();
    };
  }, [client]);
}
