import { geoNaturalEarth1, geoPath, type GeoProjection } from 'd3-geo';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import countriesTopo from 'world-atlas/countries-110m.json';

/**
 * The land every map of the console draws (the fleet map, the Placement page's plan map), so they
 * share one projection setup and the atlas is parsed once per page load.
 */

// The 110m atlas (DESIGN.md, "Bundle") minus Antarctica, which holds no sites and would take a
// fifth of the height.
const topo = countriesTopo as unknown as Topology<{ countries: GeometryCollection }>;
const ANTARCTICA = '010';
export const LAND: FeatureCollection<Geometry> = (() => {
  const all = feature(topo, topo.objects.countries);
  return { type: 'FeatureCollection', features: all.features.filter((f: Feature) => f.id !== ANTARCTICA) };
})();

export const MAP_PAD = 10;

export interface CountryPath {
  key: string;
  d: string;
}

/** The land fitted into a `width` × `height` box less `pad` each side; null when too small to draw. */
export function fitWorld(width: number, height: number, pad = MAP_PAD): GeoProjection | null {
  if (width < 2 * pad || height < 2 * pad) return null;
  return geoNaturalEarth1().fitExtent(
    [
      [pad, pad],
      [width - pad, height - pad],
    ],
    LAND,
  );
}

/** Each country's outline as an SVG path in the projection's pixels. */
export function countryPaths(projection: GeoProjection): CountryPath[] {
  const path = geoPath(projection);
  return LAND.features.map((f, i) => ({ key: String(f.id ?? i), d: path(f) ?? '' }));
}
