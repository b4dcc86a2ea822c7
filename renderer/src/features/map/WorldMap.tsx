import { memo, useCallback, useMemo, useState, type KeyboardEvent } from 'react';
import { geoNaturalEarth1, geoPath, type GeoProjection } from 'd3-geo';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import countriesTopo from 'world-atlas/countries-110m.json';
import { useShallow } from 'zustand/react/shallow';
import type { SiteSummary } from '../../../../shared/domain';
import { useAppStore } from '../../store/appStore';
import { useElementSize } from '../../lib/useElementSize';
import {
  markerRadius,
  maxMarkerRadius,
  NO_DATA_FILL,
  NO_DATA_PATTERN_ID,
  statusRing,
  utilColor,
} from './siteStyle';
import { siteAccessibleName } from '../sites/siteText';
import { MapLegend } from './MapLegend';
import { SiteTooltip } from './SiteTooltip';

// Parsed once per page load: the 110m atlas (DESIGN.md, "Bundle") minus Antarctica, which holds no
// sites and would take a fifth of the height.
const topo = countriesTopo as unknown as Topology<{ countries: GeometryCollection }>;
const ANTARCTICA = '010';
const LAND: FeatureCollection<Geometry> = (() => {
  const all = feature(topo, topo.objects.countries);
  return { type: 'FeatureCollection', features: all.features.filter((f: Feature) => f.id !== ANTARCTICA) };
})();
const PAD = 10;

interface CountryPath {
  key: string;
  d: string;
}

/** The countries only change when the map is resized, so they render apart from the markers. */
const CountryLayer = memo(function CountryLayer({ paths }: { paths: CountryPath[] }) {
  return (
    <g className="map-countries" aria-hidden="true">
      {paths.map((p) => (
        <path key={p.key} d={p.d} />
      ))}
    </g>
  );
});

interface Hover {
  siteId: string;
  /** Focus keeps the tooltip until blur; a pointer leaving does not close a keyboard-opened one. */
  by: 'pointer' | 'focus';
}

/** Offline world map with one marker per site (SVG: fine up to ~1,000 sites, DESIGN.md). */
export function WorldMap() {
  const [ref, size] = useElementSize<HTMLDivElement>();
  const { sites, latestAt, selectedSiteId, selectSite } = useAppStore(
    useShallow((s) => ({
      sites: s.sites,
      latestAt: s.totals?.at ?? null,
      selectedSiteId: s.selectedSiteId,
      selectSite: s.selectSite,
    })),
  );
  const [hover, setHover] = useState<Hover | null>(null);

  // Project once per size, not per tick.
  const projection = useMemo<GeoProjection | null>(() => {
    if (size.width < 2 * PAD || size.height < 2 * PAD) return null;
    return geoNaturalEarth1().fitExtent(
      [
        [PAD, PAD],
        [size.width - PAD, size.height - PAD],
      ],
      LAND,
    );
  }, [size.width, size.height]);

  const countryPaths = useMemo<CountryPath[]>(() => {
    if (!projection) return [];
    const path = geoPath(projection);
    return LAND.features.map((f, i) => ({ key: String(f.id ?? i), d: path(f) ?? '' }));
  }, [projection]);

  const markers = useMemo(() => {
    if (!projection) return [];
    const maxGpus = sites.reduce((m, s) => Math.max(m, s.gpus), 0);
    const maxR = maxMarkerRadius(sites.length);
    const minR = Math.min(3, maxR / 2);
    return sites
      .map((site) => {
        const xy = projection([site.lon, site.lat]);
        return xy ? { site, x: xy[0], y: xy[1], r: markerRadius(site.gpus, maxGpus, minR, maxR) } : null;
      })
      .filter((m): m is NonNullable<typeof m> => m !== null)
      .sort((a, b) => b.r - a.r); // big ones first, so small sites stay visible and clickable on top
  }, [sites, projection]);

  const hovered = hover ? markers.find((m) => m.site.id === hover.siteId) : undefined;

  const onLeave = useCallback(() => setHover((h) => (h?.by === 'pointer' ? null : h)), []);
  const onBlur = useCallback(() => setHover((h) => (h?.by === 'focus' ? null : h)), []);

  return (
    <section className="map-panel" aria-label="Sites on the world map">
      <div className="map-wrap" ref={ref}>
        {projection && (
          <svg
            className="map-svg"
            role="group"
            aria-label="World map of sites"
            width={size.width}
            height={size.height}
          >
            <defs>
              <pattern
                id={NO_DATA_PATTERN_ID}
                width="4"
                height="4"
                patternUnits="userSpaceOnUse"
                patternTransform="rotate(45)"
              >
                <rect width="4" height="4" fill="#30363d" />
                <line x1="0" y1="0" x2="0" y2="4" stroke="#8b949e" strokeWidth="1.5" />
              </pattern>
            </defs>
            <CountryLayer paths={countryPaths} />
            <g className="map-markers">
              {markers.map(({ site, x, y, r }) => (
                <SiteMarker
                  key={site.id}
                  site={site}
                  x={x}
                  y={y}
                  r={r}
                  selected={site.id === selectedSiteId}
                  onActivate={selectSite}
                  onHover={setHover}
                  onLeave={onLeave}
                  onBlur={onBlur}
                />
              ))}
            </g>
          </svg>
        )}
        {hovered && (
          <SiteTooltip
            site={hovered.site}
            latestAt={latestAt}
            x={hovered.x}
            y={hovered.y}
            r={hovered.r}
            width={size.width}
          />
        )}
        {sites.length === 0 && <p className="map-empty">No sites yet — waiting for the fleet snapshot.</p>}
      </div>
      <MapLegend />
    </section>
  );
}

interface SiteMarkerProps {
  site: SiteSummary;
  x: number;
  y: number;
  r: number;
  selected: boolean;
  onActivate: (siteId: string) => void;
  onHover: (h: Hover) => void;
  onLeave: () => void;
  onBlur: () => void;
}

function SiteMarker({ site, x, y, r, selected, onActivate, onHover, onLeave, onBlur }: SiteMarkerProps) {
  const fill = utilColor(site.utilPct) ?? NO_DATA_FILL;
  const ring = statusRing(site.status);
  const onKeyDown = (e: KeyboardEvent<SVGGElement>) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      onActivate(site.id);
    }
  };
  return (
    <g
      className={`site-marker${selected ? ' is-selected' : ''}`}
      role="button"
      tabIndex={0}
      aria-label={siteAccessibleName(site)}
      aria-current={selected ? 'true' : undefined}
      data-testid="site-marker"
      data-site-id={site.id}
      data-status={site.status}
      transform={`translate(${x.toFixed(1)} ${y.toFixed(1)})`}
      onClick={() => onActivate(site.id)}
      onKeyDown={onKeyDown}
      onMouseEnter={() => onHover({ siteId: site.id, by: 'pointer' })}
      onMouseLeave={onLeave}
      onFocus={() => onHover({ siteId: site.id, by: 'focus' })}
      onBlur={onBlur}
    >
      {/* Tiny sites get a slightly larger transparent disc so they are still easy to hit. */}
      {r < 6 && <circle className="marker-hit" r={6} />}
      {ring && (
        <circle
          className="marker-ring"
          r={r + 3}
          stroke={ring.color}
          strokeDasharray={ring.dash}
          fill="none"
        />
      )}
      <circle className="marker-dot" r={r} fill={fill} />
      <circle className="marker-focus" r={r + (ring ? 6 : 4)} fill="none" />
    </g>
  );
}
