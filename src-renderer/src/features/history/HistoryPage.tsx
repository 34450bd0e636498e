import { useEffect, useId, useState } from 'react';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { formatDuration } from '../../lib/units';
import { consoleStore, selectNow, useConsoleStore } from '../../store';
import { leftOf, numbersOf } from '../rate-limit/rate-limit-words';
import { dayOf, formatHistoryTime } from './history-time';

/** Every request the console sent: filter, replay into the builder, clear. Kept by main, never with the key. */
export function HistoryPage() {
  const id = useId();
  const history = useConsoleStore((s) => s.history);
  const status = useConsoleStore((s) => s.historyStatus);
  const error = useConsoleStore((s) => s.historyError);
  const filter = useConsoleStore((s) => s.historyFilter);
  const loadHistory = useConsoleStore((s) => s.loadHistory);
  const setFilter = useConsoleStore((s) => s.setHistoryFilter);
  const clearHistory = useConsoleStore((s) => s.clearHistory);
  const replay = useConsoleStore((s) => s.replayHistory);
  // Today's date, not the ticking clock: the table re-renders at midnight, not every second.
  const today = useConsoleStore((s) => dayOf(selectNow(s)));
  const [confirming, setConfirming] = useState(false);

  useEffect(() => {
    void loadHistory();
  }, [loadHistory]);

  return (
    <section className="page" aria-labelledby={`${id}-title`}>
      <h1 id={`${id}-title`}>History</h1>
      <div className="field inline">
        <label htmlFor={`${id}-filter`}>Filter</label>
        <input
          id={`${id}-filter`}
          type="search"
          value={filter}
          placeholder="e.g. POST /v1/contacts"
          aria-describedby={`${id}-filter-hint`}
          onChange={(e) => setFilter(e.target.value)}
        />
        <button type="button" disabled={history.length === 0 && !filter} onClick={() => setConfirming(true)}>
          Clear history
        </button>
      </div>
      <p id={`${id}-filter-hint`} className="hint">
        Every word must match the method, path, status or key: “POST /v1/messages”, “429”, “Sandbox demo”.
      </p>
      {confirming && (
        <ConfirmDialog
          title="Clear history"
          confirmLabel="Clear history"
          busyText="Clearing…"
          onConfirm={async () => {
            await clearHistory();
            const failed = consoleStore.getState().historyError;
            return failed ? failed.message : null;
          }}
          onClose={() => setConfirming(false)}
        >
          Remove every request from this computer’s history? This cannot be undone. Your keys are not affected.
        </ConfirmDialog>
      )}
      {error && (
        <p role="alert" className="form-error">
          {error.message}
        </p>
      )}
      {status === 'ready' && history.length === 0 && <p className="empty">{filter ? 'No request matches the filter.' : 'No requests yet. Requests you send appear here.'}</p>}
      {history.length > 0 && (
        <table aria-label="Request history" className="history-table">
          <thead>
            <tr>
              <th scope="col">Time</th>
              <th scope="col">Method</th>
              <th scope="col">Path</th>
              <th scope="col">Status</th>
              <th scope="col">Duration</th>
              <th scope="col">Key</th>
              <th scope="col">Rate limit</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {history.map((e) => (
              <tr key={e.id}>
                <td>
                  <time dateTime={new Date(e.time).toISOString()} title={new Date(e.time).toLocaleString()}>
                    {formatHistoryTime(e.time, today)}
                  </time>
                </td>
                <td>{e.method}</td>
                <td>
                  <code>
                    {e.path}
                    {e.query.length > 0 ? `?${e.query.map((q) => `${q.name}=${q.value}`).join('&')}` : ''}
                  </code>
                </td>
                <td>{e.status ?? e.errorCode ?? ''}</td>
                <td>{e.durationMs === null ? '' : formatDuration(e.durationMs)}</td>
                <td>
                  {e.keyName} <code>{e.keyPrefix}</code>
                </td>
                <td>{e.rateLimit ? leftOf(numbersOf(e.rateLimit)) : ''}</td>
                <td>
                  <button type="button" onClick={() => replay(e)} aria-label={`Replay ${e.method} ${e.path}`}>
                    Replay
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
