import { useEffect, useState } from 'react';

/** Wall-clock ms, refreshed every `everyMs`; for the few things that age between ticks (tick age). */
export function useNow(everyMs = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(id);
  }, [everyMs]);
  return now;
}
