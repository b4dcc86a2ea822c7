import { useCallback, useMemo, useState } from 'react';
import type { Result } from '../../../../shared/result';
import { useClient } from '../../app/clientContext';
import { useAppStore } from '../../store/appStore';
import { sessionCan } from '../session/sessionSlice';

export const NEEDS_ALERTS = 'Needs the NOC operator or Admin role';

export interface AlertActions {
  /** Why acknowledge/silence are off, or undefined when this window may use them. */
  why: string | undefined;
  /** Keys with a call on its way. */
  busy: ReadonlySet<string>;
  acknowledge(key: string): void;
  /** 0 lifts the silence. */
  silence(key: string, forS: number): void;
}

/**
 * Acknowledge and silence, for the Alerts area and node pages. The list updates itself from the
 * 'alerts.changed' that follows; a refusal becomes a notice in the core's words.
 */
export function useAlertActions(): AlertActions {
  const client = useClient();
  const can = useAppStore((s) => sessionCan(s.session, 'alerts'));
  const roleKnown = useAppStore((s) => s.session !== null);
  const setNotice = useAppStore((s) => s.setNotice);
  const [busy, setBusy] = useState<ReadonlySet<string>>(new Set());

  const run = useCallback(
    (key: string, name: 'alerts.acknowledge' | 'alerts.silence', call: () => Promise<Result<unknown>>) => {
      setBusy((b) => new Set(b).add(key));
      void call().then((r) => {
        setBusy((b) => {
          const n = new Set(b);
          n.delete(key);
          return n;
        });
        setNotice(
          name,
          r.ok
            ? null
            : `${name === 'alerts.acknowledge' ? 'Acknowledge' : 'Silence'} failed: ${r.error.message}`,
        );
      });
    },
    [setNotice],
  );

  const acknowledge = useCallback(
    (key: string) => run(key, 'alerts.acknowledge', () => client.call('alerts.acknowledge', { key })),
    [client, run],
  );
  const silence = useCallback(
    (key: string, forS: number) =>
      run(key, 'alerts.silence', () => client.call('alerts.silence', { key, forS })),
    [client, run],
  );

  const why = can ? undefined : roleKnown ? NEEDS_ALERTS : 'Waiting for this window’s role';
  return useMemo(() => ({ why, busy, acknowledge, silence }), [why, busy, acknowledge, silence]);
}
