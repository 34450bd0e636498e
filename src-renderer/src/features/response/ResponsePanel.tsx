import { Metric } from '../../components/Metric';
import { formatBytes, formatDuration } from '../../lib/units';
import { selectInFlight, selectResponse, selectResponseError, useConsoleStore } from '../../store';
import { headerValue, viewBody } from './response-body';
import { statusClass, statusLine } from './status-text';

export function ResponsePanel() {
  const response = useConsoleStore(selectResponse);
  const error = useConsoleStore(selectResponseError);
  const inFlight = useConsoleStore(selectInFlight);

  const body = response ? viewBody(response.body, headerValue(response.headers, 'content-type')) : null;

  return (
    <section role="region" aria-label="Response" aria-busy={inFlight} className="panel">
      <h2>Response</h2>
      {inFlight && (
        <p role="status" className="hint">
          Sending…
        </p>
      )}
      {error && (
        <p role="alert" className="form-error">
          The request was not completed: {error.message}
        </p>
      )}
      {!response && !error && !inFlight && <p className="empty">No response yet. Pick a key and press Send.</p>}
      {response && body && (
        <>
          <p className={`status-line status-${statusClass(response.status)}`}>
            {statusLine(response.status, response.statusText)}
          </p>
          <dl className="metrics">
            <Metric label="Time">{formatDuration(response.durationMs)}</Metric>
            <Metric label="Size">{formatBytes(response.sizeBytes)}</Metric>
            <Metric label="URL" className="metric-url">
              <code>{response.url}</code>
            </Metric>
          </dl>
          {response.bodyTruncated && (
            <p className="banner banner-warning">
              The body is larger than the console keeps: only the first part is shown.
            </p>
          )}
          {body.kind === 'empty' ? (
            <p className="empty">The response has no body.</p>
          ) : (
            // Focusable so keyboard users can scroll a long body.
            <pre className={`body body-${body.kind}`} tabIndex={0} aria-label="Body">
              {body.text}
            </pre>
          )}
        </>
      )}
    </section>
  );
}
