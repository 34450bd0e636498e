import { useId, useRef, useState, type FormEvent } from 'react';
import type { KeyMeta } from '../../../../src-preload/contract';
import { useModalDialog } from '../../components/use-modal-dialog';
import { useConsoleStore } from '../../store';
import { DialogFooter } from '../../components/DialogFooter';

interface RenameKeyDialogProps {
  keyMeta: KeyMeta;
  onClose(): void;
}

/** Rename a key (metadata only; the secret and the server are untouched). */
export function RenameKeyDialog({ keyMeta, onClose }: RenameKeyDialogProps) {
  const nameRef = useRef<HTMLInputElement>(null);
  const dialogRef = useModalDialog(nameRef);
  const [name, setName] = useState(keyMeta.name);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const renameKey = useConsoleStore((s) => s.renameKey);
  const id = useId();

  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    // `required` lets spaces through; say it here rather than round-trip to main.
    if (name.trim() === '') {
      setError('Give the key a name.');
      return;
    }
    setBusy(true);
    setError(null);
    const result = await renameKey(keyMeta.id, name);
    setBusy(false);
    if (result.ok) dialogRef.current?.close();
    else {
      setError(result.error.message);
      nameRef.current?.focus();
    }
  }

  return (
    <dialog ref={dialogRef} className="dialog" aria-labelledby={`${id}-title`} onClose={onClose}>
      <form className="form" onSubmit={(e) => void save(e)} aria-busy={busy}>
        <h2 id={`${id}-title`}>Rename key “{keyMeta.name}”</h2>
        <div className="field">
          <label htmlFor={`${id}-name`}>Name</label>
          <input
            id={`${id}-name`}
            ref={nameRef}
            type="text"
            required
            maxLength={200}
            value={name}
            onChange={(e) => setName(e.target.value)}
          />
        </div>
        <DialogFooter error={error} busy={busy} submitLabel="Save" onCancel={() => dialogRef.current?.close()} />
      </form>
    </dialog>
  );
}
