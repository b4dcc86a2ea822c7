import { useEffect } from 'react';
import { useClient } from '../../app/clientContext';
import { useAppStore } from '../../store/appStore';

/**
 * Keeps the current broadcast run up to date from 'broadcast.progress', whichever area is shown. When
 * the connection to the core drops, the run's later progress goes to a session that no longer exists:
 * an unfinished run says so.
 */
export function useBroadcastEvents(): void {
  const client = useClient();
  useEffect(() => {
    const offProgress = client.on('broadcast.progress', (p) =>
      useAppStore.getState().applyBroadcastProgress(p),
    );
    const offConnection = useAppStore.subscribe((s, prev) => {
      if (prev.connection !== 'open' || s.connection !== 'closed') return;
      const run = s.broadcastRun;
      if (run && !run.finished && !run.error)
        s.broadcastFailed(
          'The connection to the console core was lost: this run’s further progress cannot reach this window. Its outcome is in the audit log.',
        );
    });
    return () => {
      offProgress();
      offConnection();
    };
  }, [client]);
}
