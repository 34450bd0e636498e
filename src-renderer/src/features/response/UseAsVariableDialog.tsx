import { useId, useRef, useState, type FormEvent } from 'react';
import { DialogFooter } from '../../components/DialogFooter';
import { useModalDialog } from '../../components/use-modal-dialog';
import { useConsoleStore } from '../../store';

export interface VariableCandidate {
  name: string;
  value: string;
}

/**
 * Use as variable: the name (prefilled from the key), then main sets the runtime variable; every
 * tab resolves with it from then on. A value that holds a key is refused by main, in words.
 */
export function UseAsVariableDialog({ candidate, onClose, onSet }: { candidate: VariableCandidate; onClose(): void; onSet(name: string): void }) {
  const nameRef = useRef<HTMLInputElement>(null);
  const dialogRef = useModalDialog(nameRef);
  const setRuntimeVariable = useConsoleStore((s) => s.setRuntimeVariable);
  const [name, setName] = useState(candidate.name);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const id = useId();

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    const result = await setRuntimeVariable(name.trim(), candidate.value);
    setBusy(false);
    if (result.error) {
      setError(result.error.message);
      nameRef.current?.focus();
      return;
    }
    onSet(name.trim());
    dialogRef.current?.close();
  }

  const shown = candidate.value.length > 200 ? `${candidate.value.slice(0, 200)}…` : candidate.value;
  return (
    <dialog ref={dialogRef} className="dialog" aria-labelledby={`${id}-title`} onClose={onClose}>
      <form className="form" onSubmit={(e) => void submit(e)} aria-busy={busy}>
        <h2 id={`${id}-title`}>Use as variable</h2>
        <p>
          Value: <code>{shown}</code>
        </p>
        <div className="field">
          <label htmlFor={`${id}-name`}>Variable name</label>
          <input ref={nameRef} id={`${id}-name`} type="text" spellCheck={false} autoCapitalize="off" value={name} aria-describedby={`${id}-hint`} onChange={(e) => setName(e.target.value)} />
          <p id={`${id}-hint`} className="hint">
            Write {`{{${name.trim() || 'name'}}}`} in a path, query, header or body to use it (this session, over collection and environment values).
          </p>
        </div>
        <DialogFooter error={error} busy={name.trim() === ''} submitLabel="Set variable" onCancel={() => dialogRef.current?.close()} />
      </form>
    </dialog>
  );
}
