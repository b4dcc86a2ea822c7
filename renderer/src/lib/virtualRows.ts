import { useCallback, useState } from 'react';

/** Tables longer than this render only the rows in view (DESIGN.md, "Tables": virtualise above ~150). */
export const VIRTUALISE_ABOVE = 150;

export interface RowWindow {
  /** First row index rendered (inclusive). */
  start: number;
  /** Row index after the last one rendered (exclusive). */
  end: number;
  /** Height of the spacer above and below the rendered rows, in px. */
  padTop: number;
  padBottom: number;
}

/** Which rows of a fixed-row-height list are in (or near) the viewport. Pure, for testing. */
export function visibleRange(
  scrollTop: number,
  viewportHeight: number,
  rowHeight: number,
  count: number,
  overscan = 8,
): RowWindow {
  if (count <= 0 || rowHeight <= 0) return { start: 0, end: 0, padTop: 0, padBottom: 0 };
  const first = Math.floor(Math.max(0, scrollTop) / rowHeight);
  const visible = Math.ceil(Math.max(viewportHeight, rowHeight) / rowHeight);
  const start = Math.max(0, Math.min(count - 1, first - overscan));
  const end = Math.min(count, first + visible + overscan);
  return { start, end, padTop: start * rowHeight, padBottom: (count - end) * rowHeight };
}

/**
 * Windowing for a table in its own scroll container: returns a callback ref for the container and the
 * rows to render. When `enabled` is false every row renders (small fleets keep plain, fully searchable
 * tables). Scroll events are coalesced to one update per animation frame.
 */
export function useVirtualRows(count: number, rowHeight: number, enabled: boolean) {
  const [view, setView] = useState({ top: 0, height: 600 });
  const ref = useCallback((el: HTMLElement | null) => {
    if (!el) return undefined;
    let frame = 0;
    const read = () => {
      frame = 0;
      const top = Math.round(el.scrollTop);
      const height = Math.round(el.clientHeight);
      setView((v) => (v.top === top && v.height === height ? v : { top, height }));
    };
    const onScroll = () => {
      if (!frame) frame = requestAnimationFrame(read);
    };
    el.addEventListener('scroll', onScroll, { passive: true });
    const observer = new ResizeObserver(onScroll);
    observer.observe(el);
    read();
    return () => {
      el.removeEventListener('scroll', onScroll);
      observer.disconnect();
      if (frame) cancelAnimationFrame(frame);
    };
  }, []);
  const rows: RowWindow = enabled
    ? visibleRange(view.top, view.height, rowHeight, count)
    : { start: 0, end: count, padTop: 0, padBottom: 0 };
  return { ref, rows };
}
