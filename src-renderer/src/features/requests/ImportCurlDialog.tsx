import { useId, useRef, useState, type FormEvent } from 'react';
import { DialogFooter } from '../../components/DialogFooter';
import { useModalDialog } from '../../components/use-modal-dialog';
import type { ImportedRequestView } from '../../../../src-preload/contract';
import { selectActiveKey, useConsoleStore } from '../../store';

/** curl options that only change what curl prints or how it reads its own command line: not worth a word. */
const UNNOTICED = new Set(['--silent', '-s', '--show-error', '-S', '--globoff', '-g', '--no-progress-meter', '--progress-bar', '-#', '--verbose', '-v', '--include', '-i', '--no-buffer', '-N', '--compressed']);

/** What the user should know about an import beyond "it opened": what was left out, and where the tab sends. */
export function importNotes(imported: ImportedRequestView, sendsTo: string | null): string[] {
  const lines: string[] = [];
  const differs = imported.ignored.filter((name) => !UNNOTICED.has(name));
  if (differs.length > 0) lines.push(`Not imported: ${differs.join(', ')}. The console follows its own settings for these (redirects, TLS checks, timeout, retry, proxy, output).`);
  lines.push(...imported.notes);
  if (imported.key.kind !== 'matched' && imported.serverKeyId === null) {
    lines.push(
      `No stored key sends to ${imported.origin}, the command’s server: the tab sends to ${sendsTo ? `the selected key’s server (${sendsTo})` : 'the selected key’s server'}. Pick or add a key for ${imported.origin} to send there.`,
    );
  }
  return lines;
}

interface ImportCurlDialogProps {
  onClose(): void;
  /** The command's key is not stored here: the user adds it (pasting it in Add key, not from here). */
  onAddKey(): void;
}

/**
 * Import curl. The command lives only in this dialog's textarea (uncontrolled: never in React
 * state or the store) and goes to main, which parses it and matches a pasted X-API-Key against
 * the stored keys; the reply names the matched key by id, never the value.
 */
export function ImportCurlDialog({ onClose, onAddKey }: ImportCurlDialogProps) {
  const dialogRef = useModalDialog();
  const commandRef = useRef<HTMLTextAreaElement>(null);
  const importCurl = useConsoleStore((s) => s.importCurl);
  // The key a tab without a matching key keeps sending with (the key in use).
  const activeKey = useConsoleStore(selectActiveKey);
  const [error, setError] = useState<string | null>(null);
  const [notStored, setNotStored] = useState(false);
  const [notes, setNotes] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const id = useId();

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    setNotStored(false);
    setNotes([]);
    const result = await importCurl(commandRef.current?.value ?? '');
    setBusy(false);
    if ('error' in result) {
      setError(result.error.message);
      commandRef.current?.focus();
      return;
    }
    // The command (and any key in it) goes with the field.
    if (commandRef.current) commandRef.current.value = '';
    const lines = importNotes(result.imported, activeKey?.baseUrl || null);
    const offer = result.imported.key.kind === 'offerAddKey';
    if (!offer && lines.length === 0) {
      dialogRef.current?.close();
      return;
    }
    setNotStored(offer);
    setNotes(lines);
  }

  return (
    <dialog ref={dialogRef} className="dialog import-curl-dialog" aria-labelledby={`${id}-title`} onClose={onClose}>
      <form className="form" onSubmit={(e) => void submit(e)} aria-busy={busy}>
        <h2 id={`${id}-title`}>Import curl</h2>
        {notStored || notes.length > 0 ? (
          <>
            <div role="status">
              <p>
                The request is open in a new tab.
                {notStored &&
                  ' The API key in the command is not stored in the console, so it was not kept. To send with it, add it: choose Add key and paste the key there.'}
              </p>
              {notes.length > 0 && (
                <ul className="import-notes">
                  {notes.map((line) => (
                    <li key={line}>{line}</li>
                  ))}
                </ul>
              )}
            </div>
            <div className="actions">
              <button type="button" className={notStored ? undefined : 'primary'} onClick={() => dialogRef.current?.close()}>
                Close
              </button>
              {notStored && (
                <button
                  type="button"
                  className="primary"
                  onClick={() => {
                    dialogRef.current?.close();
                    onAddKey();
                  }}
                >
                  Add key
                </button>
              )}
            </div>
          </>
        ) : (
          <>
            <div className="field">
              <label htmlFor={`${id}-command`}>curl command</label>
              <textarea
                id={`${id}-command`}
                ref={commandRef}
                required
                rows={8}
                spellCheck={false}
                autoCapitalize="off"
                autoCorrect="off"
                className="curl-command"
                aria-describedby={`${id}-hint`}
                aria-invalid={error !== null}
              />
              <p id={`${id}-hint`} className="hint">
                Paste a curl command (bash). Its method, path, query, headers and body open in a new tab, sent to the selected key’s
                server. An X-API-Key in it selects the stored key it equals and is never saved.
              </p>
            </div>
            <DialogFooter error={error} busy={busy} submitLabel="Import" onCancel={() => dialogRef.current?.close()} />
          </>
        )}
      </form>
    </dialog>
  );
}
