import { useId, useMemo, useState } from 'react';
import { useElementSize } from '../../lib/useElementSize';
import { useAppStore } from '../../store/appStore';
import { countryPaths, fitWorld } from '../map/worldLand';
import { countOf } from '../sustainability/wasteFormat';
import { parseLatLon, sitesWithinBudget } from './latencyBudget';

const DEFAULT_BUDGET_MS = 30;

/**
 * "Which sites can serve users here within N ms?" — the planner's own round-trip estimate
 * (great-circle distance at fibre speed plus each site's overhead) on a map: sites within the
 * budget bright, the rest dim, and the list nearest first. Users are placed at a site's city or at
 * a latitude and longitude.
 */
export function LatencyBudget() {
  const id = useId();
  // Positions only (a string, equal across ticks): a tick's new figures do not move a site.
  const placesKey = useAppStore((s) => JSON.stringify(s.sites.map((x) => [x.id, x.name, x.lat, x.lon])));
  const sites = useMemo(
    () =>
      (JSON.parse(placesKey) as [string, string, number, number][]).map(([id, name, lat, lon]) => ({
        id,
        name,
        lat,
        lon,
      })),
    [placesKey],
  );
  const [near, setNear] = useState('');
  const [custom, setCustom] = useState('');
  const [budget, setBudget] = useState(String(DEFAULT_BUDGET_MS));
  const [sizeRef, size] = useElementSize<HTMLDivElement>();
  const projection = useMemo(() => fitWorld(size.width, size.height), [size.width, size.height]);
  const land = useMemo(() => (projection ? countryPaths(projection) : []), [projection]);

  const site = sites.find((s) => s.id === near);
  const users = near === '' ? parseLatLon(custom) : site ? { lat: site.lat, lon: site.lon } : null;
  const budgetMs = Number(budget);
  const budgetOk = Number.isFinite(budgetMs) && budgetMs > 0 && budgetMs <= 10_000;
  // Cheap (one distance per site): computed on each render rather than memoised.
  const rows = users && budgetOk ? sitesWithinBudget(users, budgetMs, sites) : [];
  const within = rows.filter((r) => r.within);
  const usersXY = users && projection ? projection([users.lon, users.lat]) : null;

  return (
    <section className="panel placement-latency" aria-labelledby={`${id}-h`} data-testid="latency-check">
      <h2 id={`${id}-h`} className="panel-title">
        Within a round-trip budget
      </h2>
      <div className="placement-latency-form">
        <div className="field">
          <label htmlFor={`${id}-near`}>Users near</label>
          <select
            id={`${id}-near`}
            value={near}
            onChange={(e) => setNear(e.target.value)}
            data-testid="latency-near"
          >
            <option value="">a place (latitude, longitude)</option>
            {sites.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name} ({s.id})
              </option>
            ))}
          </select>
        </div>
        {near === '' && (
          <div className="field">
            <label htmlFor={`${id}-ll`}>Latitude, longitude</label>
            <input
              id={`${id}-ll`}
              value={custom}
              placeholder="50.11, 8.68"
              onChange={(e) => setCustom(e.target.value)}
              data-testid="latency-latlon"
              aria-invalid={custom !== '' && !users}
            />
          </div>
        )}
        <div className="field">
          <label htmlFor={`${id}-ms`}>Budget (ms)</label>
          <input
            id={`${id}-ms`}
            type="number"
            min={1}
            max={10000}
            value={budget}
            onChange={(e) => setBudget(e.target.value)}
            data-testid="latency-budget"
            aria-invalid={!budgetOk}
          />
        </div>
      </div>
      {!users ? (
        <p className="hint">
          Pick a site or type a latitude and longitude to see which sites are within the budget.
        </p>
      ) : (
        <p className="hint" data-testid="latency-summary" aria-live="polite">
          {countOf(within.length, 'site')} of {sites.length} within {budgetMs} ms round trip (≈ 1 ms per 100
          km of fibre, plus 2 ms per site).
        </p>
      )}
      <div className="placement-latency-body">
        <div className="placement-latency-map" ref={sizeRef}>
          {projection && (
            <svg
              className="map-svg"
              width={size.width}
              height={size.height}
              role="img"
              aria-label="Sites within the budget"
            >
              <g className="map-countries" aria-hidden="true">
                {land.map((p) => (
                  <path key={p.key} d={p.d} />
                ))}
              </g>
              {rows.map((r) => {
                const xy = projection([r.lon, r.lat]);
                return xy ? (
                  <circle
                    key={r.id}
                    cx={xy[0]}
                    cy={xy[1]}
                    r={r.within ? 4 : 2.5}
                    className={r.within ? 'latency-within' : 'latency-outside'}
                  >
                    <title>{`${r.name}: ${r.rttMs.toFixed(1)} ms`}</title>
                  </circle>
                ) : null;
              })}
              {usersXY && (
                <path
                  className="latency-users"
                  d={`M${usersXY[0] - 5},${usersXY[1]}h10M${usersXY[0]},${usersXY[1] - 5}v10`}
                />
              )}
            </svg>
          )}
        </div>
        {rows.length > 0 && (
          <ol className="placement-latency-list">
            {rows.slice(0, 12).map((r) => (
              <li key={r.id} data-testid="latency-site" data-within={r.within} data-site={r.id}>
                <span className={r.within ? 'latency-within-text' : 'nodata'}>{r.rttMs.toFixed(1)} ms</span>{' '}
                {r.name}
              </li>
            ))}
          </ol>
        )}
      </div>
    </section>
  );
}
