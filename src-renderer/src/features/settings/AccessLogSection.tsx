import { useEffect, useId, useRef } from 'react';
import { selectAppInfo, useConsoleStore } from '../../store';
import { ACCESS_LOG_PAGE } from '../../store/access-log-slice';
import { accessActionLabel, accessTargetText, accessTime } from './access-log-format';

/**
 * Settings > Access log: the latest entries (paged), whether the hash chain is intact or where it
 * breaks, and `Export` (a copy of the file: a path and Show in folder on the desktop, a download in
 * the web host).
 */
export function AccessLogSection() {
  const id = useId();
  const page = useConsoleStore((s) => s.accessLog);
  const offset = useConsoleStore((s) => s.accessLogOffset);
  const status = useConsoleStore((s) => s.accessLogStatus);
  const error = useConsoleStore((s) => s.accessLogError);
  const exported = useConsoleStore((s) => s.accessLogExported);
  const load = useConsoleStore((s) => s.loadAccessLog);
  const exportLog = useConsoleStore((s) => s.exportAccessLog);
  const showInFolder = useConsoleStore((s) => s.showAccessLogInFolder);
  const desktop = useConsoleStore((s) => selectAppInfo(s)?.host === 'electron');
  const downloaded = useRef<string | null>(null);

  useEffect(() => {
    void load(0);
  }, [load]);

  // Web host: the copy is offered as a download, once.
  useEffect(() => {
    if (exported?.downloadUrl && downloaded.current !== exported.exportId) {
      downloaded.current = exported.exportId;
      const a = document.createElement('a');
      a.href = exported.downloadUrl;
      a.download = exported.fileName;
      a.click();
    }
  }, [exported]);

  const total = page?.total ?? 0;
  const entries = page?.entries ?? [];
  return (
    <section className="access-log" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Access log</h2>
      <p className="hint">
        Every contact or conversation opened in the Inspector and every export: when, by which user of this computer, with which key (its name), and
        what. Each line holds the SHA-256 of the line before, so an edit shows. No message text, names or emails, and never a key’s value.
      </p>
      {page && (
        <p className={page.integrity.intact ? 'hint integrity-ok' : 'form-error'} aria-live="polite">
          {page.integrity.message}
        </p>
      )}
      {page && page.pending > 0 && (
        <p className="form-error">
          {page.pending} {page.pending === 1 ? 'entry is' : 'entries are'} not in the file yet: it could not be written. The console keeps them and tries again.
        </p>
      )}
      {error && (
        <p role="alert" className="form-error">
          {error.message}
        </p>
      )}
      <div className="actions">
        <button type="button" onClick={() => void load(offset)} disabled={status === 'loading'}>
          Refresh
        </button>
        <button type="button" onClick={() => void exportLog()} disabled={total === 0}>
          Export
        </button>
      </div>
      {exported && (
        <p className="hint">
          {exported.downloadUrl ? (
            <a href={exported.downloadUrl} download={exported.fileName}>
              Download {exported.fileName}
            </a>
          ) : (
            <>
              Saved to <code className="access-path">{exported.path}</code>{' '}
              {desktop && (
                <button type="button" onClick={() => void showInFolder()}>
                  Show in folder
                </button>
              )}
            </>
          )}
        </p>
      )}
      {page && total === 0 && <p className="empty">Nothing yet: opening a contact or a conversation, or exporting, adds a line here.</p>}
      {entries.length > 0 && (
        <div className="table-wrap">
          <table aria-label="Access log entries" className="data-table">
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">Time</th>
                <th scope="col">User</th>
                <th scope="col">Key</th>
                <th scope="col">Action</th>
                <th scope="col">What</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => (
                <tr key={`${e.seq}-${e.prev}`}>
                  <td>{e.seq}</td>
                  <td>
                    <time dateTime={e.time}>{accessTime(e.time)}</time>
                  </td>
                  <td>{e.user}</td>
                  <td>{e.key ?? <span className="hint">(key deleted)</span>}</td>
                  <td>{accessActionLabel(e.action)}</td>
                  <td className="access-what">{accessTargetText(e)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {total > ACCESS_LOG_PAGE && (
        <nav className="actions" aria-label="Access log pages">
          <button type="button" onClick={() => void load(Math.max(0, offset - ACCESS_LOG_PAGE))} disabled={offset === 0 || status === 'loading'}>
            Newer
          </button>
          <span className="hint">
            {offset + 1}–{Math.min(total, offset + ACCESS_LOG_PAGE)} of {total}
          </span>
          <button type="button" onClick={() => void load(offset + ACCESS_LOG_PAGE)} disabled={offset + ACCESS_LOG_PAGE >= total || status === 'loading'}>
            Older
          </button>
        </nav>
      )}
      {page && (
        <p className="hint">
          File: <code className="access-path">{page.path}</code>
        </p>
      )}
    </section>
  );
}
