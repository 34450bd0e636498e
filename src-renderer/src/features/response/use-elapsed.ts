import { useEffect, useState } from 'react';

/** Milliseconds since `active` last became true, updated every tenth of a second while it stays true. */
export function useElapsed(active: boolean): number {
  const [elapsed, setElapsed] = useState(0);
  useEffect(() => {
    setElapsed(0);
    if (!active) return;
    const start = performance.now();
    const timer = setInterval(() => setElapsed(performance.now() - start), 100);
    return () => clearInterval(timer);
  }, [active]);
  return elapsed;
}

/** "1.2 s": one decimal, as a stopwatch reads. */
export function formatElapsed(ms: number): string {
  return `${(Math.max(0, ms) / 1000).toFixed(1)} s`;
}
