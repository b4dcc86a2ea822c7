import type { ResidencyAnswer, ResidencyEvent, ResidencyQuery } from '../../../shared/residency';

/**
 * The auditor's question — where did tenant T's data-class D workloads run between t0 and t1 — answered
 * from the history alone (pure): each workload's stays clipped to the period, seconds per
 * jurisdiction, and every violation that overlapped it with how it ended. A stay or violation
 * still open when the history ends is open (to = null) and counted up to `now`.
 */
export function residencyQuery(
  events: readonly ResidencyEvent[],
  q: ResidencyQuery,
  now: number,
): ResidencyAnswer {
  const match = (e: ResidencyEvent) =>
    (!q.tenant || e.tenant === q.tenant) &&
    (!q.dataClass || e.dataClass === q.dataClass) &&
    (!q.workload || e.workload === q.workload);
  type Stay = ResidencyAnswer['workloads'][number]['stays'][number];
  const stays = new Map<string, { tenant: string; dataClass: string; stays: Stay[] }>();
  const open = new Map<string, Stay>();
  const violations: ResidencyAnswer['violations'] = [];
  const openViolation = new Map<string, ResidencyAnswer['violations'][number]>();
  const close = (id: string, t: number) => {
    const s = open.get(id);
    if (s) s.to = t;
    open.delete(id);
  };
  for (const e of [...events].sort((a, b) => a.t - b.t)) {
    if (!match(e)) continue;
    if (e.event === 'start' || e.event === 'move') {
      const cur = open.get(e.workload);
      if (cur && cur.siteId === e.siteId) continue; // seen again after a restart: the same stay
      close(e.workload, e.t);
      let w = stays.get(e.workload);
      if (!w) stays.set(e.workload, (w = { tenant: e.tenant, dataClass: e.dataClass, stays: [] }));
      const s: Stay = { siteId: e.siteId, country: e.country, hostname: e.hostname, from: e.t, to: null };
      w.stays.push(s);
      open.set(e.workload, s);
    } else if (e.event === 'end') close(e.workload, e.t);
    else if (e.event === 'violation-start') {
      const v = {
        workload: e.workload,
        tenant: e.tenant,
        dataClass: e.dataClass,
        siteId: e.siteId,
        country: e.country,
        ruleId: e.ruleId ?? 'unknown',
        reason: e.reason ?? '',
        from: e.t,
        to: null,
        endedBy: null,
      };
      violations.push(v);
      openViolation.set(e.workload, v);
    } else if (e.event === 'violation-end') {
      const v = openViolation.get(e.workload);
      if (v) {
        v.to = e.t;
        v.endedBy = e.endedBy ?? null;
        openViolation.delete(e.workload);
      }
    }
  }
  const overlaps = (from: number, to: number | null) => from < q.to && (to ?? now) > q.from;
  const seconds = new Map<string, { tenant: string; dataClass: string; country: string; seconds: number }>();
  const workloads: ResidencyAnswer['workloads'] = [];
  for (const [workload, w] of stays) {
    const kept = w.stays.filter((s) => overlaps(s.from, s.to));
    if (kept.length === 0) continue;
    workloads.push({ workload, tenant: w.tenant, dataClass: w.dataClass, stays: kept });
    for (const s of kept) {
      const dur = (Math.min(q.to, s.to ?? now) - Math.max(q.from, s.from)) / 1000;
      const key = `${w.tenant}\u0000${w.dataClass}\u0000${s.country}`;
      const cur = seconds.get(key) ?? {
        tenant: w.tenant,
        dataClass: w.dataClass,
        country: s.country,
        seconds: 0,
      };
      cur.seconds += Math.max(0, dur);
      seconds.set(key, cur);
    }
  }
  return {
    query: q,
    byJurisdiction: [...seconds.values()].sort(
      (a, b) =>
        a.tenant.localeCompare(b.tenant) || a.dataClass.localeCompare(b.dataClass) || b.seconds - a.seconds,
    ),
    workloads: workloads.sort((a, b) => a.workload.localeCompare(b.workload)),
    violations: violations.filter((v) => overlaps(v.from, v.to)),
  };
}
