import type { AlertList, AlertView } from '../../../../shared/contract';

/** An alert view for tests, firing and critical unless told otherwise. */
export function alertView(over: Partial<AlertView> = {}): AlertView {
  return {
    key: 'gpu-xid|s1|h1|3',
    ruleId: 'gpu-xid',
    kind: 'xid',
    severity: 'critical',
    siteId: 's1',
    hostname: 'h1',
    gpu: 3,
    title: 'XID 79 on GPU 3',
    detail: 'GPU has fallen off the bus',
    value: 79,
    state: 'firing',
    firstSeen: 1000,
    lastSeen: 2000,
    resolvedAt: null,
    acknowledgedBy: null,
    acknowledgedAt: null,
    silencedUntil: null,
    silencedBy: null,
    silenced: false,
    ...over,
  };
}

export const alertList = (alerts: AlertView[], at = 5000): AlertList => ({
  at,
  alerts,
  rules: [],
  notes: [],
});
