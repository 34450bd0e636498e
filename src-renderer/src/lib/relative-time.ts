const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * "Never", "just now", "3 min ago", "2 h ago", "4 days ago", then a date.
 * Future times (clock skew between hosts) read as "just now" rather than "in 5 s".
 */
export function formatRelativeTime(iso: string | null, nowMs: number): string {
  if (iso === null) return 'Never';
  const then = Date.parse(iso);
  if (Number.isNaN(then)) return 'Unknown';
  const ago = nowMs - then;
  if (ago < MINUTE) return 'just now';
  if (ago < HOUR) return `${Math.floor(ago / MINUTE)} min ago`;
  if (ago < DAY) return `${Math.floor(ago / HOUR)} h ago`;
  const days = Math.floor(ago / DAY);
  if (days < 30) return days === 1 ? '1 day ago' : `${days} days ago`;
  return new Date(then).toLocaleDateString();
}

/** The exact local time for a hover/focus hint; empty when there is none. */
export function formatExactTime(iso: string | null): string {
  if (iso === null) return '';
  const then = Date.parse(iso);
  return Number.isNaN(then) ? iso : new Date(then).toLocaleString();
}
