import { useId, type FormEvent } from 'react';
import {
  selectActiveKey,
  selectEndpointId,
  selectInFlight,
  selectKeys,
  selectKeysStatus,
  selectQueryValues,
  useConsoleStore,
} from '../../store';
import { RateLimitPanel } from '../rate-limit/RateLimitPanel';
import { ResponsePanel } from '../response/ResponsePanel';
import { keyOptionLabel } from '../keys/key-labels';
import { ENDPOINT_CATALOG, endpointLabel, findEndpoint } from './endpoint-catalog';
import { useSendShortcut } from './use-send-shortcut';

export function RequestsPage() {
  const keys = useConsoleStore(selectKeys);
  const keysStatus = useConsoleStore(selectKeysStatus);
  const activeKey = useConsoleStore(selectActiveKey);
  const endpointId = useConsoleStore(selectEndpointId);
  const queryValues = useConsoleStore(selectQueryValues);
  const inFlight = useConsoleStore(selectInFlight);
  const selectKey = useConsoleStore((s) => s.selectKey);
  const selectEndpoint = useConsoleStore((s) => s.selectEndpoint);
  const setQueryValue = useConsoleStore((s) => s.setQueryValue);
  const sendRequest = useConsoleStore((s) => s.sendRequest);
  const id = useId();

  const endpoint = findEndpoint(endpointId);
  const canSend = activeKey !== null && endpoint !== undefined && !inFlight;
  const send = () => void sendRequest();
  useSendShortcut(send, canSend);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (canSend) send();
  }

  const noKeys = keysStatus === 'ready' && keys.length === 0;

  return (
    <section className="page" aria-labelledby={`${id}-title`}>
      <h1 id={`${id}-title`}>Requests</h1>
      <form className="form request-form" onSubmit={submit}>
        <div className="field">
          <label htmlFor={`${id}-key`}>Key</label>
          <select
            id={`${id}-key`}
            value={activeKey?.id ?? ''}
            disabled={keys.length === 0}
            aria-describedby={noKeys ? `${id}-no-keys` : undefined}
            onChange={(e) => selectKey(e.target.value)}
          >
            {keys.length === 0 && <option value="">No keys</option>}
            {keys.map((key) => (
              <option key={key.id} value={key.id}>
                {keyOptionLabel(key)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-endpoint`}>Endpoint</label>
          <select id={`${id}-endpoint`} value={endpointId} onChange={(e) => selectEndpoint(e.target.value)}>
            {ENDPOINT_CATALOG.map((entry) => (
              <option key={entry.id} value={entry.id}>
                {endpointLabel(entry)}
              </option>
            ))}
          </select>
        </div>
        {endpoint && endpoint.query.length > 0 && (
          <fieldset className="query-params">
            <legend>Query parameters</legend>
            {endpoint.query.map((param) => (
              <div className="field" key={param.name}>
                <label htmlFor={`${id}-q-${param.name}`}>{param.name}</label>
                <input
                  id={`${id}-q-${param.name}`}
                  type="text"
                  inputMode={param.inputMode}
                  aria-describedby={`${id}-q-${param.name}-hint`}
                  value={queryValues[param.name] ?? ''}
                  onChange={(e) => setQueryValue(param.name, e.target.value)}
                />
                <p id={`${id}-q-${param.name}-hint`} className="hint">
                  {param.hint}
                </p>
              </div>
            ))}
          </fieldset>
        )}
        <div className="actions">
          <button
            type="submit"
            className="primary"
            disabled={!canSend}
            aria-keyshortcuts="Control+Enter Meta+Enter"
            aria-describedby={noKeys ? `${id}-no-keys` : undefined}
          >
            Send
          </button>
          <span className="hint">Ctrl+Enter (⌘+Enter on macOS)</span>
        </div>
        {noKeys && (
          <p id={`${id}-no-keys`} className="empty">
            There are no keys to send with yet. Add one on the Keys page, then come back.
          </p>
        )}
      </form>
      <div className="panels">
        <ResponsePanel />
        <RateLimitPanel />
      </div>
    </section>
  );
}
