import { describe, expect, it } from 'vitest';
import { UTIL_STOPS, utilColor } from '../map/siteStyle';
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
  rowsInView,
  type Heatmap,
  type HeatLayout,
} from './heatmap';

const T0 = Date.UTC(2025, 2, 4, 12, 0, 0);
const hm = (over: Partial<Heatmap> = {}): Heatmap => ({
  t: [T0, T0 + 30_000, T0 + 60_000],
  columnMs: 30_000,
  nodes: ['gpu-10', 'gpu-2', 'GPU-1'],
  util: [
    [10, 20, 30],
    [null, 50, 100],
    [0, null, null],
  ],
  ...over,
});

describe('heatCellColor', () => {
  it('uses the map utilisation ramp at both ends', () => {
    expect(heatCellColor(0)).toBe(UTIL_STOPS[0]);
    expect(heatCellColor(100)).toBe(UTIL_STOPS[UTIL_STOPS.length - 1]);
    expect(heatCellColor(42)).toBe(utilColor(42));
  });

  it.each([null, undefined, NaN, Infinity])(
    'gives no colour (a hatch) for %s, never the colour of 0',
    (v) => {
      expect(heatCellColor(v)).toBeNull();
    },
  );

  it('clamps out-of-range readings', () => {
    expect(heatCellColor(130)).toBe(heatCellColor(100));
    expect(heatCellColor(-5)).toBe(heatCellColor(0));
  });
});

describe('heatRows', () => {
  it('sorts rows by hostname, naturally and case-insensitively, keeping each row its values', () => {
    const rows = heatRows(hm());
    expect(rows.map((r) => r.hostname)).toEqual(['GPU-1', 'gpu-2', 'gpu-10']);
    expect(rows[0]!.util).toEqual([0, null, null]);
    expect(rows[2]!.util).toEqual([10, 20, 30]);
  });

  it('pads short rows with no-sample cells and cuts long ones to the columns', () => {
    const rows = heatRows(hm({ nodes: ['a', 'b', 'c'], util: [[1], [1, 2, 3, 4], []] }));
    expect(rows.map((r) => r.util)).toEqual([
      [1, null, null],
      [1, 2, 3],
      [null, null, null],
    ]);
  });

  it('gives a node with no row at all a row of no-sample cells', () => {
    expect(heatRows(hm({ nodes: ['a'], util: [] }))[0]!.util).toEqual([null, null, null]);
  });

  it('counts cells without a sample', () => {
    expect(heatCounts(heatRows(hm()))).toEqual({ cells: 9, empty: 3 });
  });
});

describe('hit-testing', () => {
  const layout: HeatLayout = { labelWidth: 100, rowHeight: 10, width: 400, columns: 3 };

  it('splits the room right of the gutter into equal columns', () => {
    expect(columnWidth(layout)).toBe(100);
    expect(columnWidth({ ...layout, columns: 0 })).toBe(0);
    expect(columnWidth({ ...layout, width: 50 })).toBe(0);
  });

  it('finds the cell under the pointer, counting the scrolled-off rows', () => {
    expect(hitCell(150, 5, 0, 3, layout)).toEqual({ row: 0, col: 0 });
    expect(hitCell(399, 15, 0, 3, layout)).toEqual({ row: 1, col: 2 });
    expect(hitCell(250, 5, 20, 3, layout)).toEqual({ row: 2, col: 1 });
  });

  it('reports the gutter as the row without a column', () => {
    expect(hitCell(20, 5, 0, 3, layout)).toEqual({ row: 0, col: null });
  });

  it('finds nothing outside the rows', () => {
    expect(hitCell(150, 35, 0, 3, layout)).toBeNull();
    expect(hitCell(-1, 5, 0, 3, layout)).toBeNull();
    expect(hitCell(400, 5, 0, 3, layout)).toBeNull();
  });

  it('paints only the rows in view', () => {
    expect(rowsInView(0, 640, 10, 1000)).toEqual({ start: 0, end: 64 });
    expect(rowsInView(25, 640, 10, 1000)).toEqual({ start: 2, end: 67 });
    expect(rowsInView(0, 640, 10, 5)).toEqual({ start: 0, end: 5 });
    expect(rowsInView(0, 640, 10, 0)).toEqual({ start: 0, end: 0 });
  });
});

describe('tooltip', () => {
  const h = hm();
  const rows = heatRows(h);

  it('names the node, the column span and the value', () => {
    const tip = heatTip(rows, h, { row: 2, col: 1 })!;
    expect(tip.hostname).toBe('gpu-10');
    expect(tip.value).toBe('20% mean GPU utilisation');
    expect(tip.time).toMatch(/^\d\d:\d\d:30–\d\d:\d\d:00$/);
  });

  it('says "no sample" for an empty cell', () => {
    expect(heatTip(rows, h, { row: 0, col: 2 })!.value).toBe('no sample');
  });

  it('names only the node on the gutter', () => {
    const tip = heatTip(rows, h, { row: 1, col: null })!;
    expect(tip).toEqual({ hostname: 'gpu-2', time: null, value: null });
    expect(heatTipText(tip)).toBe('gpu-2');
  });

  it('gives nothing for a row or column that is not there', () => {
    expect(heatTip(rows, h, { row: 9, col: 0 })).toBeNull();
    expect(heatTip(rows, h, { row: 0, col: 9 })).toBeNull();
  });

  it('labels the axis from the first column start to the last column end', () => {
    const axis = heatAxis(h)!;
    expect(axis.from).toMatch(/^\d\d:\d\d$/);
    expect(heatAxis(hm({ t: [] }))).toBeNull();
    expect(columnLength(30_000)).toBe('30 s');
    expect(columnLength(180_000)).toBe('3 min');
  });
});
