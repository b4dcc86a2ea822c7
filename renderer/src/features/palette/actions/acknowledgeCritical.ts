import { newestUnackedCritical } from '../../alerts/alertFilter';
import { NEEDS_ALERTS } from '../../alerts/useAlertActions';
import { sessionCan } from '../../session/sessionSlice';
import type { PaletteAction } from '../paletteAction';

/** "Acknowledge the newest critical alert": the Alerts list's Ack button on its top critical row. */
export const acknowledgeCriticalAction: PaletteAction = {
  name: 'alert.ack-newest-critical',
  label: 'Acknowledge the newest critical alert',
  group: 'Alert',
  keywords: ['ack', 'alert', 'critical', 'acknowledge'],
  enabled: ({ state }) =>
    sessionCan(state.session, 'alerts') && newestUnackedCritical(state.alertList?.alerts ?? []) !== null,
  disabledText: `No unacknowledged critical alert, or ${NEEDS_ALERTS.toLowerCase()}`,
  perform: ({ state, client }) => {
    const a = newestUnackedCritical(state.alertList?.alerts ?? []);
    if (!a) return;
    void client.call('alerts.acknowledge', { key: a.key }).then((r) => {
      state.setNotice('alerts.acknowledge', r.ok ? null : `Acknowledge failed: ${r.error.message}`);
    });
  },
};
