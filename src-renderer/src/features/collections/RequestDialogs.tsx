import { useId, useState, type FormEvent } from 'react';
import { DialogFooter } from '../../components/DialogFooter';
import { useModalDialog } from '../../components/use-modal-dialog';

interface FieldDialogProps {
  title: string;
  /** The submit button's name (Rename, Move, Save). */
  submitLabel: string;
  onSubmit(): Promise<string | null>;
  onClose(): void;
  children: React.ReactNode;
}

/** A small modal form: the fields, an error in words, Cancel and the action. Resolves null when done. */
export function FieldDialog({ title, submitLabel, onSubmit, onClose, children }: FieldDialogProps) {
  const dialogRef = useModalDialog();
  const id = useId();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    const failure = await onSubmit();
    setBusy(false);
    if (failure) setError(failure);
    else dialogRef.current?.close();
  }

  return (
    <dialog ref={dialogRef} className="dialog" aria-labelledby={`${id}-title`} onClose={onClose}>
      <form className="form" onSubmit={(e) => void submit(e)} aria-busy={busy}>
        <h2 id={`${id}-title`}>{title}</h2>
        {children}
        <DialogFooter error={error} busy={busy} submitLabel={submitLabel} onCancel={() => dialogRef.current?.close()} />
      </form>
    </dialog>
  );
}

/** A folder of the collection as a choice: its path, or the collection's root. */
export const folderLabel = (folder: string) => (folder === '' ? '(top of the collection)' : folder);

export function FolderSelect({ id, label, folders, value, onChange }: { id: string; label: string; folders: string[]; value: string; onChange(folder: string): void }) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        {folders.map((f) => (
          <option key={f} value={f}>
            {folderLabel(f)}
          </option>
        ))}
      </select>
    </div>
  );
}
