/** Whole seconds until `resetAt` (rounded up, so a fresh "60 s" does not show as 59), never negative. */
export function secondsUntil(resetAt: number, nowMs: number): number {
  return Math.max(0, Math.ceil((resetAt - nowMs) / 1000));
}

/** "42 s", "1 min 05 s", "1 h 02 min"; "Unknown" when the server sent no reset time. */
export function formatCountdown(resetAt: number | null, nowMs: number): string {
  if (resetAt === null) return 'Unknown';
  const total = secondsUntil(resetAt, nowMs);
  if (total < 60) return `${total} s`;
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  if (hours > 0) return `${hours} h ${String(minutes).padStart(2, '0')} min`;
  return `${minutes} min ${String(seconds).padStart(2, '0')} s`;
}
