import { useState } from 'react';
import { notificationsSupported } from './notify';

/**
 * Desktop notifications for new critical alerts need the person's yes once. The desktop shell grants
 * them itself; a browser asks, and only from a click — so this button, shown while nobody has answered.
 */
export function NotificationsButton() {
  const [permission, setPermission] = useState<NotificationPermission | 'unsupported'>(() =>
    notificationsSupported() ? Notification.permission : 'unsupported',
  );
  if (permission === 'unsupported') return null;
  if (permission === 'granted')
    return <span className="muted notif-state">Desktop notifications on for new critical alerts</span>;
  if (permission === 'denied')
    return (
      <span
        className="muted notif-state"
        title="Allow notifications for this page in the browser's site settings"
      >
        Desktop notifications blocked
      </span>
    );
  return (
    <button
      type="button"
      className="button"
      onClick={() => void Notification.requestPermission().then(setPermission, () => setPermission('denied'))}
    >
      Enable desktop notifications
    </button>
  );
}
