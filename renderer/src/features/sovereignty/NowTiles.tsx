import { useId, type ReactNode } from 'react';
import { NO_DATA } from '../../lib/format';
import type { NowCounts } from './tenantGroups';
import { countOf } from './residencyFormat';

interface TileProps {
  testId: string;
  label: string;
  value: number | null;
  tone?: 'bad' | 'ok';
  title?: string;
  sub?: ReactNode;
}

function Tile({ testId, label, value, tone, title, sub }: TileProps) {
  const id = useId();
  return (
    <div
      className={`sov-tile${tone ? ` is-${tone}` : ''}`}
      data-testid={testId}
      data-value={value ?? ''}
      role="group"
      aria-labelledby={id}
      title={title}
    >
      <div className="sov-tile-label" id={id}>
        {label}
      </div>
      <div className={`sov-tile-value${value === null ? ' is-unknown' : ''}`}>
        {value === null ? NO_DATA : value.toLocaleString('en-US')}
      </div>
      {sub && <div className="sov-tile-sub">{sub}</div>}
    </div>
  );
}

/** Workloads, violations, tenants, jurisdictions now; "—" until the first answer, never a zero. */
export function NowTiles({ counts, unknownSites }: { counts: NowCounts | null; unknownSites: number }) {
  const c = counts;
  return (
    <section className="sov-tiles" aria-label="Now">
      <Tile
        testId="tile-workloads"
        label="Workloads running"
        value={c?.running ?? null}
        title="Running at sites whose scheduler answered this tick"
        sub={
          c && c.unknown > 0 ? (
            <span className="sov-unknown-text">
              + {countOf(c.unknown, 'workload')} unknown now ({countOf(unknownSites, 'site')} not answering)
            </span>
          ) : c && unknownSites > 0 ? (
            <span className="sov-unknown-text">{countOf(unknownSites, 'site')} not answering</span>
          ) : undefined
        }
      />
      <Tile
        testId="tile-violations"
        label="Violations"
        value={c ? c.violations + c.violationsUnknown : null}
        tone={c ? (c.violations + c.violationsUnknown > 0 ? 'bad' : 'ok') : undefined}
        title="Workloads running where the residency policy does not allow them"
        sub={
          c && c.violationsUnknown > 0
            ? `${countOf(c.violationsUnknown, 'violation')} last seen at sites not answering`
            : undefined
        }
      />
      <Tile testId="tile-tenants" label="Tenants" value={c?.tenants ?? null} />
      <Tile
        testId="tile-jurisdictions"
        label="Jurisdictions"
        value={c?.jurisdictions ?? null}
        title="Countries where workloads run now (at sites that answered)"
      />
    </section>
  );
}
