import { useEffect, useRef } from 'react';

/**
 * A printable report's opening: focus its title (screen readers announce it) and ask the browser to
 * print once it is laid out — not before, as print() blocks until the dialog closes. Returns the ref
 * for the title.
 */
export function usePrintOnShow<T extends HTMLElement>() {
  const titleRef = useRef<T>(null);
  useEffect(() => {
    titleRef.current?.focus();
    const frame = requestAnimationFrame(() => window.print());
    return () => cancelAnimationFrame(frame);
  }, []);
  return titleRef;
}
