import { useEffect, useId, useState } from 'react';
import type { ResponseSummaryView } from '../../../../src-preload/contract';
import { formatBytes, formatDuration } from '../../lib/units';
import { useConsoleStore } from '../../store';
import { diffResponses, type ResponseDiff } from './response-diff';

const timeText = (ms: number) => new Date(ms).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' });

/**
 * Region `Tab history` (the tab's response history): the active tab's last responses (kept by main, up to 20), two picked
 * with checkboxes and `Compare`d in region `Response diff`.
 */
export function ResponseHistoryPanel() {
  const tabId = useConsoleStore((s) => s.activeTabId);
  const response = useConsoleStore((s) => s.response);
  const list = useConsoleStore((s) => s.listTabResponses);
  const get = useConsoleStore((s) => s.getTabResponse);
  const [entries, setEntries] = useState<ResponseSummaryView[]>([]);
  const [picked, setPicked] = useState<string[]>([]);
  const [diff, setDiff] = useState<{ diff: ResponseDiff; title: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const id = useId();

  // A new reply (or another tab) lists again; a tab's picks and diff are its own.
  useEffect(() => {
    if (!tabId) return;
    let live = true;
    void list(tabId).then((result) => {
      if (!live) return;
      if (result.ok) {
        setEntries(result.value);
        setPicked((p) => p.filter((x) => result.value.some((e) => e.id === x)));
      } else setError(result.error.message);
    });
    return () => {
      live = false;
    };
  }, [tabId, response, list]);
  useEffect(() => {
    setPicked([]);
    setDiff(null);
  }, [tabId]);

  async function compare() {
    if (!tabId || picked.length !== 2) return;
    // Oldest first: the diff reads as "what changed since".
    const [a, b] = [...picked].sort((x, y) => entries.findIndex((e) => e.id === y) - entries.findIndex((e) => e.id === x));
    const [older, newer] = await Promise.all([get(tabId, a!), get(tabId, b!)]);
    if (!older.ok || !newer.ok) {
      setError((!older.ok ? older.error : !newer.ok ? newer.error : null)?.message ?? null);
      return;
    }
    setError(null);
    setDiff({ diff: diffResponses(older.value, newer.value), title: `${timeText(older.value.time)} (${older.value.status}) → ${timeText(newer.value.time)} (${newer.value.status})` });
  }

  const toggle = (entryId: string, on: boolean) => setPicked((p) => (on ? [...p.filter((x) => x !== entryId), entryId].slice(-2) : p.filter((x) => x !== entryId)));

  return (
    <section role="region" aria-labelledby={`${id}-title`} className="panel response-history">
      {/* Not "Response history": region names are matched by substring, and "Response" is the reply's region. */}
      <h2 id={`${id}-title`}>Tab history</h2>
      {entries.length === 0 ? (
        <p className="empty">This tab’s responses appear here after each Send (the last 20).</p>
      ) : (
        <>
          <div className="tab-history-scroll">
          <table className="tab-history-table" aria-label="Responses of this tab">
            <thead>
              <tr>
                <th scope="col">Pick</th>
                <th scope="col">Time</th>
                <th scope="col">Status</th>
                <th scope="col">Size</th>
                <th scope="col">Took</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e, i) => (
                <tr key={e.id}>
                  <td>
                    <input
                      type="checkbox"
                      aria-label={`Pick response ${i + 1}: ${timeText(e.time)}, status ${e.status}`}
                      checked={picked.includes(e.id)}
                      onChange={(ev) => toggle(e.id, ev.target.checked)}
                    />
                  </td>
                  <td>{timeText(e.time)}</td>
                  <td>{e.status}</td>
                  <td>
                    {formatBytes(e.sizeBytes)}
                    {e.bodyTruncated ? ' (start kept)' : ''}
                  </td>
                  <td>{formatDuration(e.durationMs)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          </div>
          <p className="actions">
            <button type="button" disabled={picked.length !== 2} onClick={() => void compare()} aria-describedby={`${id}-hint`}>
              Compare
            </button>
            <span id={`${id}-hint`} className="hint">
              {picked.length === 2 ? 'Compare the two picked responses.' : 'Pick two responses to compare.'}
            </span>
          </p>
        </>
      )}
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
      {diff && <DiffView diff={diff.diff} title={diff.title} onClose={() => setDiff(null)} />}
    </section>
  );
}

function DiffView({ diff, title, onClose }: { diff: ResponseDiff; title: string; onClose(): void }) {
  const id = useId();
  const same = !diff.status && diff.headers.length === 0 && diff.added === 0 && diff.removed === 0 && diff.lines !== null;
  return (
    <section role="region" aria-labelledby={`${id}-title`} className="response-diff">
      <h3 id={`${id}-title`}>Response diff</h3>
      <p className="hint">{title}</p>
      {same && <p role="status">The two responses are the same (status, headers and body).</p>}
      {diff.status && (
        <p>
          Status changed: <del>{diff.status.from}</del> → <ins>{diff.status.to}</ins>
        </p>
      )}
      {diff.headers.length > 0 && (
        <ul aria-label="Header changes">
          {diff.headers.map((h) => (
            <li key={h.name}>
              {h.change === 'added' ? `Added header ${h.name}: ${h.to}` : h.change === 'removed' ? `Removed header ${h.name}: ${h.from}` : `Changed header ${h.name}: ${h.from} → ${h.to}`}
            </li>
          ))}
        </ul>
      )}
      {diff.lines === null ? (
        <p className="banner banner-warning">The bodies are too different to compare line by line here; save both and use a diff tool.</p>
      ) : (
        (diff.added > 0 || diff.removed > 0) && (
          <>
            <p>
              Body: {diff.added} {diff.added === 1 ? 'line' : 'lines'} added, {diff.removed} removed.
            </p>
            <pre className="diff-lines" aria-label="Body changes">
              {diff.lines.map((line, i) =>
                line.kind === 'folded' ? (
                  <span key={i} className="diff-folded">{`  … ${line.count} unchanged lines\n`}</span>
                ) : line.kind === 'added' ? (
                  <ins key={i} className="diff-added">
                    <span className="visually-hidden">added: </span>
                    {`+ ${line.text}\n`}
                  </ins>
                ) : line.kind === 'removed' ? (
                  <del key={i} className="diff-removed">
                    <span className="visually-hidden">removed: </span>
                    {`- ${line.text}\n`}
                  </del>
                ) : (
                  <span key={i}>{`  ${line.text}\n`}</span>
                ),
              )}
            </pre>
            {diff.hiddenLines > 0 && <p className="hint">{diff.hiddenLines.toLocaleString('en-US')} more lines of the diff are not shown.</p>}
          </>
        )
      )}
      <p>
        <button type="button" onClick={onClose}>
          Close diff
        </button>
      </p>
    </section>
  );
}
