import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { flushSync } from 'react-dom';
import { useModalDialog } from '../../components/use-modal-dialog';
import { useConsoleStore } from '../../store';
import { DialogFooter } from '../../components/DialogFooter';

interface CreateKeyDialogProps {
  /** Called once the dialog has closed (Done, Cancel or Escape). */
  onClose(): void;
}

/**
 * Create a sandbox key, then show its secret exactly once. The secret lives only in this
 * component's state (never the store) and is dropped when the dialog closes or unmounts.
 */
export function CreateKeyDialog({ onClose }: CreateKeyDialogProps) {
  const dialogRef = useModalDialog();
  const secretRef = useRef<HTMLInputElement>(null);
  const [name, setName] = useState('');
  const [secret, setSecret] = useState<string | null>(null);
  const [createdName, setCreatedName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [copyNote, setCopyNote] = useState<string | null>(null);
  const createKey = useConsoleStore((s) => s.createKey);
  const id = useId();

  useEffect(
    () => () => {
      // Unmount: wipe the DOM copy too (React state goes with the component).
      if (secretRef.current) secretRef.current.value = '';
    },
    [],
  );

  useEffect(() => {
    // Second step: put the reader on the secret, selected, ready for Copy or Ctrl+C.
    if (secret !== null) secretRef.current?.select();
  }, [secret]);

  async function create(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    // `required` lets spaces through; say it here rather than round-trip to main.
    if (name.trim() === '') {
      setError('Give the key a name.');
      return;
    }
    setBusy(true);
    setError(null);
    const result = await createKey(name);
    setBusy(false);
    if (!result.ok) {
      setError(result.error.message);
      return;
    }
    setCreatedName(result.value.key.name);
    setSecret(result.value.secret);
  }

  async function copy() {
    if (secret === null) return;
    try {
      await navigator.clipboard.writeText(secret);
      setCopyNote('Copied to the clipboard.');
    } catch {
      // No clipboard permission (or no secure context): select the text for Ctrl+C instead.
      secretRef.current?.focus();
      secretRef.current?.select();
      setCopyNote('Could not copy automatically: the key is selected, press Ctrl+C (Cmd+C on macOS).');
    }
  }

  /**
   * Done: the secret leaves the page before the dialog closes (its close event comes a task later,
   * and a closed dialog is still in the DOM until then, value attribute and all).
   */
  function done() {
    const input = secretRef.current;
    if (input) {
      input.value = '';
      input.removeAttribute('value');
    }
    flushSync(() => setSecret(null));
    dialogRef.current?.close();
  }

  function handleClose() {
    setSecret(null);
    if (secretRef.current) secretRef.current.value = '';
    onClose();
  }

  return (
    <dialog ref={dialogRef} className="dialog" aria-labelledby={`${id}-title`} onClose={handleClose}>
      {secret === null ? (
        <form className="form" onSubmit={(e) => void create(e)} aria-busy={busy}>
          <h2 id={`${id}-title`}>Create key</h2>
          <p className="hint">Creates a new key on the embedded sandbox and stores it in your OS keychain.</p>
          <div className="field">
            <label htmlFor={`${id}-name`}>Name</label>
            <input
              id={`${id}-name`}
              type="text"
              required
              maxLength={200}
              value={name}
              onChange={(e) => setName(e.target.value)}
            />
          </div>
          <DialogFooter error={error} busy={busy} submitLabel="Create" onCancel={() => dialogRef.current?.close()} />
          {busy && (
            <p role="status" className="hint">
              Creating the key…
            </p>
          )}
        </form>
      ) : (
        <div className="form">
          <h2 id={`${id}-title`}>Copy your new key</h2>
          <p id={`${id}-once`}>
            “{createdName}” is created. This is the only time its secret is shown: it is already stored in this
            computer&apos;s keychain, so copy it now only if you need it somewhere else.
          </p>
          <div className="field">
            <label htmlFor={`${id}-secret`}>New API key</label>
            <input
              id={`${id}-secret`}
              ref={secretRef}
              className="secret-once"
              type="text"
              readOnly
              value={secret}
              aria-describedby={`${id}-once`}
              autoComplete="off"
              spellCheck={false}
            />
          </div>
          <div className="actions">
            <button type="button" onClick={() => void copy()}>
              Copy
            </button>
            <button type="button" className="primary" onClick={done}>
              Done
            </button>
          </div>
          <p role="status" className="hint">
            {copyNote}
          </p>
        </div>
      )}
    </dialog>
  );
}
