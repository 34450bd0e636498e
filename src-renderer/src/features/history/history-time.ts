/** Local calendar day of `ms` (its midnight), comparable between two times; a selector that changes once a day. */
export function dayOf(ms: number): number {
  const d = new Date(ms);
  return new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime();
}

/**
 * When a History entry was sent, as a date and a time: "Today 14:03:05", "Yesterday 09:12:44",
 * "28 Nov, 16:40:02" this year, "28 Nov 2025, 16:40" before it (in the user's locale).
 */
export function formatHistoryTime(ms: number, nowMs: number, locale?: string): string {
  const time = new Date(ms).toLocaleTimeString(locale, { hour: '2-digit', minute: '2-digit', second: '2-digit' });
  const days = Math.round((dayOf(nowMs) - dayOf(ms)) / 86_400_000);
  if (days === 0) return `Today ${time}`;
  if (days === 1) return `Yesterday ${time}`;
  const sameYear = new Date(ms).getFullYear() === new Date(nowMs).getFullYear();
  const date = new Date(ms).toLocaleDateString(locale, { day: 'numeric', month: 'short', ...(sameYear ? {} : { year: 'numeric' }) });
  return sameYear ? `${date}, ${time}` : `${date}, ${new Date(ms).toLocaleTimeString(locale, { hour: '2-digit', minute: '2-digit' })}`;
}
