import { useEffect, useMemo, useRef, useState } from 'react';
import { Metric } from '../../components/Metric';
import { ReplayedBadge, RetryButton } from '../requests/ReplyMarks';
import { formatBytes, formatDuration } from '../../lib/units';
import { selectInFlight, selectResponse, selectResponseError, selectSentMethod, useConsoleStore } from '../../store';
import { JsonTree } from './JsonTree';
import { LargeBody } from './LargeBody';
import { Pagination } from './Pagination';
import { RawBody } from './RawBody';
import { SaveToFile } from './SaveToFile';
import { pinRateLimitHeaders } from './rate-limit-meanings';
import { findMatches, searchStatus, stepMatch } from './body-search';
import { headerValue, viewBody } from './response-body';
import { SearchControls } from './SearchControls';
import { pathTo, searchTree } from './tree-search';
import { statusClass, statusLine } from './status-text';
import { formatElapsed, useElapsed } from './use-elapsed';
import { useVariablePicker } from './use-variable-picker';

/** Above this a tree would be slow to build: the raw view only. */
const TREE_LIMIT = 2 * 1024 * 1024;

export function ResponsePanel() {
  const response = useConsoleStore(selectResponse);
  const error = useConsoleStore(selectResponseError);
  const inFlight = useConsoleStore(selectInFlight);
  // Save to file sends again what was sent: its method is the last send's (a Custom POST is no GET).
  const sentMethod = useConsoleStore(selectSentMethod);
  const { pick: pickValue, view: variableView, clear: clearVariable } = useVariablePicker();
  const [view, setView] = useState<'raw' | 'tree'>('raw');
  const [search, setSearch] = useState('');
  const [copied, setCopied] = useState<string | null>(null);
  const region = useRef<HTMLElement>(null);
  const elapsed = useElapsed(inFlight);

  // "Body copied." was about the body that was there: a new reply (or a new send) clears it.
  useEffect(() => setCopied(null), [response, inFlight]);
  useEffect(() => clearVariable(), [response, clearVariable]);

  // A reply that lands low or out of sight (stacked layout, builder scrolled) is brought up, body and all.
  useEffect(() => {
    const el = region.current;
    if (!response || !el) return;
    const top = el.getBoundingClientRect().top;
    if (top < 0 || top > window.innerHeight * 0.35) el.scrollIntoView({ block: 'start' });
  }, [response]);

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
  const [current, setCurrent] = useState(-1);
  const rawMatches = useMemo(() => findMatches(body && body.kind !== 'empty' ? body.text : '', search), [body, search]);
  const treeMatches = useMemo(() => searchTree(view === 'tree' ? parsed : undefined, view === 'tree' ? search : ''), [parsed, search, view]);
  // Each view counts what it shows: the tree its keys and values, Raw the pretty-printed text.
  const inTree = view === 'tree' && parsed !== undefined;
  const total = inTree ? treeMatches.total : rawMatches.total;
  const shown = inTree ? treeMatches.matchNode.length : rawMatches.offsets.length;
  useEffect(() => setCurrent(-1), [search, response, view]);
  const currentNode = inTree && current >= 0 ? treeMatches.matchNode[current] : undefined;
  const openPath = useMemo(() => (currentNode === undefined ? new Set<string>() : pathTo(currentNode)), [currentNode]);
  const status = search ? searchStatus({ total, capped: false, shown, current }) : null;

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
    <section ref={region} role="region" aria-label="Response" aria-busy={inFlight} className="panel">
      <h2>Response</h2>
      {inFlight && (
        // The live region says "Sending…" once; the stopwatch beside it is not announced every tick.
        <p className="sending">
          <span role="status">Sending…</span> <span className="elapsed">{formatElapsed(elapsed)}</span>
        </p>
      )}
      {/* While a request is out, the last reply (maybe another server's) is not shown as if it were its answer. */}
      {!inFlight && error && (
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
      {!inFlight && response && body && (
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
          {response.captured && response.captured.variables.length > 0 && (
            <p role="status" className="captured">
              Captured {response.captured.variables.map((v) => v.name).join(', ')}: the next request resolves with {response.captured.variables.length === 1 ? 'it' : 'them'}.
            </p>
          )}
          {(response.captured?.problems ?? []).map((p) => (
            <p key={p.message} className="banner banner-warning">
              {p.message}
            </p>
          ))}
          {variableView}
          <Pagination />
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
            <LargeBody large={response.large} kind={response.bodyKind ?? 'text'} onUse={pickValue} />
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
                <button type="button" onClick={() => void copyBody()}>
                  Copy body
                </button>
                {copied && <span role="status">{copied}</span>}
                <SearchControls query={search} onQuery={setSearch} onStep={(step) => setCurrent((c) => stepMatch(c, shown, step))} canStep={shown > 0} status={status} />
              </div>
              {view === 'tree' && parsed !== undefined ? (
                <>
                <p className="hint">Point at a value (or Tab to it) for Use as variable: the next requests can use it as {'{{name}}'}.</p>
                <div className="json-tree" aria-label="Body tree">
                  <JsonTree value={parsed} highlight={{ query: search, search: treeMatches, current, open: openPath }} onUse={pickValue} />
                </div>
                </>
              ) : (
                <RawBody text={body.text} kind={body.kind} search={{ query: search, matches: rawMatches, current }} />
              )}
            </>
          )}
        </>
      )}
    </section>
  );
}
