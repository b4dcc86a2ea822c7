import type { AlertView } from '../../../../shared/contract';
import { alertPlace } from './alertBadge';

/** Whether this window can show desktop notifications at all (a test shell or an old engine may not). */
export const notificationsSupported = (): boolean => typeof Notification !== 'undefined';

/**
 * One desktop notification per newly firing critical alert, only once the person (or, in the desktop
 * shell, Electron's permission handler) granted it; clicking it brings the console to that node.
 */
export function notifyCritical(alerts: readonly AlertView[], onOpen: (a: AlertView) => void): void {
  if (!notificationsSupported() || Notification.permission !== 'granted') return;
  for (const a of alerts) {
    try {
      const n = new Notification(a.title, { body: `${alertPlace(a)} — ${a.detail}`, tag: a.key });
      n.onclick = () => {
        window.focus();
        onOpen(a);
        n.close();
      };
    } catch {
      // Some engines refuse `new Notification` outside a service worker: the badge still shows it.
    }
  }
}
