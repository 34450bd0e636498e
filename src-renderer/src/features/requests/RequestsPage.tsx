import { lazy, Suspense, useId, useMemo, type FormEvent } from 'react';
import {
  selectActiveKey,
  selectEndpointId,
  selectInFlight,
  selectKeys,
  selectKeysStatus,
  selectQueryValues,
  useConsoleStore,
} from '../../store';
import { CollectionPanel } from '../collections/CollectionPanel';
import { SaveBar } from '../collections/SaveBar';
import { RateLimitPanel } from '../rate-limit/RateLimitPanel';
import { ResponsePanel } from '../response/ResponsePanel';
import { isPickable, isUsableKey } from '../../lib/key-labels';
import { KeyPicker } from '../keys/KeyPicker';
import { validateBody } from './body-validation';
import { CopyAsCode } from './CopyAsCode';
import { CUSTOM_ENDPOINT_ID, endpointLabel, findEndpoint } from '../../lib/endpoint-catalog';
import { HttpMethodSchema } from '../../../../src-preload/contract';
import { HeadersTable } from './HeadersTable';
import { RequestTabs } from './RequestTabs';
import { SplitPane } from './SplitPane';
import { useSendShortcut } from './use-send-shortcut';
import { ResolvedRequest } from './ResolvedRequest';
import { useResolvedPreview } from './use-resolved-preview';
import { TestsPanel } from './TestsPanel';
import { ResponseHistoryPanel } from '../response/ResponseHistoryPanel';
import './requests.css';

// CodeMirror is most of the bundle and only this page's body editor needs it: loaded when first shown.
const BodyEditor = lazy(() => import('./BodyEditor').then((m) => ({ default: m.BodyEditor })));

export function RequestsPage() {
  const allKeys = useConsoleStore(selectKeys);
  const keys = useMemo(() => allKeys.filter(isPickable), [allKeys]);
  const keysStatus = useConsoleStore(selectKeysStatus);
  const activeKey = useConsoleStore(selectActiveKey);
  const endpointId = useConsoleStore(selectEndpointId);
  const catalog = useConsoleStore((s) => s.catalog);
  const queryValues = useConsoleStore(selectQueryValues);
  const pathValues = useConsoleStore((s) => s.pathValues);
  const body = useConsoleStore((s) => s.body);
  const inFlight = useConsoleStore(selectInFlight);
  const budgetWarning = useConsoleStore((s) => s.budgetWarning);
  const selectEndpoint = useConsoleStore((s) => s.selectEndpoint);
  const setQueryValue = useConsoleStore((s) => s.setQueryValue);
  const setPathValue = useConsoleStore((s) => s.setPathValue);
  const setBody = useConsoleStore((s) => s.setBody);
  const sendRequest = useConsoleStore((s) => s.sendRequest);
  const cancelRequest = useConsoleStore((s) => s.cancelRequest);
  const id = useId();
  const activeTabId = useConsoleStore((s) => s.activeTabId);

  const customMethod = useConsoleStore((s) => s.customMethod);
  const customPath = useConsoleStore((s) => s.customPath);
  const setCustomMethod = useConsoleStore((s) => s.setCustomMethod);
  const setCustomPath = useConsoleStore((s) => s.setCustomPath);
  const custom = endpointId === CUSTOM_ENDPOINT_ID;
  const endpoint = findEndpoint(endpointId, catalog);
  // An undefined variable blocks Send (main refuses it too), naming it under the resolved request.
  const preview = useResolvedPreview();
  const canSend = activeKey !== null && isUsableKey(activeKey) && (endpoint !== undefined || custom) && !inFlight && preview.blocked === null;
  const send = () => void sendRequest();
  useSendShortcut(send, canSend);
  const problems = endpoint?.bodySchema ? validateBody(body, endpoint.bodySchema) : [];

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (canSend) send();
  }

  const noKeys = keysStatus === 'ready' && keys.length === 0;

  return (
    <section className="page" aria-labelledby={`${id}-title`}>
      <h1 id={`${id}-title`}>Requests</h1>
      <div className="requests-workspace">
      <CollectionPanel />
      <div className="requests-main">
      <RequestTabs panelId={`${id}-tabpanel`} />
      <div className="request-tabpanel" role="tabpanel" id={`${id}-tabpanel`} aria-labelledby={activeTabId ? `${activeTabId}-tab` : undefined}>
      <SaveBar />
      <SplitPane
        label="Resize builder and response"
        start={
          <form className="form request-form" onSubmit={submit}>
            <KeyPicker label="Key" describedBy={noKeys ? `${id}-no-keys` : undefined} />
            <div className="field">
              <label htmlFor={`${id}-endpoint`}>Endpoint</label>
              <select id={`${id}-endpoint`} value={endpointId} aria-describedby={`${id}-endpoint-desc`} onChange={(e) => selectEndpoint(e.target.value)}>
                {catalog.map((entry) => (
                  <option key={entry.id} value={entry.id}>
                    {endpointLabel(entry)}
                  </option>
                ))}
                <option value={CUSTOM_ENDPOINT_ID}>Custom request — any method and path</option>
              </select>
              <p id={`${id}-endpoint-desc`} className="hint">
                {custom ? 'Any method and path, sent to the selected key’s server (type the path only, with ?query if any).' : endpoint?.description}
              </p>
            </div>
            {custom && (
              <div className="custom-request">
                <div className="field">
                  <label htmlFor={`${id}-method`}>Method</label>
                  <select id={`${id}-method`} value={customMethod} onChange={(e) => setCustomMethod(HttpMethodSchema.parse(e.target.value))}>
                    {HttpMethodSchema.options.map((m) => (
                      <option key={m} value={m}>
                        {m}
                      </option>
                    ))}
                  </select>
                </div>
                <div className="field custom-path">
                  <label htmlFor={`${id}-path`}>Path</label>
                  <input
                    id={`${id}-path`}
                    type="text"
                    spellCheck={false}
                    autoCapitalize="off"
                    placeholder="/v1/contacts?limit=10"
                    value={customPath}
                    onChange={(e) => setCustomPath(e.target.value)}
                  />
                </div>
              </div>
            )}
            {custom && customMethod !== 'GET' && customMethod !== 'HEAD' && (
              <div className="field">
                <label htmlFor={`${id}-custom-body`}>Request body</label>
                <textarea id={`${id}-custom-body`} className="curl-command" rows={8} spellCheck={false} value={body} onChange={(e) => setBody(e.target.value)} />
              </div>
            )}
            {endpoint && endpoint.pathParams.length > 0 && (
              <fieldset className="query-params">
                <legend>Path parameters</legend>
                {endpoint.pathParams.map((param) => (
                  <div className="field" key={param.name}>
                    <label htmlFor={`${id}-p-${param.name}`}>{param.name}</label>
                    <input
                      id={`${id}-p-${param.name}`}
                      type="text"
                      required
                      aria-describedby={`${id}-p-${param.name}-hint`}
                      value={pathValues[param.name] ?? ''}
                      onChange={(e) => setPathValue(param.name, e.target.value)}
                    />
                    <p id={`${id}-p-${param.name}-hint`} className="hint">
                      {param.description}
                    </p>
                  </div>
                ))}
              </fieldset>
            )}
            {endpoint && endpoint.queryParams.length > 0 && (
              <fieldset className="query-params">
                <legend>Query parameters</legend>
                <table aria-label="Query parameters" className="param-table">
                  <thead>
                    <tr>
                      <th scope="col">Name</th>
                      <th scope="col">Value</th>
                      <th scope="col">Meaning</th>
                    </tr>
                  </thead>
                  <tbody>
                    {endpoint.queryParams.map((param) => (
                      <tr key={param.name}>
                        <td>
                          <label htmlFor={`${id}-q-${param.name}`}>{param.name}</label>
                        </td>
                        <td>
                          {param.enum ? (
                            <select id={`${id}-q-${param.name}`} value={queryValues[param.name] ?? ''} onChange={(e) => setQueryValue(param.name, e.target.value)}>
                              <option value="">(any)</option>
                              {param.enum.map((v) => (
                                <option key={v} value={v}>
                                  {v}
                                </option>
                              ))}
                            </select>
                          ) : (
                            <input
                              id={`${id}-q-${param.name}`}
                              type="text"
                              inputMode={param.type === 'integer' ? 'numeric' : 'text'}
                              aria-describedby={`${id}-q-${param.name}-hint`}
                              value={queryValues[param.name] ?? ''}
                              onChange={(e) => setQueryValue(param.name, e.target.value)}
                            />
                          )}
                        </td>
                        <td id={`${id}-q-${param.name}-hint`} className="hint">
                          {param.description}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </fieldset>
            )}
            <HeadersTable isPost={custom ? customMethod === 'POST' : endpoint?.method === 'POST'} />
            {endpoint?.bodySchema && (
              <div className="field">
                <span className="label" id={`${id}-body-label`}>
                  Body (JSON)
                </span>
                <Suspense fallback={<p className="hint">Loading the body editor…</p>}>
                  <BodyEditor value={body} schema={endpoint.bodySchema} onChange={setBody} describedBy={`${id}-body-problems`} />
                </Suspense>
                <div id={`${id}-body-problems`} role="status" className={problems.length > 0 ? 'form-error' : 'hint'}>
                  {problems.length > 0 ? problems.map((p) => <p key={p.message}>{p.message}</p>) : 'The body matches the endpoint’s schema.'}
                </div>
              </div>
            )}
            <ResolvedRequest preview={preview} describedById={`${id}-blocked`} />
            <div className="actions">
              <button
                type="submit"
                className="primary"
                disabled={!canSend}
                aria-keyshortcuts="Control+Enter Meta+Enter"
                aria-describedby={noKeys ? `${id}-no-keys` : preview.blocked ? `${id}-blocked` : undefined}
              >
                Send
              </button>
              {inFlight && (
                <button type="button" onClick={() => void cancelRequest()}>
                  Cancel
                </button>
              )}
              <span className="hint">Ctrl+Enter (⌘+Enter on macOS)</span>
            </div>
            {budgetWarning && (
              <p role="alert" className="banner banner-warning">
                {budgetWarning}
              </p>
            )}
            {noKeys && (
              <p id={`${id}-no-keys`} className="empty">
                There are no keys to send with yet. Add one on the Keys page, then come back.
              </p>
            )}
            <CopyAsCode />
          </form>
        }
        end={
          <div className="response-column">
            <ResponsePanel />
            <TestsPanel />
            <ResponseHistoryPanel />
            <RateLimitPanel />
          </div>
        }
      />
      </div>
      </div>
      </div>
    </section>
  );
}
