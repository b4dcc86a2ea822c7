import { useCallback, useState } from 'react';

export interface Size {
  width: number;
  height: number;
}

/**
 * The content-box size of an element, from a ResizeObserver, rounded to whole pixels so sub-pixel
 * jitter does not re-render (or, for the map, re-project) anything. Returns a callback ref.
 */
export function useElementSize<T extends Element>(): [(el: T | null) => (() => void) | undefined, Size] {
  const [size, setSize] = useState<Size>({ width: 0, height: 0 });
  const ref = useCallback((el: T | null) => {
    if (!el) return undefined;
    const observer = new ResizeObserver((entries) => {
      const rect = entries[0]?.contentRect;
      if (!rect) return;
      const width = Math.round(rect.width);
      const height = Math.round(rect.height);
      setSize((prev) => (prev.width === width && prev.height === height ? prev : { width, height }));
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return [ref, size];
}
