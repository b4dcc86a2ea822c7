import type { TimelineEvent } from '../../../shared/nodes';

const PER_NODE = 200;

/**
 * What happened to each node, newest last, bounded per node: scheduler and telemetry state changes
 * seen at each tick, alerts opening and resolving. Actions (drains, SSH sessions) are not copied
 * here: the node page reads them from the audit log, which is their record.
 */
export class NodeTimeline {
  private readonly events = new Map<string, TimelineEvent[]>();
  private readonly lastState = new Map<string, string>();

  private static key(siteId: string, hostname: string): string {
    return `${siteId}/${hostname}`;
  }

  add(siteId: string, hostname: string, e: TimelineEvent): void {
    const k = NodeTimeline.key(siteId, hostname);
    let list = this.events.get(k);
    if (!list) this.events.set(k, (list = []));
    list.push(e);
    if (list.length > PER_NODE) list.splice(0, list.length - PER_NODE);
  }

  /** Records a change of the node's state word (first sight is recorded too, as where the record starts). */
  observeState(siteId: string, hostname: string, state: string, t: number): void {
    const k = NodeTimeline.key(siteId, hostname);
    const prev = this.lastState.get(k);
    if (prev === state) return;
    this.lastState.set(k, state);
    this.add(siteId, hostname, {
      t,
      kind: 'state',
      text: prev === undefined ? `first seen: ${state}` : `${prev} → ${state}`,
      severity: null,
      ref: null,
    });
  }

  of(siteId: string, hostname: string): readonly TimelineEvent[] {
    return this.events.get(NodeTimeline.key(siteId, hostname)) ?? [];
  }

  /** Forgets nodes of sites no longer configured. */
  retainSites(ids: ReadonlySet<string>): void {
    for (const k of [...this.events.keys()]) if (!ids.has(k.slice(0, k.indexOf('/')))) this.events.delete(k);
    for (const k of [...this.lastState.keys()])
      if (!ids.has(k.slice(0, k.indexOf('/')))) this.lastState.delete(k);
  }
}
