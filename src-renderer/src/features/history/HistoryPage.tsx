import { useEffect, useId } from 'react';
import { formatDuration } from '../../lib/units';
import { useConsoleStore } from '../../store';
import { leftOf, numbersOf } from '../rate-limit/rate-limit-words';

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

  useEffect(() => {
    void loadHistory();
  }, [loadHistory]);

  return (
    <section className="page" aria-labelledby={`${id}-title`}>
      <h1 id={`${id}-title`}>History</h1>
      <div className="field inline">
        <label htmlFor={`${id}-filter`}>Filter</label>
        <input id={`${id}-filter`} type="search" value={filter} placeholder="method, path, status or key" onChange={(e) => setFilter(e.target.value)} />
        <button
          type="button"
          disabled={history.length === 0}
          onClick={() => {
            if (window.confirm('Clear the whole request history on this computer?')) void clearHistory();
          }}
        >
          Clear history
        </button>
      </div>
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
                <td>{new Date(e.time).toLocaleTimeString()}</td>
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
