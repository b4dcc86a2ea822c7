import {
  useCallback,
  useEffect,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
  type PointerEvent,
} from 'react';
import { useElementSize } from '../../lib/useElementSize';
import { UTIL_STOPS } from '../map/siteStyle';
import {
  columnLength,
  columnWidth,
  heatAxis,
  heatCellColor,
  heatCounts,
  heatRows,
  heatTip,
  heatTipText,
  hitCell,
  HEATMAP_MAX_VISIBLE_ROWS,
  rowsInView,
  type HeatHit,
  type Heatmap,
  type HeatLayout,
  type HeatRow,
} from './heatmap';

const ROW_H = 11;
const LABEL_W = 112;
const FONT = "10px ui-monospace, 'SF Mono', 'Cascadia Mono', 'DejaVu Sans Mono', Menlo, Consolas, monospace";
// The stylesheet's --muted, --fg, --panel and --border: a canvas does not read CSS variables.
const MUTED = '#9aa5b1';
const FG = '#e6edf3';
const HATCH_BG = '#161b22';
const HATCH_LINE = '#3a424d';

interface Active {
  hit: HeatHit;
  via: 'pointer' | 'keyboard';
}

/**
 * Nodes × time, mean GPU utilisation per cell (issue 4), painted on ONE canvas: only the rows in view
 * (at most 64 at once, the rest scroll), so a 1,000-node site costs the same per tick as a 40-node one
 * (DESIGN.md, "Render budget"). The canvas stays put (sticky) while a spacer gives the scroll height.
 * Hover or arrow keys show node, time and value; a click or Enter opens the node's page.
 */
export function UtilHeatmap({
  heatmap,
  onOpenNode,
}: {
  heatmap: Heatmap;
  onOpenNode: (hostname: string) => void;
}) {
  const rows = useMemo(() => heatRows(heatmap), [heatmap]);
  const [sizeRef, size] = useElementSize<HTMLDivElement>();
  const scrollEl = useRef<HTMLDivElement | null>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const scrollTop = useRef(0);
  const [active, setActive] = useState<Active | null>(null);
  const [top, setTop] = useState(0);
  const labels = useRef(new Map<string, string>());

  const cols = heatmap.t.length;
  const viewH = Math.min(rows.length, HEATMAP_MAX_VISIBLE_ROWS) * ROW_H;
  const layout = useMemo<HeatLayout>(
    () => ({ labelWidth: LABEL_W, rowHeight: ROW_H, width: size.width, columns: cols }),
    [size.width, cols],
  );
  const hit = active && active.hit.row < rows.length && (active.hit.col ?? 0) < cols ? active.hit : null;

  const setScroll = useCallback(
    (el: HTMLDivElement | null) => {
      scrollEl.current = el;
      return sizeRef(el);
    },
    [sizeRef],
  );

  const draw = useCallback(() => {
    const canvas = canvasRef.current;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx || layout.width <= 0) return;
    const dpr = window.devicePixelRatio || 1;
    const w = Math.round(layout.width * dpr);
    const h = Math.round(viewH * dpr);
    if (canvas.width !== w) canvas.width = w;
    if (canvas.height !== h) canvas.height = h;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, layout.width, viewH);
    paint(ctx, rows, layout, scrollTop.current, viewH, hit, labels.current);
  }, [rows, layout, viewH, hit]);

  useEffect(() => draw(), [draw]);

  const onScroll = () => {
    const el = scrollEl.current;
    if (!el) return;
    scrollTop.current = el.scrollTop;
    setTop(el.scrollTop);
    if (active?.via === 'pointer') setActive(null);
    else draw();
  };

  const hitAt = (e: PointerEvent<HTMLCanvasElement>): HeatHit | null => {
    const r = e.currentTarget.getBoundingClientRect();
    return hitCell(e.clientX - r.left, e.clientY - r.top, scrollTop.current, rows.length, layout);
  };
  const onPointerMove = (e: PointerEvent<HTMLCanvasElement>) => {
    const h = hitAt(e);
    if (h?.row === hit?.row && h?.col === hit?.col && active?.via === 'pointer') return;
    setActive(h ? { hit: h, via: 'pointer' } : null);
  };
  const onClick = (e: PointerEvent<HTMLCanvasElement>) => {
    const h = hitAt(e);
    const row = h ? rows[h.row] : undefined;
    if (row) onOpenNode(row.hostname);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (rows.length === 0) return;
    if (e.key === 'Escape') {
      if (active) {
        e.stopPropagation();
        setActive(null);
      }
      return;
    }
    const cur = hit ?? { row: 0, col: cols > 0 ? cols - 1 : null };
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      if (hit) onOpenNode(rows[hit.row]!.hostname);
      else setActive({ hit: cur, via: 'keyboard' });
      return;
    }
    const next = moveHit(e.key, cur, hit !== null, rows.length, cols);
    if (!next) return;
    e.preventDefault();
    setActive({ hit: next, via: 'keyboard' });
    const el = scrollEl.current;
    if (el) {
      const y = next.row * ROW_H;
      if (y < el.scrollTop) el.scrollTop = y;
      else if (y + ROW_H > el.scrollTop + el.clientHeight) el.scrollTop = y + ROW_H - el.clientHeight;
    }
  };

  const tip = hit ? heatTip(rows, heatmap, hit) : null;
  const axis = heatAxis(heatmap);
  const counts = useMemo(() => heatCounts(rows), [rows]);

  if (rows.length === 0) return <p className="muted">This site reports no nodes.</p>;
  if (cols === 0) return <p className="muted">No samples yet.</p>;

  const cw = columnWidth(layout);
  const tipX = hit?.col === null || !hit ? LABEL_W / 2 : LABEL_W + (hit.col + 0.5) * cw;
  const tipY = hit ? hit.row * ROW_H - top : 0;
  const summary =
    `Utilisation heatmap: ${rows.length} nodes by ${cols} columns of ${columnLength(heatmap.columnMs)}` +
    (axis ? `, ${axis.from} to ${axis.to}` : '') +
    `; ${counts.empty} of ${counts.cells} cells without a sample.`;

  return (
    <div className="heatmap" data-testid="util-heatmap" data-rows={rows.length} data-columns={cols}>
      <div className="heatmap-body">
        {/* Scrolls on its own, so it takes the focus (axe: scrollable-region-focusable); arrows move a cursor. */}
        <div
          ref={setScroll}
          className="heatmap-scroll"
          style={{ maxHeight: viewH }}
          tabIndex={0}
          role="group"
          aria-label="Utilisation by node over time: arrow keys move, Enter opens the node"
          onScroll={onScroll}
          onKeyDown={onKeyDown}
          onBlur={() => active?.via === 'keyboard' && setActive(null)}
        >
          <canvas
            ref={canvasRef}
            className="heatmap-canvas"
            data-testid="util-heatmap-canvas"
            role="img"
            aria-label={summary}
            style={{ height: viewH }}
            onPointerMove={onPointerMove}
            onPointerLeave={() => active?.via === 'pointer' && setActive(null)}
            onClick={onClick}
          />
          <div style={{ height: rows.length * ROW_H - viewH }} aria-hidden="true" />
        </div>
        {tip && (
          <div
            className={`heatmap-tip${tipY > viewH / 2 ? ' is-above' : ''}${tipX > layout.width / 2 ? ' is-left' : ''}`}
            style={{ left: tipX, top: tipY > viewH / 2 ? tipY : tipY + ROW_H }}
            data-testid="util-heatmap-tip"
            aria-hidden="true"
          >
            <div className="heatmap-tip-host">{tip.hostname}</div>
            {tip.time && <div className="muted">{tip.time}</div>}
            {tip.value && <div className={tip.value === 'no sample' ? 'muted' : undefined}>{tip.value}</div>}
            {!tip.time && <div className="muted">click to open the node</div>}
          </div>
        )}
        <div className="visually-hidden" aria-live="polite">
          {tip && active?.via === 'keyboard' ? heatTipText(tip) : ''}
        </div>
      </div>
      <div className="heatmap-axis" style={{ paddingLeft: LABEL_W }} aria-hidden="true">
        <span>{axis?.from}</span>
        <span>{`${columnLength(heatmap.columnMs)} columns`}</span>
        <span>{axis?.to}</span>
      </div>
      <div className="heatmap-legend">
        <span
          className="heatmap-ramp"
          style={{ background: `linear-gradient(to right, ${UTIL_STOPS.join(', ')})` }}
        />
        <span>0–100% mean GPU utilisation</span>
        <span className="heatmap-hatch" title="no sample" />
        <span>no sample</span>
        <span className="muted">· click a row to open the node</span>
      </div>
    </div>
  );
}

/** The cursor after an arrow, Home/End or Page key; null for any other key. */
function moveHit(key: string, cur: HeatHit, had: boolean, rows: number, cols: number): HeatHit | null {
  const clampRow = (r: number) => Math.max(0, Math.min(rows - 1, r));
  const col = cur.col ?? 0;
  if (!had && key.startsWith('Arrow')) return cur;
  switch (key) {
    case 'ArrowUp':
      return { ...cur, row: clampRow(cur.row - 1) };
    case 'ArrowDown':
      return { ...cur, row: clampRow(cur.row + 1) };
    case 'ArrowLeft':
      return { ...cur, col: cols > 0 ? Math.max(0, col - 1) : null };
    case 'ArrowRight':
      return { ...cur, col: cols > 0 ? Math.min(cols - 1, col + 1) : null };
    case 'PageUp':
      return { ...cur, row: clampRow(cur.row - 16) };
    case 'PageDown':
      return { ...cur, row: clampRow(cur.row + 16) };
    case 'Home':
      return { ...cur, row: 0 };
    case 'End':
      return { ...cur, row: rows - 1 };
    default:
      return null;
  }
}

let hatch: { ctx: CanvasRenderingContext2D; pattern: CanvasPattern | null } | null = null;

/** A diagonal hatch for cells without a sample (as the map does for sites without data). */
function hatchPattern(ctx: CanvasRenderingContext2D): CanvasPattern | string {
  if (hatch?.ctx === ctx) return hatch.pattern ?? HATCH_BG;
  const tile = document.createElement('canvas');
  tile.width = 6;
  tile.height = 6;
  const t = tile.getContext('2d');
  if (t) {
    t.fillStyle = HATCH_BG;
    t.fillRect(0, 0, 6, 6);
    t.strokeStyle = HATCH_LINE;
    t.lineWidth = 1;
    t.beginPath();
    t.moveTo(-1, 7);
    t.lineTo(7, -1);
    t.stroke();
  }
  hatch = { ctx, pattern: ctx.createPattern(tile, 'repeat') };
  return hatch.pattern ?? HATCH_BG;
}

function clipLabel(ctx: CanvasRenderingContext2D, text: string, max: number, cache: Map<string, string>) {
  const hit = cache.get(text);
  if (hit !== undefined) return hit;
  let s = text;
  if (ctx.measureText(s).width > max) {
    while (s.length > 1 && ctx.measureText(`${s}…`).width > max) s = s.slice(0, -1);
    s = `${s}…`;
  }
  cache.set(text, s);
  return s;
}

function paint(
  ctx: CanvasRenderingContext2D,
  rows: readonly HeatRow[],
  l: HeatLayout,
  scrollTop: number,
  viewH: number,
  hit: HeatHit | null,
  labels: Map<string, string>,
) {
  const cw = columnWidth(l);
  const gap = cw >= 4 ? 1 : 0;
  const { start, end } = rowsInView(scrollTop, viewH, l.rowHeight, rows.length);
  const hatchFill = hatchPattern(ctx);
  ctx.font = FONT;
  ctx.textBaseline = 'middle';
  for (let r = start; r < end; r++) {
    const row = rows[r]!;
    const y = r * l.rowHeight - scrollTop;
    ctx.fillStyle = hit?.row === r ? FG : MUTED;
    ctx.fillText(clipLabel(ctx, row.hostname, l.labelWidth - 8, labels), 2, y + l.rowHeight / 2);
    for (let c = 0; c < l.columns; c++) {
      const x0 = Math.round(l.labelWidth + c * cw);
      const x1 = Math.round(l.labelWidth + (c + 1) * cw) - gap;
      ctx.fillStyle = heatCellColor(row.util[c]) ?? hatchFill;
      ctx.fillRect(x0, y, Math.max(1, x1 - x0), l.rowHeight - 1);
    }
  }
  if (hit) {
    const y = hit.row * l.rowHeight - scrollTop;
    ctx.strokeStyle = FG;
    ctx.lineWidth = 1;
    if (hit.col === null)
      ctx.strokeRect(l.labelWidth + 0.5, y + 0.5, l.width - l.labelWidth - 1, l.rowHeight - 2);
    else {
      const x0 = Math.round(l.labelWidth + hit.col * cw);
      const x1 = Math.round(l.labelWidth + (hit.col + 1) * cw);
      ctx.strokeRect(x0 + 0.5, y + 0.5, Math.max(1, x1 - x0 - 1), l.rowHeight - 2);
    }
  }
}
