import {
  useCallback,
  useLayoutEffect,
  useMemo,
  useRef,
  type MouseEvent as ReactMouseEvent,
  type PointerEvent as ReactPointerEvent,
} from 'react';
import {
  layerTransform,
  panBy,
  sameView,
  wheelFactor,
  zoomAround,
  type Extent,
  type MapView,
} from './mapView';

/** A wheel gesture ends this long after its last event; the map is then redrawn at the new view. */
const WHEEL_SETTLE_MS = 160;
/** A press that moves less than this (px) is a click, not a drag. */
const DRAG_SLOP = 4;
/** Elements that take their own pointer and wheel input. */
const CONTROLS = '.map-controls';

interface Drag {
  pointerId: number;
  x0: number;
  y0: number;
  from: MapView;
  moved: boolean;
}

interface Gesture {
  /** The view being previewed by the layer transform; null when no gesture is running. */
  pending: MapView | null;
  timer: ReturnType<typeof setTimeout> | null;
  frame: number | null;
  drag: Drag | null;
  suppressClick: boolean;
}

interface Options {
  /** The committed view, which the map is drawn at. */
  view: MapView;
  size: Extent;
  /** Called once per gesture (its end) and per discrete zoom, never per frame. */
  onCommit: (view: MapView) => void;
  /** A gesture started (hide tooltips). */
  onGestureStart: () => void;
}

/**
 * Wheel zoom around the cursor and drag-to-pan, at the cost DESIGN.md's render budget allows: during a
 * gesture only a CSS transform on one `will-change: transform` layer changes (no React render per frame);
 * the view is committed, and the map redrawn at it, once when the gesture ends.
 *
 * Returns a callback ref for the element that receives wheel events (a non-passive listener, so the
 * page does not scroll while the map zooms), a ref for the layer to move, pointer handlers for the same
 * element as the callback ref, and `zoom` for discrete steps (buttons, keys, double-click).
 */
export function useMapGestures({ view, size, onCommit, onGestureStart }: Options) {
  const layerRef = useRef<HTMLDivElement | null>(null);
  const latest = useRef({ view, size, onCommit, onGestureStart });
  useLayoutEffect(() => {
    latest.current = { view, size, onCommit, onGestureStart };
  });
  const state = useRef<Gesture>({
    pending: null,
    timer: null,
    frame: null,
    drag: null,
    suppressClick: false,
  });

  // React has drawn the committed view: drop the gesture's stand-in transform in the same frame.
  useLayoutEffect(() => {
    const el = layerRef.current;
    if (!el) return;
    el.style.transform = '';
    el.classList.remove('is-gesturing');
  }, [view]);

  const handlers = useMemo(() => {
    const paint = () => {
      const g = state.current;
      g.frame = null;
      const el = layerRef.current;
      if (!el || !g.pending) return;
      el.classList.add('is-gesturing');
      el.style.transform = layerTransform(latest.current.view, g.pending);
    };

    const stopTimers = () => {
      const g = state.current;
      if (g.timer !== null) clearTimeout(g.timer);
      if (g.frame !== null) cancelAnimationFrame(g.frame);
      g.timer = null;
      g.frame = null;
    };

    const preview = (next: MapView) => {
      const g = state.current;
      if (!g.pending) latest.current.onGestureStart();
      g.pending = next;
      if (g.frame === null) g.frame = requestAnimationFrame(paint);
    };

    const end = () => {
      const g = state.current;
      stopTimers();
      const next = g.pending;
      g.pending = null;
      if (next) latest.current.onCommit(next);
    };

    /** A discrete zoom or pan from wherever the map is (a running gesture included), committed at once. */
    const zoom = (make: (from: MapView, size: Extent) => MapView) => {
      const g = state.current;
      const from = g.pending ?? latest.current.view;
      stopTimers();
      g.pending = null;
      g.drag = null;
      latest.current.onGestureStart();
      latest.current.onCommit(make(from, latest.current.size));
    };

    const onWheel = (e: WheelEvent) => {
      const g = state.current;
      if (g.drag?.moved) {
        e.preventDefault();
        return;
      }
      if (e.target instanceof Element && e.target.closest(CONTROLS)) return;
      if (!(e.currentTarget instanceof Element)) return;
      const from = g.pending ?? latest.current.view;
      const rect = e.currentTarget.getBoundingClientRect();
      const factor = wheelFactor(e.deltaY, e.deltaMode) ** (e.ctrlKey ? 10 : 1); // ctrl+wheel = trackpad pinch
      const next = zoomAround(from, e.clientX - rect.left, e.clientY - rect.top, factor, latest.current.size);
      // Nothing to zoom (already all the way out): let the page scroll instead.
      if (!g.pending && sameView(next, from)) return;
      e.preventDefault();
      preview(next);
      if (g.timer !== null) clearTimeout(g.timer);
      g.timer = setTimeout(end, WHEEL_SETTLE_MS);
    };

    const onPointerDown = (e: ReactPointerEvent<HTMLElement>) => {
      if (e.button !== 0 || !e.isPrimary) return;
      if (e.target instanceof Element && e.target.closest(CONTROLS)) return;
      const g = state.current;
      g.drag = {
        pointerId: e.pointerId,
        x0: e.clientX,
        y0: e.clientY,
        from: g.pending ?? latest.current.view,
        moved: false,
      };
    };

    const onPointerMove = (e: ReactPointerEvent<HTMLElement>) => {
      const d = state.current.drag;
      if (!d || d.pointerId !== e.pointerId) return;
      const dx = e.clientX - d.x0;
      const dy = e.clientY - d.y0;
      if (!d.moved) {
        if (dx * dx + dy * dy < DRAG_SLOP * DRAG_SLOP) return;
        // Captured only once it is a drag: a capture from pointerdown would retarget a marker's click.
        d.moved = true;
        e.currentTarget.setPointerCapture(e.pointerId);
      }
      preview(panBy(d.from, dx, dy, latest.current.size));
    };

    const finishDrag = (e: ReactPointerEvent<HTMLElement>) => {
      const g = state.current;
      const d = g.drag;
      if (!d || d.pointerId !== e.pointerId) return;
      g.drag = null;
      if (!d.moved) return;
      // The click that follows a drag is not a click on what the pointer happens to be over.
      g.suppressClick = true;
      setTimeout(() => {
        state.current.suppressClick = false;
      }, 0);
      end();
    };

    const onClickCapture = (e: ReactMouseEvent<HTMLElement>) => {
      const g = state.current;
      if (!g.suppressClick) return;
      g.suppressClick = false;
      e.stopPropagation();
      e.preventDefault();
    };

    return {
      zoom,
      onWheel,
      pointer: {
        onPointerDown,
        onPointerMove,
        onPointerUp: finishDrag,
        onPointerCancel: finishDrag,
        onClickCapture,
      },
    };
  }, []);

  const { onWheel } = handlers;
  const surfaceRef = useCallback(
    (el: HTMLElement | null) => {
      if (!el) return undefined;
      el.addEventListener('wheel', onWheel, { passive: false });
      return () => el.removeEventListener('wheel', onWheel);
    },
    [onWheel],
  );

  // Timers of a gesture cut short by unmounting must not commit into an unmounted component.
  useLayoutEffect(
    () => () => {
      const g = state.current;
      if (g.timer !== null) clearTimeout(g.timer);
      if (g.frame !== null) cancelAnimationFrame(g.frame);
    },
    [],
  );

  return { layerRef, surfaceRef, zoom: handlers.zoom, pointer: handlers.pointer };
}
