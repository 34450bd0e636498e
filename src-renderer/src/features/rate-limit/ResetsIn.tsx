import { selectNow, useConsoleStore } from '../../store';
import { formatCountdown } from './countdown';

/** Its own component so only this text re-renders on each clock tick. */
export function ResetsIn({ resetAt }: { resetAt: number | null }) {
  const now = useConsoleStore(selectNow);
  return <>{formatCountdown(resetAt, now)}</>;
}
