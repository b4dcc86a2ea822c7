import type { PolicyVerdict } from '../../../shared/policy';
import type { ResidencyEvent } from '../../../shared/residency';
import type { WorkloadTags } from './workloadOf';

/** One running workload as a site's scheduler shows it this tick. */
export interface Observation extends WorkloadTags {
  siteId: string;
  country: string;
  subdivision: string | null;
  hostname: string | null;
  gpus: number | null;
}

export interface Placement extends Observation {
  since: number;
  verdict: PolicyVerdict;
  violationSince: number | null;
  /** Ticks in a row its site answered without it. */
  missing: number;
}

export type Judge = (
  tenant: string,
  dataClass: string,
  place: { country: string; subdivision: string | null },
) => PolicyVerdict;

/** A workload is over once its site has answered this many times in a row without it (a scheduler hiccup is not an end). */
const GONE_AFTER = 2;

/**
 * Turns each tick's observations into residency events (pure apart from its own state): a workload
 * starts, moves between sites, ends; a violation starts and ends (by a move, the workload's end, or
 * a policy that now allows it). Sites whose scheduler did not answer say nothing about their
 * workloads: they neither end nor move.
 */
export class ResidencyTracker {
  readonly placements = new Map<string, Placement>();

  observe(
    at: number,
    seen: readonly Observation[],
    answered: ReadonlySet<string>,
    judge: Judge,
  ): ResidencyEvent[] {
    const events: ResidencyEvent[] = [];
    const base = (o: Observation) => ({
      workload: o.workload,
      tenant: o.tenant,
      dataClass: o.dataClass,
      siteId: o.siteId,
      country: o.country,
      subdivision: o.subdivision,
      hostname: o.hostname,
    });
    const present = new Set<string>();
    for (const o of seen) {
      if (present.has(o.workload)) continue; // a multi-job workload: its first job speaks for it
      present.add(o.workload);
      const verdict = judge(o.tenant, o.dataClass, o);
      const prev = this.placements.get(o.workload);
      if (!prev) {
        events.push({ t: at, event: 'start', ...base(o) });
      } else if (prev.siteId !== o.siteId) {
        if (prev.violationSince !== null) events.push(violationEnd(at, prev, 'moved'));
        events.push({ t: at, event: 'move', ...base(o), fromSiteId: prev.siteId, fromCountry: prev.country });
      }
      const moved = !prev || prev.siteId !== o.siteId;
      const wasViolating = !moved && prev!.violationSince !== null;
      let violationSince: number | null = null;
      if (!verdict.allowed) {
        violationSince = wasViolating ? prev!.violationSince : at;
        if (!wasViolating)
          events.push({
            t: at,
            event: 'violation-start',
            ...base(o),
            ruleId: verdict.ruleId,
            reason: verdict.reason,
          });
      } else if (wasViolating) events.push(violationEnd(at, prev!, 'policy'));
      this.placements.set(o.workload, {
        ...o,
        since: moved ? at : prev!.since,
        verdict,
        violationSince,
        missing: 0,
      });
    }
    for (const [id, p] of this.placements) {
      if (present.has(id) || !answered.has(p.siteId)) continue;
      if (++p.missing < GONE_AFTER) continue;
      if (p.violationSince !== null) events.push(violationEnd(at, p, 'ended'));
      events.push({
        t: at,
        event: 'end',
        workload: p.workload,
        tenant: p.tenant,
        dataClass: p.dataClass,
        siteId: p.siteId,
        country: p.country,
        subdivision: p.subdivision,
        hostname: p.hostname,
      });
      this.placements.delete(id);
    }
    return events;
  }
}

function violationEnd(at: number, p: Placement, endedBy: 'moved' | 'ended' | 'policy'): ResidencyEvent {
  return {
    t: at,
    event: 'violation-end',
    workload: p.workload,
    tenant: p.tenant,
    dataClass: p.dataClass,
    siteId: p.siteId,
    country: p.country,
    subdivision: p.subdivision,
    hostname: p.hostname,
    ruleId: p.verdict.ruleId,
    reason: p.verdict.reason,
    endedBy,
  };
}
