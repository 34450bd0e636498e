import { formatExactTime, formatRelativeTime } from '../../lib/relative-time';
import { selectNow, useConsoleStore } from '../../store';

/**
 * "3 min ago", kept current by the store's clock. The exact time is in the title (hover) and,
 * because titles do not show on keyboard focus, in a CSS hint on focus. It reads `now` itself so
 * only this text re-renders each second; reading the store is why it is not in components/.
 */
export function RelativeTime({ iso }: { iso: string | null }) {
  const now = useConsoleStore(selectNow);
  if (iso === null) return <span>{formatRelativeTime(null, now)}</span>;
  const exact = formatExactTime(iso);
  return (
    <time className="relative-time" dateTime={iso} title={exact} data-exact={exact} tabIndex={0}>
      {formatRelativeTime(iso, now)}
    </time>
  );
}
