import {
  memo,
  useCallback,
  useId,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
  type MouseEvent,
} from 'react';
import type { GeoProjection } from 'd3-geo';
import { useShallow } from 'zustand/react/shallow';
import type { SiteSummary } from '../../../../shared/domain';
import { useAppStore } from '../../store/appStore';
import { useElementSize } from '../../lib/useElementSize';
import { siteAccessibleName } from '../sites/siteText';
import { ClusterMarker } from './ClusterMarker';
import { ClusterTooltip } from './ClusterTooltip';
import { clusterAccessibleName, summariseSites } from './clusterSummary';
import { colorScale, siteFill, type MapColorMode } from './colorModes';
import { clusterFacts, clusterMark, siteFacts, siteMark, withWords, type MapMarkData } from './mapMarks';
import { ColorModeControl, ZoomControls } from './MapControls';
import type { MapHover } from './mapHover';
import { MapLegend } from './MapLegend';
import {
  clampView,
  HOME,
  MAX_K,
  MIN_K,
  PAN_STEP,
  panBy,
  sameView,
  STEP,
  svgTransform,
  zoomAround,
  zoomToBox,
  type MapView,
} from './mapView';
import {
  boxOf,
  geometryKey,
  layoutAtZoom,
  parseGeometryKey,
  projectSites,
  visibleMarkers,
} from './siteLayout';
import { SiteMarker } from './SiteMarker';
import { NO_DATA_PATTERN_ID, statusRing } from './siteStyle';
import { SiteTooltip } from './SiteTooltip';
import { useMapGestures } from './useMapGestures';
import { useMapMarkData } from './useMapMarkData';
import { countryPaths as projectCountries, fitWorld, type CountryPath } from './worldLand';

/**
 * The countries are projected once per map size and drawn in base pixels; a zoom only changes the
 * group's transform (strokes stay hairlines through `non-scaling-stroke`).
 */
const CountryLayer = memo(function CountryLayer({
  paths,
  transform,
}: {
  paths: CountryPath[];
  transform?: string;
}) {
  return (
    <g className="map-countries" aria-hidden="true" transform={transform}>
      {paths.map((p) => (
        <path key={p.key} d={p.d} vectorEffect="non-scaling-stroke" />
      ))}
    </g>
  );
});

/**
 * Offline world map of the fleet (issue 4): one marker per site, merged into status-donut clusters
 * where markers would overlap at the current zoom; wheel/drag/double-click/buttons/keys zoom and pan.
 * A tick only recolours: projection and clustering are keyed on where sites are, not on their numbers.
 * SVG is fine up to ~1,000 markers (DESIGN.md).
 */
export function WorldMap() {
  const [sizeRef, size] = useElementSize<HTMLDivElement>();
  const { sites, latestAt, selectedSiteId, selectSite } = useAppStore(
    useShallow((s) => ({
      sites: s.sites,
      latestAt: s.totals?.at ?? null,
      selectedSiteId: s.selectedSiteId,
      selectSite: s.selectSite,
    })),
  );
  const [mode, setMode] = useState<MapColorMode>('util');
  const [rawView, setRawView] = useState<MapView>(HOME);
  const [hover, setHover] = useState<MapHover | null>(null);
  const hintId = useId();

  const view = useMemo(() => clampView(rawView, size), [rawView, size]);

  // Project once per size, not per tick.
  const projection = useMemo<GeoProjection | null>(
    () => fitWorld(size.width, size.height),
    [size.width, size.height],
  );

  const countryPaths = useMemo<CountryPath[]>(
    () => (projection ? projectCountries(projection) : []),
    [projection],
  );

  // Geometry first (changes when sites move, appear or go), then colours (change every tick).
  const geoKey = geometryKey(sites);
  const basePoints = useMemo(
    () => (projection ? projectSites(parseGeometryKey(geoKey), (p) => projection(p)) : []),
    [geoKey, projection],
  );
  const baseById = useMemo(() => new Map(basePoints.map((p) => [p.id, p])), [basePoints]);
  const layout = useMemo(() => layoutAtZoom(basePoints, view.k), [basePoints, view.k]);
  // Zoomed in, most markers are off-screen: not mounting them keeps a zoom's commit and every tick
  // cheap (a few hundred fewer SVG groups), and keeps Tab on what can be seen.
  const visible = useMemo(() => visibleMarkers(layout, view, size), [layout, view, size]);

  const siteById = useMemo(() => new Map(sites.map((s) => [s.id, s])), [sites]);
  const scale = useMemo(() => colorScale(mode, sites), [mode, sites]);
  const { data: marks, note: modeNote } = useMapMarkData(mode);

  // A zoom or pan can unmount the focused marker (a cluster splits, a site joins one or leaves the
  // screen): focus then returns to the map, so +/- and the arrows keep working.
  const wrapEl = useRef<HTMLDivElement | null>(null);
  const refocus = useRef(false);
  useLayoutEffect(() => {
    const el = wrapEl.current;
    if (refocus.current && el && !el.contains(document.activeElement)) el.focus({ preventScroll: true });
    refocus.current = false;
  }, [layout, view]);

  const onCommit = useCallback((next: MapView) => {
    refocus.current ||= !!wrapEl.current?.contains(document.activeElement);
    setRawView(next);
    setHover(null);
  }, []);
  const onGestureStart = useCallback(() => setHover(null), []);
  const { zoom, surfaceRef, layerRef, pointer } = useMapGestures({ view, size, onCommit, onGestureStart });

  const wrapRef = useCallback(
    (el: HTMLDivElement | null) => {
      wrapEl.current = el;
      const unSize = sizeRef(el);
      const unSurface = surfaceRef(el);
      return () => {
        unSize?.();
        unSurface?.();
        wrapEl.current = null;
      };
    },
    [sizeRef, surfaceRef],
  );

  const zoomToCluster = useCallback(
    (key: string) => {
      const cluster = layout.find((c) => c.key === key);
      const box = cluster ? boxOf(cluster.ids, baseById) : null;
      if (!box) return;
      zoom((from, extent) => zoomToBox(from, box, extent));
    },
    [layout, baseById, zoom],
  );

  const zoomAtCentre = (factor: number) => {
    zoom((from, extent) => zoomAround(from, extent.width / 2, extent.height / 2, factor, extent));
  };
  const reset = () => {
    zoom(() => HOME);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    // Zoom around the focused marker, so it stays where the eye is; else around the middle.
    const wrap = e.currentTarget.getBoundingClientRect();
    const marker = e.target instanceof Element ? e.target.closest('.site-marker, .cluster-marker') : null;
    const box = marker?.getBoundingClientRect();
    const px = box ? box.left + box.width / 2 - wrap.left : size.width / 2;
    const py = box ? box.top + box.height / 2 - wrap.top : size.height / 2;
    let make: ((from: MapView) => MapView) | null = null;
    switch (e.key) {
      case '+':
      case '=':
        make = (from) => zoomAround(from, px, py, STEP, size);
        break;
      case '-':
      case '_':
        make = (from) => zoomAround(from, px, py, 1 / STEP, size);
        break;
      case '0':
        make = () => HOME;
        break;
      case 'ArrowLeft':
        make = (from) => panBy(from, PAN_STEP, 0, size);
        break;
      case 'ArrowRight':
        make = (from) => panBy(from, -PAN_STEP, 0, size);
        break;
      case 'ArrowUp':
        make = (from) => panBy(from, 0, PAN_STEP, size);
        break;
      case 'ArrowDown':
        make = (from) => panBy(from, 0, -PAN_STEP, size);
        break;
    }
    if (!make) return;
    e.preventDefault();
    zoom(make);
  };

  const onDoubleClick = (e: MouseEvent<HTMLDivElement>) => {
    const target = e.target instanceof Element ? e.target : null;
    if (!target || target.closest('.map-controls, .site-marker')) return;
    const cluster = target.closest('[data-cluster-key]');
    if (cluster) {
      zoomToCluster(cluster.getAttribute('data-cluster-key') ?? '');
      return;
    }
    const rect = e.currentTarget.getBoundingClientRect();
    const [px, py] = [e.clientX - rect.left, e.clientY - rect.top];
    zoom((from, extent) => zoomAround(from, px, py, e.shiftKey ? 1 / STEP : STEP, extent));
  };

  const onLeave = useCallback(() => setHover((h) => (h?.by === 'pointer' ? null : h)), []);
  const onBlur = useCallback(() => setHover((h) => (h?.by === 'focus' ? null : h)), []);

  const hovered = hover ? layout.find((c) => c.key === hover.key) : undefined;
  const tooltip = hovered ? renderTooltip(hovered, siteById, view, latestAt, size.width, mode, marks) : null;

  return (
    <section className="map-panel" aria-label="Sites on the world map">
      <div
        className="map-wrap"
        ref={wrapRef}
        tabIndex={0}
        role="group"
        aria-label="Map view"
        aria-describedby={hintId}
        onKeyDown={onKeyDown}
        onDoubleClick={onDoubleClick}
        {...pointer}
      >
        <div className="map-layer" ref={layerRef}>
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
              <CountryLayer paths={countryPaths} transform={svgTransform(view)} />
              <g className="map-markers">
                {visible.map((c) => {
                  const x = c.x + view.x;
                  const y = c.y + view.y;
                  if (c.ids.length === 1) {
                    const site = siteById.get(c.key);
                    if (!site) return null;
                    const mark = siteMark(mode, marks, site);
                    return (
                      <SiteMarker
                        key={c.key}
                        siteId={site.id}
                        x={x}
                        y={y}
                        r={c.r}
                        fill={siteFill(scale, site, marks.alerts)}
                        ring={statusRing(site.status)}
                        badge={mark.badge}
                        badgeText={mark.badgeText}
                        label={withWords(siteAccessibleName(site), mark.words)}
                        status={site.status}
                        selected={site.id === selectedSiteId}
                        onActivate={selectSite}
                        onHover={setHover}
                        onLeave={onLeave}
                        onBlur={onBlur}
                      />
                    );
                  }
                  const list = members(c.ids, siteById);
                  const summary = summariseSites(list);
                  const mark = clusterMark(mode, marks, list);
                  return (
                    <ClusterMarker
                      key={c.key}
                      clusterKey={c.key}
                      x={x}
                      y={y}
                      r={c.r}
                      count={summary.sites}
                      ok={summary.ok}
                      degraded={summary.degraded}
                      down={summary.down}
                      badge={mark.badge}
                      badgeText={mark.badgeText}
                      label={withWords(clusterAccessibleName(summary), mark.words)}
                      hasSelected={selectedSiteId !== null && c.ids.includes(selectedSiteId)}
                      describedBy={hintId}
                      onZoom={zoomToCluster}
                      onHover={setHover}
                      onLeave={onLeave}
                      onBlur={onBlur}
                    />
                  );
                })}
              </g>
            </svg>
          )}
        </div>
        {tooltip}
        {sites.length === 0 && <p className="map-empty">No sites yet — waiting for the fleet snapshot.</p>}
        <ColorModeControl mode={mode} onMode={setMode} />
        <ZoomControls
          canZoomIn={view.k < MAX_K}
          canZoomOut={view.k > MIN_K}
          isHome={sameView(view, HOME)}
          onZoomIn={() => zoomAtCentre(STEP)}
          onZoomOut={() => zoomAtCentre(1 / STEP)}
          onReset={reset}
        />
        <p id={hintId} className="visually-hidden">
          Clusters: press Enter or double-click to zoom in. Map: plus and minus keys zoom, arrow keys pan, 0
          resets the view.
        </p>
      </div>
      <MapLegend scale={scale} note={modeNote} />
    </section>
  );
}

function members(ids: readonly string[], byId: ReadonlyMap<string, SiteSummary>): SiteSummary[] {
  const out: SiteSummary[] = [];
  for (const id of ids) {
    const s = byId.get(id);
    if (s) out.push(s);
  }
  return out;
}

function renderTooltip(
  marker: { key: string; x: number; y: number; r: number; ids: string[] },
  siteById: ReadonlyMap<string, SiteSummary>,
  view: MapView,
  latestAt: number | null,
  width: number,
  mode: MapColorMode,
  marks: MapMarkData,
) {
  const x = marker.x + view.x;
  const y = marker.y + view.y;
  if (marker.ids.length === 1) {
    const site = siteById.get(marker.key);
    return site ? (
      <SiteTooltip
        site={site}
        latestAt={latestAt}
        x={x}
        y={y}
        r={marker.r}
        width={width}
        facts={siteFacts(mode, marks, site)}
      />
    ) : null;
  }
  const list = members(marker.ids, siteById);
  const names = list.map((s) => s.name).sort((a, b) => a.localeCompare(b));
  return (
    <ClusterTooltip
      summary={summariseSites(list)}
      names={names}
      x={x}
      y={y}
      r={marker.r}
      width={width}
      facts={clusterFacts(mode, marks, list)}
    />
  );
}
