/**
 * Zoom and pan of the world map as plain maths. A view maps the fitted map ("base" pixels: the
 * NaturalEarth1 projection fitted to the map box at zoom 1) to the screen: screen = k · base + (x, y).
 * Markers keep their pixel size at every zoom; only their positions scale.
 */

export interface MapView {
  k: number;
  x: number;
  y: number;
}

export interface Extent {
  width: number;
  height: number;
}

/** Base pixels of a box: [x0, y0] top left, [x1, y1] bottom right. */
export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export const HOME: MapView = { k: 1, x: 0, y: 0 };
export const MIN_K = 1;
/** 32× of a ~900 px world map is ~80 px per degree: sites a few km apart come apart. */
export const MAX_K = 32;
/** One press of a zoom button or key. */
export const STEP = 2;
/** One press of an arrow key, in screen pixels. */
export const PAN_STEP = 80;

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

/** Keeps the zoom within bounds and the map covering the whole viewport (no panning off into the void). */
export function clampView(v: MapView, size: Extent): MapView {
  const k = clamp(Number.isFinite(v.k) ? v.k : 1, MIN_K, MAX_K);
  const x = clamp(Number.isFinite(v.x) ? v.x : 0, size.width * (1 - k), 0);
  const y = clamp(Number.isFinite(v.y) ? v.y : 0, size.height * (1 - k), 0);
  return { k, x, y };
}

export function sameView(a: MapView, b: MapView): boolean {
  return a.k === b.k && a.x === b.x && a.y === b.y;
}

/** Zoom by `factor` keeping the map point under screen point (px, py) where it is. */
export function zoomAround(v: MapView, px: number, py: number, factor: number, size: Extent): MapView {
  const k = clamp(v.k * factor, MIN_K, MAX_K);
  const bx = (px - v.x) / v.k;
  const by = (py - v.y) / v.k;
  return clampView({ k, x: px - k * bx, y: py - k * by }, size);
}

export function panBy(v: MapView, dx: number, dy: number, size: Extent): MapView {
  return clampView({ k: v.k, x: v.x + dx, y: v.y + dy }, size);
}

/**
 * Zoom into a box of base pixels (a cluster's members): centre it and fit it with `pad` pixels to spare,
 * but zoom in at least `STEP`× so a double-click always makes progress, even on sites that share a spot.
 */
export function zoomToBox(v: MapView, box: Box, size: Extent, pad = 40): MapView {
  const w = Math.max(0, box.x1 - box.x0);
  const h = Math.max(0, box.y1 - box.y0);
  const fitW = w > 0 ? Math.max(1, size.width - 2 * pad) / w : Infinity;
  const fitH = h > 0 ? Math.max(1, size.height - 2 * pad) / h : Infinity;
  const k = clamp(Math.max(Math.min(fitW, fitH), v.k * STEP), MIN_K, MAX_K);
  const cx = (box.x0 + box.x1) / 2;
  const cy = (box.y0 + box.y1) / 2;
  return clampView({ k, x: size.width / 2 - k * cx, y: size.height / 2 - k * cy }, size);
}

/**
 * Zoom factor of one wheel event, as d3-zoom computes it: a notch of a line-mode wheel (Firefox) or
 * ~100 px of a pixel-mode one (Chromium) is about 1.15×; a page-mode event is 2× per page.
 */
export function wheelFactor(deltaY: number, deltaMode: number): number {
  const perUnit = deltaMode === 1 ? 0.05 : deltaMode === 2 ? 1 : 0.002;
  return 2 ** (-deltaY * perUnit);
}

/**
 * The CSS transform that makes a layer drawn at view `from` look like view `to` (transform-origin 0 0).
 * Used during a gesture: the browser moves one composited layer per frame and nothing re-renders
 * (DESIGN.md, "Render budget"); the map is redrawn at `to` once the gesture ends.
 */
export function layerTransform(from: MapView, to: MapView): string {
  const s = to.k / from.k;
  const tx = to.x - s * from.x;
  const ty = to.y - s * from.y;
  return `translate(${round3(tx)}px, ${round3(ty)}px) scale(${round3(s)})`;
}

const round3 = (v: number) => Math.round(v * 1000) / 1000;

/** The transform attribute that draws base-pixel geometry (the countries) at a view. */
export function svgTransform(v: MapView): string | undefined {
  if (v.k === 1 && v.x === 0 && v.y === 0) return undefined;
  return `translate(${round3(v.x)} ${round3(v.y)}) scale(${round3(v.k)})`;
}
