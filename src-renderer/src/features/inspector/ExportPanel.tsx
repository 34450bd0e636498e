import { useEffect, useId, useRef, useState } from 'react';
import { useConsoleStore } from '../../store';
import { describeExport } from './inspector-format';

type Kind = 'contacts' | 'conversations';
type Status = '' | 'open' | 'pending' | 'closed';

interface FixedTarget {
  kind: Kind;
  contactId: string;
  label: string;
}

/**
 * `Export` a filtered list to CSV or JSON. Main writes the file (atomically) at the pace the
 * rate limit allows; this panel shows `Export progress` and can cancel.
 */
export function ExportPanel({ fixed, headingLevel = 2 }: { fixed?: FixedTarget; headingLevel?: 2 | 3 }) {
  const id = useId();
  const [kind, setKind] = useState<Kind>(fixed?.kind ?? 'conversations');
  const [status, setStatus] = useState<Status>('');
  const [q, setQ] = useState('');
  const [format, setFormat] = useState<'csv' | 'json'>('csv');
  const progress = useConsoleStore((s) => s.exportProgress);
  const error = useConsoleStore((s) => s.exportError);
  const startExport = useConsoleStore((s) => s.startExport);
  const cancelExport = useConsoleStore((s) => s.cancelExport);
  const downloaded = useRef<string | null>(null);
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
      filter: {
        ...(kind === 'conversations' && status ? { status } : {}),
        ...(kind === 'contacts' && q.trim() ? { q: q.trim() } : {}),
        ...(fixed ? { contactId: fixed.contactId } : {}),
      },
    });
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
              <option value="">Any status</option>
              <option value="open">Open</option>
              <option value="pending">Pending</option>
              <option value="closed">Closed</option>
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
          {progress.state === 'done' && progress.path && (
            <p className="hint">
              Saved to <code>{progress.path}</code>
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
