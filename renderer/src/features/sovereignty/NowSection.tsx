import { useMemo } from 'react';
import { formatClockSeconds } from '../../lib/format';
import { useAppStore } from '../../store/appStore';
import { NowTiles } from './NowTiles';
import { PolicyStatusLine } from './PolicyStatusLine';
import { countOf, countryLabel } from './residencyFormat';
import { TenantCards } from './TenantCards';
import { groupByTenant, nowCounts } from './tenantGroups';
import type { ResidencyNowState } from './useResidencyNow';
import { ViolationsNow } from './ViolationsNow';

/** Sites whose scheduler did not answer: what runs there is not known now, so nothing there is compliant. */
function UnknownSites({ ids, lastSeen }: { ids: readonly string[]; lastSeen: ReadonlyMap<string, number> }) {
  const sites = useAppStore((s) => s.sites);
  if (ids.length === 0) return null;
  const byId = new Map(sites.map((s) => [s.id, s]));
  return (
    <section className="sov-unknown" aria-labelledby="sov-unknown-title" data-testid="unknown-sites">
      <h2 className="sov-unknown-title" id="sov-unknown-title">
        Unknown now: {countOf(ids.length, 'site')} whose scheduler did not answer
      </h2>
      <ul>
        {ids.map((id) => {
          const s = byId.get(id);
          const n = lastSeen.get(id) ?? 0;
          return (
            <li key={id} data-testid="unknown-site" data-site-id={id}>
              {s?.name ?? id}
              <span className="muted">
                {' '}
                ({id}
                {s ? `, ${countryLabel(s.country)}` : ''})
                {n > 0 ? ` · ${countOf(n, 'workload')} last seen there, not counted as compliant` : ''}
              </span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/** Where every workload runs now, judged against the policy in force: the NOC's view. */
export function NowSection({ state }: { state: ResidencyNowState }) {
  const { now, error } = state;
  const unknown = useMemo(() => new Set(now?.unknownSites ?? []), [now]);
  const groups = useMemo(() => (now ? groupByTenant(now.workloads, now.unknownSites) : []), [now]);
  const counts = useMemo(() => (now ? nowCounts(now) : null), [now]);
  const lastSeen = useMemo(() => {
    const m = new Map<string, number>();
    for (const w of now?.workloads ?? [])
      if (unknown.has(w.siteId)) m.set(w.siteId, (m.get(w.siteId) ?? 0) + 1);
    return m;
  }, [now, unknown]);

  return (
    <div className="sov-now" data-testid="sov-now" aria-busy={now === null || undefined}>
      <PolicyStatusLine policy={now?.policy ?? null} />
      {error && (
        <p className="inline-notice" role="alert" data-testid="sov-now-error">
          Could not read where workloads run: {error.message}
          {now ? ` Showing what was known at ${formatClockSeconds(now.at)}.` : ''}
        </p>
      )}
      <NowTiles counts={counts} unknownSites={now?.unknownSites.length ?? 0} />
      {now && (
        <>
          <UnknownSites ids={now.unknownSites} lastSeen={lastSeen} />
          <ViolationsNow violations={now.violations} unknownSites={unknown} at={now.at} />
          <TenantCards groups={groups} />
        </>
      )}
    </div>
  );
}
