import type { MoveView } from '../../../../shared/placement';
import { countOf } from '../sustainability/wasteFormat';

/**
 * The plan map's geometry, in pixels of whatever projection the caller uses: one arc per
 * cross-site move, a ring on each site with moves inside it, a dot on every site the plan touches.
 * Pure; the component only projects sites and draws what this returns.
 */

export type XY = readonly [number, number];

export interface PlanArc {
  key: string;
  d: string;
  from: string;
  to: string;
  gpus: number;
  /** For the arc's <title>: what moves where. */
  label: string;
}

export interface SiteRing {
  siteId: string;
  x: number;
  y: number;
  moves: number;
  gpus: number;
}

export interface SiteDot {
  siteId: string;
  x: number;
  y: number;
}

export interface PlanGeometry {
  arcs: PlanArc[];
  rings: SiteRing[];
  dots: SiteDot[];
  /** Moves left off the map because a site of theirs has no known position (not in the snapshot). */
  unmapped: number;
  /** Cross-site moves past the drawing cap. */
  notDrawn: number;
}

/** Arcs between the same two sites fan out over this many bends, so a bundle reads as a bundle. */
const FAN_LEVELS = 6;
const BEND = 0.18;
const BEND_STEP = 0.06;
/** Sites closer than this (px) — two in one city — get a small loop instead of an invisible arc. */
const SAME_POINT = 2;
const LOOP = 14;

const r1 = (v: number) => Math.round(v * 10) / 10;

/**
 * A quadratic curve from `a` to `b`, bowed to the left of the direction of travel by `bend` × the
 * distance: A→B and B→A bow to opposite sides, so moves both ways stay apart.
 */
export function arcPath(a: XY, b: XY, bend: number): string {
  const [x0, y0] = a;
  const [x1, y1] = b;
  const dx = x1 - x0;
  const dy = y1 - y0;
  const dist = Math.hypot(dx, dy);
  if (dist < SAME_POINT) {
    const up = LOOP * (1 + bend);
    return `M${r1(x0)},${r1(y0)} C${r1(x0 - LOOP / 2)},${r1(y0 - up)} ${r1(x0 + LOOP / 2)},${r1(y0 - up)} ${r1(x1)},${r1(y1)}`;
  }
  // The left normal of (dx, dy) in screen coordinates (y down) is (dy, -dx).
  const cx = (x0 + x1) / 2 + dy * bend;
  const cy = (y0 + y1) / 2 - dx * bend;
  return `M${r1(x0)},${r1(y0)} Q${r1(cx)},${r1(cy)} ${r1(x1)},${r1(y1)}`;
}

export function planGeometry(
  moves: readonly MoveView[],
  point: (siteId: string) => XY | null,
  maxArcs: number,
): PlanGeometry {
  const arcs: PlanArc[] = [];
  const rings = new Map<string, SiteRing>();
  const dots = new Map<string, SiteDot>();
  const perPair = new Map<string, number>();
  let unmapped = 0;
  let notDrawn = 0;

  const dot = (siteId: string, p: XY) => {
    if (!dots.has(siteId)) dots.set(siteId, { siteId, x: p[0], y: p[1] });
  };

  moves.forEach((m, i) => {
    const a = point(m.from.siteId);
    const b = point(m.to.siteId);
    if (!a || !b) {
      unmapped++;
      return;
    }
    dot(m.from.siteId, a);
    dot(m.to.siteId, b);
    if (!m.crossSite || m.from.siteId === m.to.siteId) {
      const ring = rings.get(m.from.siteId) ?? { siteId: m.from.siteId, x: a[0], y: a[1], moves: 0, gpus: 0 };
      ring.moves++;
      ring.gpus += m.gpus;
      rings.set(m.from.siteId, ring);
      return;
    }
    if (arcs.length >= maxArcs) {
      notDrawn++;
      return;
    }
    const pair = `${m.from.siteId}>${m.to.siteId}`;
    const k = perPair.get(pair) ?? 0;
    perPair.set(pair, k + 1);
    arcs.push({
      key: `${i}`,
      d: arcPath(a, b, BEND + (k % FAN_LEVELS) * BEND_STEP),
      from: m.from.siteId,
      to: m.to.siteId,
      gpus: m.gpus,
      label: `${m.workload}: ${m.from.siteId}/${m.from.hostname} → ${m.to.siteId}/${m.to.hostname}, ${countOf(m.gpus, 'GPU')}`,
    });
  });

  return { arcs, rings: [...rings.values()], dots: [...dots.values()], unmapped, notDrawn };
}

/** Ring radius for a site's within-site moves: grows with the count, gently (a wall screen, not a chart). */
export const ringRadius = (moves: number): number => Math.min(14, 5 + 2.2 * Math.log2(1 + moves));

/**
 * Arcs fade as they multiply: a region's evacuation of hundreds of moves reads as a bundle with
 * its busiest routes brightest, instead of a solid blot.
 */
export const arcOpacity = (arcs: number): number =>
  Math.max(0.2, Math.min(0.8, 3 / Math.sqrt(Math.max(1, arcs))));
