/**
 * The names of every contract entry, with no schema attached, so the preload can expose one function
 * per entry without bundling zod. `contract.ts` checks at compile time that the two lists agree.
 */
export const CALL_NAMES = [
  'app.info',
  'fleet.snapshot',
  'fleet.history',
  'site.detail',
  'session.get',
  'session.setRole',
  'admin.setPassphrase',
  'audit.list',
  'audit.verify',
  'audit.export',
  'sites.list',
  'sites.save',
  'sites.remove',
  'sites.test',
  'sites.import',
  'sites.export',
  'terminal.open',
  'terminal.input',
  'terminal.resize',
  'terminal.close',
  'terminal.answer',
  'knownHosts.forget',
  'broadcast.start',
  'broadcast.cancel',
  'broadcast.export',
  'node.drain',
  'node.resume',
  'job.requeue',
  'sustainability.summary',
  'sustainability.setSettings',
  'sustainability.export',
  'nodes.list',
  'node.detail',
  'site.health',
  'alerts.list',
  'alerts.acknowledge',
  'alerts.silence',
  'alerts.setRules',
  'residency.now',
  'residency.query',
  'residency.report',
  'residency.verifyReport',
  'policy.set',
  'placement.previewConsolidate',
  'placement.plan',
  'placement.execute',
  'placement.cancel',
  'placement.resume',
  'placement.runs',
] as const;
export const EVENT_NAMES = [
  'fleet.tick',
  'audit.appended',
  'terminal.data',
  'terminal.state',
  'terminal.prompt',
  'broadcast.progress',
  'alerts.changed',
  'placement.run',
] as const;

export type CallName = (typeof CALL_NAMES)[number];
export type EventName = (typeof EVENT_NAMES)[number];

/** The object the Electron preload puts on `window.fleetConsole`: one function per entry. */
export interface PreloadBridge {
  calls: Record<CallName, (payload: unknown) => Promise<unknown>>;
  events: Record<EventName, (listener: (payload: unknown) => void) => () => void>;
}
