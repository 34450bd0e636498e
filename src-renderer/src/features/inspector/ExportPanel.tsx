import { useEffect, useId, useRef, useState } from 'react';
import { selectAppInfo, useConsoleStore } from '../../store';
import { describeExport } from './inspector-format';
import { StatusOptions } from './StatusOptions';

type Kind = 'contacts' | 'conversations' | 'thread';
type Status = '' | 'open' | 'pending' | 'closed';

/** An export of one thing: a contact's conversations, or one conversation's thread. */
type FixedTarget = { kind: 'conversations'; contactId: string; label: string } | { kind: 'thread'; conversationId: string; label: string };

/**
 * `Export` a filtered list (or one thread) to CSV or JSON. Main writes the file (atomically) at the
 * pace the rate limit allows, masked when Mask personal data is on; this panel shows `Export
 * progress`, can cancel, and then offers `Show in folder` (desktop) or the download (web host).
 */
export function ExportPanel({ fixed, headingLevel = 2 }: { fixed?: FixedTarget; headingLevel?: 2 | 3 }) {
  const id = useId();
  const [kind, setKind] = useState<Kind>(fixed?.kind ?? 'conversations');
  const [status, setStatus] = useState<Status>('');
  const [q, setQ] = useState('');
  const [format, setFormat] = useState<'csv' | 'json'>('csv');
  const [bom, setBom] = useState(false);
  const masked = useConsoleStore((s) => s.settings.maskPersonalData);
  const desktop = useConsoleStore((s) => selectAppInfo(s)?.host === 'electron');
  const showInFolder = useConsoleStore((s) => s.showExportInFolder);
  // One export runs at a time; each panel shows it only if it started it (a thread's is not the list's).
  const scope = fixed?.kind === 'thread' ? `thread:${fixed.conversationId}` : fixed ? `contact:${fixed.contactId}` : 'list';
  const mine = useConsoleStore((s) => s.exportScope === scope);
  const progress = useConsoleStore((s) => (mine ? s.exportProgress : null));
  const error = useConsoleStore((s) => (mine ? s.exportError : null));
  const startExport = useConsoleStore((s) => s.startExport);
  const cancelExport = useConsoleStore((s) => s.cancelExport);
  // A panel that mounts after its export ended (back to a view) does not download it again.
  const downloaded = useRef<string | null>(progress?.state === 'done' ? progress.exportId : null);
  const running = progress?.state === 'running' || progress?.state === 'waiting';

  // Web host: the finished file is offered as a download, once.
  useEffect(() => {
    if (progress?.state === 'done' && progress.downloadUrl && downloaded.current !== progress.exportId) {
      downloaded.current = progress.exportId;
      const a = document.createElement('a');
      a.href = progress.downloadUrl;
      a.download = progress.fileName;
      a.click();
    }
  }, [progress]);

  function start() {
    void startExport({
      kind,
      format,
      bom: format === 'csv' && bom,
      filter: {
        ...(kind === 'conversations' && status ? { status } : {}),
        ...(kind === 'contacts' && q.trim() ? { q: q.trim() } : {}),
        ...(fixed?.kind === 'conversations' ? { contactId: fixed.contactId } : {}),
        ...(fixed?.kind === 'thread' ? { conversationId: fixed.conversationId } : {}),
      },
    }, scope);
  }

  return (
    <section className="panel export-panel" aria-labelledby={`${id}-title`}>
      {headingLevel === 2 ? (
        <h2 id={`${id}-title`}>Export {fixed ? fixed.label : 'a list'}</h2>
      ) : (
        <h3 id={`${id}-title`}>Export {fixed ? fixed.label : 'a list'}</h3>
      )}
      <div className="export-form">
        {!fixed && (
          <div className="field">
            <label htmlFor={`${id}-kind`}>List</label>
            <select id={`${id}-kind`} value={kind} onChange={(e) => setKind(e.target.value as Kind)} disabled={running}>
              <option value="conversations">Conversations</option>
              <option value="contacts">Contacts</option>
            </select>
          </div>
        )}
        {kind === 'conversations' && (
          <div className="field">
            <label htmlFor={`${id}-status`}>Status</label>
            <select id={`${id}-status`} value={status} onChange={(e) => setStatus(e.target.value as Status)} disabled={running}>
              <StatusOptions />
            </select>
          </div>
        )}
        {kind === 'contacts' && (
          <div className="field">
            <label htmlFor={`${id}-q`}>Name or email contains</label>
            <input id={`${id}-q`} type="text" value={q} onChange={(e) => setQ(e.target.value)} disabled={running} />
          </div>
        )}
        <div className="field">
          <label htmlFor={`${id}-format`}>Format</label>
          <select id={`${id}-format`} value={format} onChange={(e) => setFormat(e.target.value as 'csv' | 'json')} disabled={running}>
            <option value="csv">CSV</option>
            <option value="json">JSON</option>
          </select>
        </div>
        {format === 'csv' && (
          <div className="field">
            <label>
              <input type="checkbox" checked={bom} onChange={(e) => setBom(e.target.checked)} disabled={running} /> Add BOM for spreadsheets
            </label>
          </div>
        )}
        <div className="actions">
          <button type="button" className="primary" onClick={start} disabled={running}>
            Export
          </button>
          {running && (
            <button type="button" onClick={() => void cancelExport()}>
              Cancel export
            </button>
          )}
        </div>
      </div>
      {masked && <p className="hint">Mask personal data is on: names, emails and phone numbers are written masked.</p>}
      {progress && (
        <div className="export-progress">
          <progress
            aria-label="Export progress"
            max={progress.total ?? undefined}
            value={progress.total !== null ? progress.done : undefined}
          />
          <p aria-live="polite" className={progress.state === 'failed' ? 'form-error' : 'hint'}>
            {describeExport(progress)}
          </p>
          {progress.state === 'done' && progress.path && !progress.downloadUrl && (
            <p className="hint">
              Saved to <code>{progress.path}</code>{' '}
              {desktop && (
                <button type="button" onClick={() => void showInFolder(progress.exportId)}>
                  Show in folder
                </button>
              )}
            </p>
          )}
          {progress.state === 'done' && progress.downloadUrl && (
            <p className="hint">
              <a href={progress.downloadUrl} download={progress.fileName}>
                Download {progress.fileName}
              </a>
            </p>
          )}
        </div>
      )}
      {error && (
        <p role="alert" className="form-error">
          {error.message}
        </p>
      )}
    </section>
  );
}
