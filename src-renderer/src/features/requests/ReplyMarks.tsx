import { selectInFlight, selectResponse, selectResponseError, useConsoleStore } from '../../store';
import { isReplayed, isRetryableStatus } from './reply-marks';
import './reply-marks.css';

/** Next to the reply's status: "Replayed" when the server answered from its idempotency store. */
export function ReplayedBadge() {
  const response = useConsoleStore(selectResponse);
  if (!response || !isReplayed(response)) return null;
  return (
    <span className="badge replayed" title="The server answered with the stored reply to an earlier request with this Idempotency-Key: nothing new was created.">
      Replayed
    </span>
  );
}

/**
 * Retry: the latest request again exactly as sent, with its Idempotency-Key, so a POST that did
 * reach the server is answered from its store instead of being done twice. Offered after a
 * failure, a 429 or a 5xx, and after any reply to a POST with an Idempotency-Key.
 */
export function RetryButton() {
  const response = useConsoleStore(selectResponse);
  const error = useConsoleStore(selectResponseError);
  const inFlight = useConsoleStore(selectInFlight);
  const lastSent = useConsoleStore((s) => s.lastSent);
  const attempt = useConsoleStore((s) => s.attempt);
  const max = useConsoleStore((s) => s.settings.autoRetryMaxAttempts);
  const autoRetryPending = useConsoleStore((s) => s.autoRetryPending);
  const retry = useConsoleStore((s) => s.retryRequest);
  const failed = error !== null || (response !== null && isRetryableStatus(response.status));
  // A POST with an Idempotency-Key may always be sent again as it was: the server answers with its first reply.
  const idempotent = lastSent?.headers?.some((h) => h.name === 'Idempotency-Key') === true;
  const attemptText = attempt > 1 ? `Attempt ${attempt} of ${max}` : null;
  const offer = failed || (idempotent && response !== null);
  if (!lastSent || (!offer && !attemptText)) return null;
  return (
    <span className="reply-actions">
      {attemptText && <span className="hint">{attemptText}</span>}
      {offer && !inFlight && !autoRetryPending && (
        <button type="button" onClick={() => void retry()} title="Send the same request again, with the same Idempotency-Key">
          Retry
        </button>
      )}
    </span>
  );
}
