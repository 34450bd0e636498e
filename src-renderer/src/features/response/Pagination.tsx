import { useMemo, useState } from 'react';
import type { ExportFormat, PagesProgress } from '../../../../src-preload/contract';
import { listPageFacts, useConsoleStore } from '../../store';
import { JsonTree } from './JsonTree';
import { useVariablePicker } from './use-variable-picker';
import { RawBody } from './RawBody';
import { searchTree } from './tree-search';

const NO_HIGHLIGHT = { query: '', search: searchTree(undefined, ''), current: -1, open: new Set<string>() };

const count = (n: number, one: string, many: string) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
const pagesAndItems = (p: { pages: number; items: number }) => `${count(p.pages, 'page', 'pages')}, ${count(p.items, 'item', 'items')}`;

/** Next page and Fetch all pages for a list reply with `has_more`; the walk's progress; the merged list and its export. */
export function Pagination() {
  const response = useConsoleStore((s) => s.response);
  const lastSent = useConsoleStore((s) => s.lastSent);
  const source = useConsoleStore((s) => s.pagesSource);
  const loading = useConsoleStore((s) => s.nextPageLoading);
  const progress = useConsoleStore((s) => s.walkProgress);
  const error = useConsoleStore((s) => s.pagesError);
  const nextPage = useConsoleStore((s) => s.nextPage);
  const fetchAll = useConsoleStore((s) => s.fetchAllPages);
  const cancel = useConsoleStore((s) => s.cancelFetchAll);
  const facts = useMemo(() => listPageFacts(response), [response]);
  // The walk belongs to the reply it started from: another reply shows no old walk.
  const mine = source === response;
  const walk = mine ? progress : null;
  const running = walk?.state === 'running' || walk?.state === 'waiting';
  if (!facts || lastSent?.method !== 'GET' || (!facts.hasMore && !walk)) return null;
  return (
    <div className="pagination" role="group" aria-label="Pages">
      <div className="pagination-actions">
        <button type="button" disabled={!facts.hasMore || !facts.nextCursor || loading || running} onClick={() => void nextPage()}>
          {loading ? 'Loading next page…' : 'Next page'}
        </button>
        <button type="button" disabled={loading || running} onClick={() => void fetchAll()}>
          Fetch all pages
        </button>
        {running && (
          <button type="button" onClick={() => void cancel()}>
            Cancel
          </button>
        )}
      </div>
      {walk && running && <WalkProgress progress={walk} />}
      {walk && !running && <WalkEnd progress={walk} />}
      {mine && error && (
        <p role="alert" className="form-error">
          {error.message}
        </p>
      )}
    </div>
  );
}

function WalkProgress({ progress }: { progress: PagesProgress }) {
  // The total is unknown until the last page: the bar is indeterminate, the words say how far.
  const words = pagesAndItems(progress);
  return (
    <div className="pagination-progress">
      <progress aria-label="Pages progress" aria-valuenow={progress.pages} aria-valuetext={words} />
      <p aria-live="polite" className="hint">
        {words}
        {progress.state === 'waiting' && progress.message ? ` — ${progress.message}` : ''}
      </p>
    </div>
  );
}

function WalkEnd({ progress }: { progress: PagesProgress }) {
  const merged = progress.merged;
  const [view, setView] = useState<'raw' | 'tree'>('raw');
  const parsed = useMemo(() => (merged && view === 'tree' ? (JSON.parse(merged.body) as unknown) : undefined), [merged, view]);
  const variables = useVariablePicker();
  if (!merged) {
    return (
      <p role="alert" className="form-error">
        {progress.message ?? 'Fetch all pages failed.'}
      </p>
    );
  }
  return (
    <section className="merged-list" aria-label="Merged list">
      {/* Its own heading: this list and the page's body below both have Raw/Tree. */}
      <h3>Merged list</h3>
      <p role="status" className="merged-summary">
        {count(merged.items, 'item', 'items')} from {count(merged.pages, 'page', 'pages')}
        {progress.rateLimited > 0 ? `; ${count(progress.rateLimited, 'reply was', 'replies were')} 429 (waited as the server asked)` : ''}.
        {merged.stopped ? ` ${merged.stopped}` : ''}
        {merged.shownItems < merged.items ? ` Showing the first ${merged.shownItems.toLocaleString('en-US')} (the display limit); Export writes all.` : ''}
        {merged.duplicatesDropped > 0 ? ` ${count(merged.duplicatesDropped, 'item', 'items')} seen twice (the list changed) dropped.` : ''}
      </p>
      <div className="body-toolbar" role="toolbar" aria-label="Merged list view">
        <button type="button" aria-pressed={view === 'raw'} onClick={() => setView('raw')}>
          Raw
        </button>
        <button type="button" aria-pressed={view === 'tree'} onClick={() => setView('tree')}>
          Tree
        </button>
        <ExportPages />
      </div>
      {view === 'tree' && parsed !== undefined ? (
        <div className="json-tree" aria-label="Merged list tree">
          <JsonTree value={parsed} highlight={NO_HIGHLIGHT} onUse={variables.pick} />
        </div>
      ) : (
        <RawBody text={merged.body} kind="json" />
      )}
      {variables.view}
    </section>
  );
}

function ExportPages() {
  const exportPages = useConsoleStore((s) => s.exportPages);
  const [format, setFormat] = useState<ExportFormat>('json');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ text: string; error: boolean; href?: string | null; name?: string } | null>(null);
  async function run() {
    setBusy(true);
    setMessage(null);
    const result = await exportPages(format);
    setBusy(false);
    if ('error' in result) return setMessage({ text: result.error.message, error: true });
    const { saved } = result;
    setMessage({ text: `Exported to ${saved.path}.`, error: false, href: saved.downloadUrl, name: saved.fileName });
    // Web host: the file is offered as a download, as the Inspector's exports are.
    if (saved.downloadUrl) {
      const a = document.createElement('a');
      a.href = saved.downloadUrl;
      a.download = saved.fileName;
      a.click();
    }
  }
  return (
    <span className="merged-export">
      <label>
        Format{' '}
        <select value={format} onChange={(e) => setFormat(e.target.value as ExportFormat)}>
          <option value="json">JSON</option>
          <option value="csv">CSV</option>
        </select>
      </label>
      <button type="button" disabled={busy} onClick={() => void run()}>
        Export
      </button>
      {message && (
        <span role={message.error ? 'alert' : 'status'} className={message.error ? 'form-error' : 'hint'}>
          {message.text}
        </span>
      )}
    </span>
  );
}
