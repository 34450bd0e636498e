import { useId, useMemo, useState } from 'react';
import { Metric } from '../../components/Metric';
import { ReplayedBadge, RetryButton } from '../requests/ReplyMarks';
import { formatBytes, formatDuration } from '../../lib/units';
import { selectInFlight, selectResponse, selectResponseError, useConsoleStore } from '../../store';
import { JsonTree } from './JsonTree';
import { LargeBody } from './LargeBody';
import { RawBody } from './RawBody';
import { SaveToFile } from './SaveToFile';
import { pinRateLimitHeaders } from './rate-limit-meanings';
import { countMatches, headerValue, viewBody } from './response-body';
import { statusClass, statusLine } from './status-text';

/** Above this a tree would be slow to build: the raw view only. */
const TREE_LIMIT = 2 * 1024 * 1024;

export function ResponsePanel() {
  const response = useConsoleStore(selectResponse);
  const error = useConsoleStore(selectResponseError);
  const inFlight = useConsoleStore(selectInFlight);
  const sentMethod = useConsoleStore((s) => s.catalog.find((e) => e.id === s.endpointId)?.method);
  const id = useId();
  const [view, setView] = useState<'raw' | 'tree'>('raw');
  const [search, setSearch] = useState('');
  const [copied, setCopied] = useState<string | null>(null);

  const body = useMemo(() => (response ? viewBody(response.body, headerValue(response.headers, 'content-type')) : null), [response]);
  const parsed = useMemo(() => {
    if (!body || body.kind !== 'json' || body.text.length > TREE_LIMIT) return undefined;
    try {
      return JSON.parse(body.text) as unknown;
    } catch {
      return undefined;
    }
  }, [body]);
  const headers = useMemo(() => (response ? pinRateLimitHeaders(response.headers) : []), [response]);
  const matches = body && body.kind !== 'empty' ? countMatches(body.text, search) : 0;

  async function copyBody() {
    if (!body || body.kind === 'empty') return;
    try {
      await navigator.clipboard.writeText(body.text);
      setCopied('Body copied.');
    } catch {
      setCopied('The clipboard is not available: select the body and copy it.');
    }
  }

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
      {error && !response && (
        <p>
          <RetryButton />
        </p>
      )}
      {!response && !error && !inFlight && <p className="empty">No response yet. Pick a key and press Send.</p>}
      {response && body && (
        <>
          <p className={`status-line status-${statusClass(response.status)}`}>
            {statusLine(response.status, response.statusText)} <ReplayedBadge /> <RetryButton />
          </p>
          <dl className="metrics">
            <Metric label="Time">{formatDuration(response.durationMs)}</Metric>
            {response.ttfbMs !== undefined && <Metric label="Time to first byte">{formatDuration(response.ttfbMs)}</Metric>}
            <Metric label="Size">
              {formatBytes(response.sizeBytes)}
              {response.wireBytes !== undefined && response.wireBytes !== response.sizeBytes && ` (${formatBytes(response.wireBytes)} on the wire)`}
            </Metric>
            <Metric label="URL" className="metric-url">
              <code>{response.url}</code>
            </Metric>
          </dl>
          {(response.notes ?? []).map((note) => (
            <p key={note} className={response.status >= 400 || response.tooLarge ? 'banner banner-warning' : 'banner'}>
              {note}
            </p>
          ))}
          {response.tooLarge ? (
            <SaveToFile method={sentMethod ?? 'GET'} />
          ) : (
            response.large && <SaveToFile method={sentMethod ?? 'GET'} responseId={response.large.responseId} />
          )}
          {response.bodyTruncated && !response.notes?.length && (
            <p className="banner banner-warning">The body is larger than the console keeps: only the first part is shown.</p>
          )}
          <details className="response-headers">
            <summary>Headers ({headers.length})</summary>
            <table aria-label="Response headers">
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Value</th>
                  <th scope="col">Meaning</th>
                </tr>
              </thead>
              <tbody>
                {headers.map((h, i) => (
                  <tr key={`${h.name}-${i}`} className={h.meaning ? 'pinned' : undefined}>
                    <td>{h.name}</td>
                    <td>
                      <code>{h.value}</code>
                    </td>
                    <td>{h.meaning ?? ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
          {response.large ? (
            <LargeBody large={response.large} kind={response.bodyKind ?? 'text'} />
          ) : body.kind === 'empty' ? (
            <p className="empty">{response.bodyKind === 'binary' ? 'The body is binary and is not shown.' : 'The response has no body.'}</p>
          ) : (
            <>
              <div className="body-toolbar" role="toolbar" aria-label="Body view">
                <button type="button" aria-pressed={view === 'raw'} onClick={() => setView('raw')}>
                  Raw
                </button>
                <button type="button" aria-pressed={view === 'tree'} disabled={parsed === undefined} onClick={() => setView('tree')}>
                  Tree
                </button>
                <label htmlFor={`${id}-search`}>Search in body</label>
                <input id={`${id}-search`} type="search" value={search} onChange={(e) => setSearch(e.target.value)} />
                {search && <span role="status">{matches} match{matches === 1 ? '' : 'es'}</span>}
                <button type="button" onClick={() => void copyBody()}>
                  Copy body
                </button>
                {copied && <span role="status">{copied}</span>}
              </div>
              {view === 'tree' && parsed !== undefined ? (
                <div className="json-tree" aria-label="Body tree">
                  <JsonTree value={parsed} highlight={search} />
                </div>
              ) : (
                <RawBody text={body.text} kind={body.kind} />
              )}
            </>
          )}
        </>
      )}
    </section>
  );
}
