import { describe, expect, it } from 'vitest';
import {
  clampView,
  HOME,
  layerTransform,
  MAX_K,
  panBy,
  svgTransform,
  wheelFactor,
  zoomAround,
  zoomToBox,
  type MapView,
} from './mapView';

const size = { width: 800, height: 400 };
/** Where a base point lands on screen. */
const screen = (v: MapView, bx: number, by: number) => [v.k * bx + v.x, v.k * by + v.y];

describe('clampView', () => {
  it.each([
    { name: 'home stays home', v: HOME, want: HOME },
    { name: 'no zooming out past the whole map', v: { k: 0.5, x: 100, y: 50 }, want: { k: 1, x: 0, y: 0 } },
    { name: 'no zooming in past the limit', v: { k: 100, x: 0, y: 0 }, want: { k: MAX_K, x: 0, y: 0 } },
    {
      name: 'no panning the map off the left/top edge',
      v: { k: 2, x: 10, y: 10 },
      want: { k: 2, x: 0, y: 0 },
    },
    {
      name: 'no panning the map off the right/bottom edge',
      v: { k: 2, x: -5000, y: -5000 },
      want: { k: 2, x: -800, y: -400 },
    },
    { name: 'inside the bounds: untouched', v: { k: 3, x: -300, y: -200 }, want: { k: 3, x: -300, y: -200 } },
    { name: 'garbage becomes home', v: { k: Number.NaN, x: Number.NaN, y: 0 }, want: HOME },
  ])('$name', ({ v, want }) => {
    expect(clampView(v, size)).toEqual(want);
  });
});

describe('zoomAround', () => {
  it('keeps the map point under the cursor where it is', () => {
    const from = { k: 2, x: -200, y: -100 };
    const [px, py] = [300, 150];
    const bx = (px - from.x) / from.k;
    const by = (py - from.y) / from.k;
    const to = zoomAround(from, px, py, 2, size);
    expect(to.k).toBe(4);
    const [sx, sy] = screen(to, bx, by);
    expect(sx).toBeCloseTo(px);
    expect(sy).toBeCloseTo(py);
  });

  it('zooming out all the way returns home, whatever the cursor', () => {
    expect(zoomAround({ k: 2, x: -300, y: -100 }, 10, 10, 0.25, size)).toEqual(HOME);
  });

  it('does not zoom past the limit', () => {
    expect(zoomAround({ k: MAX_K, x: 0, y: 0 }, 400, 200, 2, size).k).toBe(MAX_K);
  });

  it('in then out around the same point comes back', () => {
    const a = zoomAround(HOME, 123, 77, 2, size);
    const b = zoomAround(a, 123, 77, 0.5, size);
    expect(b.k).toBeCloseTo(1);
    expect(b.x).toBeCloseTo(0);
    expect(b.y).toBeCloseTo(0);
  });
});

describe('panBy', () => {
  it('moves the map by the drag and stops at the edges', () => {
    expect(panBy({ k: 2, x: -100, y: -100 }, -50, 30, size)).toEqual({ k: 2, x: -150, y: -70 });
    expect(panBy({ k: 2, x: -100, y: -100 }, 500, 0, size)).toEqual({ k: 2, x: 0, y: -100 });
    expect(panBy(HOME, 100, 100, size)).toEqual(HOME);
  });
});

describe('zoomToBox', () => {
  it('centres the box and fits it with padding', () => {
    const to = zoomToBox(HOME, { x0: 380, y0: 190, x1: 420, y1: 210 }, size, 40);
    // Height-bound: (400 − 80) / 20 = 16.
    expect(to.k).toBe(16);
    const [cx, cy] = screen(to, 400, 200);
    expect(cx).toBeCloseTo(400);
    expect(cy).toBeCloseTo(200);
  });

  it('zooms in at least one step, even for a box of one point', () => {
    const to = zoomToBox({ k: 4, x: -1200, y: -600 }, { x0: 400, y0: 200, x1: 400, y1: 200 }, size);
    expect(to.k).toBe(MAX_K);
    const wide = zoomToBox(HOME, { x0: 0, y0: 0, x1: 800, y1: 400 }, size);
    expect(wide.k).toBe(2);
  });
});

describe('wheelFactor', () => {
  it('zooms in on wheel up, out on wheel down, by d3-zoom’s amounts', () => {
    expect(wheelFactor(-100, 0)).toBeCloseTo(2 ** 0.2);
    expect(wheelFactor(100, 0)).toBeCloseTo(2 ** -0.2);
    expect(wheelFactor(-3, 1)).toBeCloseTo(2 ** 0.15);
    expect(wheelFactor(-1, 2)).toBe(2);
    expect(wheelFactor(0, 0)).toBe(1);
  });
});

describe('layerTransform', () => {
  it('maps a point drawn at `from` to where `to` draws it', () => {
    const from = { k: 2, x: -100, y: -50 };
    const to = { k: 3, x: -260, y: -90 };
    const t = layerTransform(from, to);
    const m = /translate\((-?[\d.]+)px, (-?[\d.]+)px\) scale\(([\d.]+)\)/.exec(t);
    expect(m).not.toBeNull();
    const [tx, ty, s] = m!.slice(1).map(Number) as [number, number, number];
    const [fx, fy] = screen(from, 70, 40);
    const [wx, wy] = screen(to, 70, 40);
    expect(s * fx! + tx).toBeCloseTo(wx!, 2);
    expect(s * fy! + ty).toBeCloseTo(wy!, 2);
  });

  it('is the identity for the same view', () => {
    expect(layerTransform(HOME, HOME)).toBe('translate(0px, 0px) scale(1)');
  });
});

describe('svgTransform', () => {
  it('is absent at home and a translate-then-scale elsewhere', () => {
    expect(svgTransform(HOME)).toBeUndefined();
    expect(svgTransform({ k: 2, x: -10.5, y: 0 })).toBe('translate(-10.5 0) scale(2)');
  });
});
