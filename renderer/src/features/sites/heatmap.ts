import type { SiteHealth } from '../../../../shared/nodes';
import { formatClock, formatClockSeconds, formatPct } from '../../lib/format';
import { utilColor } from '../map/siteStyle';

/**
 * The site page's nodes × time utilisation heatmap (issue 4), as plain data and arithmetic so the canvas
 * component only paints: rows sorted by hostname, cell colours from the map's utilisation ramp (one
 * scale across the console), hit-testing and the tooltip's words. A cell without a sample is null —
 * hatched, never the colour of 0 % (STYLE.md rule 9).
 */

export type Heatmap = SiteHealth['heatmap'];

export interface HeatRow {
  hostname: string;
  /** One value per column of `Heatmap.t`; null = no sample in that column. */
  util: readonly (number | null)[];
}

/** Rows of at most this many are shown at once; the rest scroll. */
export const HEATMAP_MAX_VISIBLE_ROWS = 64;

const byHost = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

/**
 * The heatmap's rows sorted by hostname (naturally: gpu-2 before gpu-10), each padded or cut to the
 * number of columns so a ragged answer never shifts a row against the time axis.
 */
export function heatRows(h: Heatmap): HeatRow[] {
  const cols = h.t.length;
  const rows = h.nodes.map((hostname, i) => {
    const src = h.util[i] ?? [];
    const util = Array.from({ length: cols }, (_, c) => cleanUtil(src[c]));
    return { hostname, util };
  });
  return rows.sort((a, b) => byHost.compare(a.hostname, b.hostname));
}

const cleanUtil = (v: number | null | undefined): number | null =>
  typeof v === 'number' && Number.isFinite(v) ? v : null;

/** A cell's fill: the map's utilisation ramp (0–100 %, clamped); null = no sample, to be hatched. */
export function heatCellColor(util: number | null | undefined): string | null {
  const v = cleanUtil(util);
  return v === null ? null : utilColor(v);
}

export interface HeatLayout {
  /** Width of the hostname gutter on the left, px. */
  labelWidth: number;
  rowHeight: number;
  /** Width of the whole drawing, px (gutter included). */
  width: number;
  columns: number;
}

/** Width of one time column, px; 0 when there is no room or no column. */
export function columnWidth(l: HeatLayout): number {
  if (l.columns <= 0) return 0;
  return Math.max(0, (l.width - l.labelWidth) / l.columns);
}

export interface HeatHit {
  row: number;
  /** null = the pointer is on the hostname gutter (the row, not a cell). */
  col: number | null;
}

/**
 * Which row and column are under a point of the visible drawing: `y` from the drawing's top, which
 * shows the rows from `scrollTop` down. Null outside the rows.
 */
export function hitCell(
  x: number,
  y: number,
  scrollTop: number,
  rows: number,
  l: HeatLayout,
): HeatHit | null {
  if (x < 0 || y < 0 || x >= l.width || l.rowHeight <= 0) return null;
  const row = Math.floor((y + scrollTop) / l.rowHeight);
  if (row < 0 || row >= rows) return null;
  if (x < l.labelWidth) return { row, col: null };
  const w = columnWidth(l);
  if (w <= 0) return { row, col: null };
  const col = Math.min(l.columns - 1, Math.floor((x - l.labelWidth) / w));
  return { row, col };
}

/** The rows a drawing `viewHeight` tall shows from `scrollTop` (end exclusive), for painting. */
export function rowsInView(
  scrollTop: number,
  viewHeight: number,
  rowHeight: number,
  rows: number,
): { start: number; end: number } {
  if (rows <= 0 || rowHeight <= 0) return { start: 0, end: 0 };
  const start = Math.max(0, Math.min(rows - 1, Math.floor(scrollTop / rowHeight)));
  const end = Math.min(rows, Math.ceil((scrollTop + viewHeight) / rowHeight));
  return { start, end: Math.max(start, end) };
}

/** "14:03:00–14:03:30": the span a column averages, local wall-clock time. */
export function columnSpan(t: number, columnMs: number): string {
  return `${formatClockSeconds(t)}–${formatClockSeconds(t + columnMs)}`;
}

/** "12 s", "30 s", "2 min": the width of a column in words. */
export function columnLength(columnMs: number): string {
  const s = Math.round(columnMs / 1000);
  return s < 120 ? `${s} s` : `${Math.round(s / 60)} min`;
}

export interface HeatTip {
  hostname: string;
  /** The column's time span; null on the hostname gutter. */
  time: string | null;
  /** "63% mean GPU utilisation", "no sample", or null on the gutter. */
  value: string | null;
}

/** The tooltip of a hit: node, time span and value (or "no sample"). */
export function heatTip(rows: readonly HeatRow[], h: Heatmap, hit: HeatHit): HeatTip | null {
  const row = rows[hit.row];
  if (!row) return null;
  if (hit.col === null) return { hostname: row.hostname, time: null, value: null };
  const t = h.t[hit.col];
  if (t === undefined) return null;
  const v = row.util[hit.col] ?? null;
  return {
    hostname: row.hostname,
    time: columnSpan(t, h.columnMs),
    value: v === null ? 'no sample' : `${formatPct(v)} mean GPU utilisation`,
  };
}

/** The same tip as one line, for a screen reader's live region. */
export const heatTipText = (tip: HeatTip): string =>
  [tip.hostname, tip.time, tip.value].filter((s): s is string => s !== null).join(', ');

/** The axis under the drawing: the first column's start and the last column's end, "HH:MM". */
export function heatAxis(h: Heatmap): { from: string; to: string } | null {
  if (h.t.length === 0) return null;
  return { from: formatClock(h.t[0]!), to: formatClock(h.t[h.t.length - 1]! + h.columnMs) };
}

/** Cells with and without a sample, for the drawing's accessible summary. */
export function heatCounts(rows: readonly HeatRow[]): { cells: number; empty: number } {
  let cells = 0;
  let empty = 0;
  for (const r of rows)
    for (const v of r.util) {
      cells++;
      if (v === null) empty++;
    }
  return { cells, empty };
}
