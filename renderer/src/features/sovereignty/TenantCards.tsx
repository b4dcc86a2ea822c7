import type { WorkloadNow } from '../../../../shared/residency';
import { oneLine } from '../../lib/oneLine';
import { countOf, countryLabel } from './residencyFormat';
import type { TenantGroup } from './tenantGroups';

/** Violating workloads are named; compliant ones are counted, their ids on hover (a card stays small). */
const MAX_NAMED = 4;

function WorkloadChips({ workloads }: { workloads: readonly WorkloadNow[] }) {
  const shown = workloads.slice(0, MAX_NAMED);
  return (
    <ul className="sov-chips">
      {shown.map((w) => (
        <li
          key={w.workload}
          className="sov-chip is-bad"
          title={`${w.ruleId}: ${w.reason}`}
          data-workload={w.workload}
        >
          {w.workload}
        </li>
      ))}
      {workloads.length > shown.length && (
        <li className="sov-chip">+{workloads.length - shown.length} more</li>
      )}
    </ul>
  );
}

/**
 * For each tenant, its workloads by country now, violations in red; workloads last seen at a site
 * that did not answer are listed apart as "unknown now", never among the compliant.
 */
export function TenantCards({ groups }: { groups: readonly TenantGroup[] }) {
  return (
    <section className="sov-section" aria-labelledby="sov-tenants-title">
      <h2 className="section-title" id="sov-tenants-title">
        Tenants
      </h2>
      {groups.length === 0 ? (
        <p className="sov-empty">No workloads running at the sites that answered.</p>
      ) : (
        <div className="sov-cards">
          {groups.map((g) => (
            <article
              key={g.tenant}
              className={`sov-card${g.violations > 0 ? ' is-bad' : ''}`}
              data-testid="tenant-card"
              data-tenant={g.tenant}
              data-violations={g.violations}
              aria-label={`Tenant ${g.tenant}`}
            >
              <header className="sov-card-head">
                <h3 className="sov-card-title" style={oneLine()} title={g.tenant}>
                  {g.tenant}
                </h3>
                <span className="muted">{countOf(g.known, 'workload')}</span>
                {g.violations > 0 && (
                  <span className="sov-bad-text">{countOf(g.violations, 'violation')}</span>
                )}
              </header>
              <ul className="sov-countries">
                {g.countries.map((c) => (
                  <li
                    key={c.country}
                    className={c.violations > 0 ? 'is-bad' : undefined}
                    data-country={c.country}
                    data-count={c.workloads.length}
                  >
                    <div className="sov-country-row">
                      <span title={c.sites.join(', ')}>{countryLabel(c.country)}</span>
                      <span className="sov-count" title={c.workloads.map((w) => w.workload).join(', ')}>
                        {c.workloads.length}
                        {c.violations > 0 && (
                          <span className="sov-bad-text"> · {c.violations} in violation</span>
                        )}
                      </span>
                    </div>
                    {c.violations > 0 && <WorkloadChips workloads={c.workloads.filter((w) => !w.allowed)} />}
                  </li>
                ))}
                {g.unknown.length > 0 && (
                  <li className="is-unknown" data-country="" data-count={g.unknown.length}>
                    <div className="sov-country-row">
                      <span
                        className="sov-unknown-text"
                        title={`Last seen at ${[...new Set(g.unknown.map((w) => w.siteName))].join(', ')}, whose scheduler did not answer`}
                      >
                        Unknown now
                      </span>
                      <span className="sov-count">{g.unknown.length}</span>
                    </div>
                  </li>
                )}
              </ul>
            </article>
          ))}
        </div>
      )}
    </section>
  );
}
