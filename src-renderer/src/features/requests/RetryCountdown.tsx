import { Metric } from '../../components/Metric';
import { selectActiveKey, selectNow, useConsoleStore } from '../../store';
import { ResetsIn } from '../rate-limit/ResetsIn';

/**
 * After a 429: the countdown from Retry-After and what happens next. When the countdown ends its
 * words change ("You can send again now"), so "0 s" never stays; the automatic retry says which
 * attempt is next and says so when it stops.
 */
export function RetryCountdown() {
  // A 429's countdown belongs to the key it was sent with: picking another key (maybe another server's) hides it.
  const retryAt = useConsoleStore((s) => (s.retryKeyId !== null && s.retryKeyId === selectActiveKey(s)?.id ? s.retryAt : null));
  const status = useConsoleStore((s) => s.response?.status);
  const inFlight = useConsoleStore((s) => s.inFlight);
  const autoRetryPending = useConsoleStore((s) => s.autoRetryPending);
  const stopped = useConsoleStore((s) => s.autoRetryStopped);
  const autoRetryOn = useConsoleStore((s) => s.settings.autoRetryOn429);
  const attempt = useConsoleStore((s) => s.attempt);
  const max = useConsoleStore((s) => s.settings.autoRetryMaxAttempts);
  const cancelAutoRetry = useConsoleStore((s) => s.cancelAutoRetry);
  // Only whether the time has come re-renders this, not every tick.
  const due = useConsoleStore((s) => retryAt !== null && selectNow(s) >= retryAt);
  if (status !== 429 || retryAt === null || inFlight) return null;

  return (
    <div role="status" className="banner banner-warning retry">
      {!due && (
        <dl className="metrics">
          <Metric label="Retry allowed in">
            <ResetsIn resetAt={retryAt} />
          </Metric>
        </dl>
      )}
      {autoRetryPending ? (
        <p>
          Too many requests. The console sends the request again automatically when the countdown ends (attempt {attempt + 1} of {max}).{' '}
          <button type="button" onClick={cancelAutoRetry}>
            Stop automatic retry
          </button>
        </p>
      ) : stopped ? (
        <p>
          {stopped} {due ? 'You can send again now.' : 'Wait for the countdown, then press Retry.'}
        </p>
      ) : due ? (
        <p>The wait is over: you can send again now.</p>
      ) : (
        <p>Too many requests. Wait for the countdown, then send again{autoRetryOn ? '.' : ' (or turn on automatic retry on 429 in Settings).'}</p>
      )}
    </div>
  );
}
