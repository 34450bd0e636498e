import type { RateLimitState } from '../../../../src-preload/contract';
import { selectNow, useConsoleStore } from '../../store';

const BUCKETS = 12;
const BUCKET_MS = 5000;

/** Requests in the last 60 s, in 5-second bars (inline SVG, no library). */
export function RecentChart({ recent }: { recent: RateLimitState['recent'] }) {
  const now = useConsoleStore(selectNow);
  const counts = Array.from({ length: BUCKETS }, () => 0);
  let total = 0;
  // Main counts per second; a second is drawn in the bar its middle falls in.
  for (const { at, count } of recent) {
    const age = Math.max(0, now - (at + 500));
    if (age >= BUCKETS * BUCKET_MS) continue;
    counts[BUCKETS - 1 - Math.floor(age / BUCKET_MS)]! += count;
    total += count;
  }
  const max = Math.max(1, ...counts);
  return (
    <figure className="recent-chart">
      <svg role="img" aria-label={`Requests in the last 60 s: ${total}`} viewBox={`0 0 ${BUCKETS * 10} 40`} width="180" height="48">
        {counts.map((c, i) => (
          <rect key={i} x={i * 10 + 1} y={40 - (c / max) * 38} width="8" height={(c / max) * 38} className="bar" />
        ))}
        <line x1="0" y1="40" x2={BUCKETS * 10} y2="40" className="axis" />
      </svg>
      <figcaption className="hint">Requests in the last 60 s: {total}, oldest first</figcaption>
    </figure>
  );
}
