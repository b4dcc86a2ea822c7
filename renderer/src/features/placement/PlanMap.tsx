import { memo, useMemo } from 'react';
import type { MoveView } from '../../../../shared/placement';
import { useElementSize } from '../../lib/useElementSize';
import { useAppStore } from '../../store/appStore';
import { geometryKey, parseGeometryKey, projectSites } from '../map/siteLayout';
import { countryPaths, fitWorld, type CountryPath } from '../map/worldLand';
import { countOf } from '../sustainability/wasteFormat';
import { arcOpacity, planGeometry, ringRadius, type XY } from './planArcs';

/** Arcs drawn at most: past this a region's evacuation is a smear, and the table says the rest. */
const MAX_ARCS = 1000;
/** One plan map per page, so a fixed id for the arrowhead is safe (and valid in a url()). */
const ARROW_ID = 'placement-arrow';

const Land = memo(function Land({ paths }: { paths: CountryPath[] }) {
  return (
    <g className="map-countries" aria-hidden="true">
      {paths.map((p) => (
        <path key={p.key} d={p.d} />
      ))}
    </g>
  );
});

/**
 * The plan on the world: an arc per cross-site move from its site to its target (arrowhead at the
 * target), a ring on each site with moves inside it. Same land and projection as the fleet map
 * (map/worldLand.ts), without its zoom: a plan is read at a glance. Site positions come from the
 * fleet snapshot; the projection is keyed on where sites are, so a tick does not redraw it.
 */
export function PlanMap({ moves }: { moves: readonly MoveView[] }) {
  const [sizeRef, size] = useElementSize<HTMLDivElement>();
  const geoKey = useAppStore((s) => geometryKey(s.sites));
  const projection = useMemo(() => fitWorld(size.width, size.height), [size.width, size.height]);
  const land = useMemo(() => (projection ? countryPaths(projection) : []), [projection]);
  const points = useMemo(() => {
    const m = new Map<string, XY>();
    if (!projection) return m;
    for (const p of projectSites(parseGeometryKey(geoKey), (ll) => projection(ll))) m.set(p.id, [p.x, p.y]);
    return m;
  }, [geoKey, projection]);
  const geo = useMemo(() => planGeometry(moves, (id) => points.get(id) ?? null, MAX_ARCS), [moves, points]);

  const crossSite = moves.filter((m) => m.crossSite).length;
  const summary = `Plan map: ${countOf(crossSite, 'move')} between sites, ${countOf(geo.rings.length, 'site')} with moves inside.`;

  return (
    <section className="placement-map" aria-label="Plan map" data-testid="placement-map">
      <div className="placement-map-wrap" ref={sizeRef}>
        {projection && (
          <svg
            className="map-svg"
            role="img"
            aria-label={summary}
            width={size.width}
            height={size.height}
            data-arcs={geo.arcs.length}
          >
            <defs>
              <marker
                id={ARROW_ID}
                viewBox="0 0 10 10"
                refX="9"
                refY="5"
                markerWidth="6"
                markerHeight="6"
                orient="auto-start-reverse"
              >
                <path d="M0,0 L10,5 L0,10 z" className="placement-arrowhead" />
              </marker>
            </defs>
            <Land paths={land} />
            <g className="placement-arcs" strokeOpacity={arcOpacity(geo.arcs.length)}>
              {geo.arcs.map((a) => (
                <path
                  key={a.key}
                  d={a.d}
                  data-testid="plan-arc"
                  data-from={a.from}
                  data-to={a.to}
                  markerEnd={`url(#${ARROW_ID})`}
                >
                  <title>{a.label}</title>
                </path>
              ))}
            </g>
            <g className="placement-sites">
              {geo.dots.map((d) => (
                <circle key={d.siteId} cx={d.x} cy={d.y} r={3}>
                  <title>{d.siteId}</title>
                </circle>
              ))}
            </g>
            <g className="placement-rings">
              {geo.rings.map((r) => (
                <circle
                  key={r.siteId}
                  cx={r.x}
                  cy={r.y}
                  r={ringRadius(r.moves)}
                  data-testid="plan-ring"
                  data-site={r.siteId}
                >
                  <title>{`${r.siteId}: ${countOf(r.moves, 'move')} within the site, ${countOf(r.gpus, 'GPU')}`}</title>
                </circle>
              ))}
            </g>
          </svg>
        )}
      </div>
      <p className="hint placement-map-legend">
        <span className="placement-key-arc" aria-hidden="true" /> move between sites (arrow at the target){' '}
        <span className="placement-key-ring" aria-hidden="true" /> moves within a site
        {geo.unmapped > 0 &&
          ` · ${countOf(geo.unmapped, 'move')} not drawn: a site of theirs is not on the map`}
        {geo.notDrawn > 0 && ` · ${countOf(geo.notDrawn, 'more arc')} not drawn (see the table)`}
      </p>
    </section>
  );
}
