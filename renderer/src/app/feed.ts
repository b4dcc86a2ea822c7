import type { FleetClient } from '../../../shared/client';
import type { CallName } from '../../../shared/channels';
import type { Result } from '../../../shared/result';
import { useAppStore } from '../store/appStore';
import { CHART_MAX_POINTS, HISTORY_WINDOW_MS } from '../features/fleet/historyRing';

export interface Feed {
  /** Fetch app info, the session, the snapshot and the history again (start-up, and after a reconnect). */
  reload(): Promise<void>;
  /** Tell the feed the transport opened or closed; a re-open after a close reloads. */
  onTransportState(state: 'open' | 'closed'): void;
  stop(): void;
}

type Store = Pick<typeof useAppStore, 'getState'>;

/**
 * Start-up data flow: subscribe to ticks first (the history ring merges points by time, so order does
 * not matter), then load app info, this window's session, the snapshot and 15 minutes of history. A failed call becomes a
 * notice with the contract's message; it clears when the same call next succeeds.
 */
export function startFeed(client: FleetClient, store: Store = useAppStore): Feed {
  const s = () => store.getState();
  let stopped = false;
  let sawClose = false;

  const settle = <T>(name: CallName, result: Result<T>, apply: (value: T) => void) => {
    if (stopped) return;
    if (result.ok) {
      apply(result.value);
      s().setNotice(name, null);
    } else {
      s().setNotice(name, result.error.message);
    }
  };

  const unsubscribe = client.on('fleet.tick', (tick) => {
    if (!stopped) s().applyTick(tick);
  });

  const reload = async () => {
    await Promise.all([
      client.call('app.info', {}).then((r) => settle('app.info', r, (v) => s().setAppInfo(v))),
      // A served window gets a new session (back to operator) on every reconnect: ask again each time.
      client.call('session.get', {}).then((r) => settle('session.get', r, (v) => s().setSession(v))),
      client.call('fleet.snapshot', {}).then((r) => settle('fleet.snapshot', r, (v) => s().applySnapshot(v))),
      client
        .call('fleet.history', { windowS: HISTORY_WINDOW_MS / 1000, maxPoints: CHART_MAX_POINTS })
        .then((r) => settle('fleet.history', r, (v) => s().loadHistory(v))),
    ]);
  };

  void reload();

  return {
    reload,
    onTransportState(state) {
      s().setConnection(state);
      if (state === 'closed') sawClose = true;
      else if (sawClose) {
        sawClose = false;
        void reload();
      }
    },
    stop() {
      stopped = true;
      unsubscribe();
    },
  };
}
