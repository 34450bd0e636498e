import { useId, useRef, useState, type FormEvent } from 'react';
import { DialogFooter } from '../../components/DialogFooter';
import { useModalDialog } from '../../components/use-modal-dialog';
import { useConsoleStore } from '../../store';

interface FolderDialogProps {
  /** Open an existing collection folder, or make a new collection in one. */
  mode: 'open' | 'new';
  onClose(): void;
}

/**
 * Open collection / New collection: the folder typed (the web host cannot show a system picker), or
 * chosen with the system's folder picker in the desktop app. New collection also asks its name:
 * `collection.yaml` is written in the folder, which must exist.
 */
export function FolderDialog({ mode, onClose }: FolderDialogProps) {
  const dialogRef = useModalDialog();
  const id = useId();
  const desktop = useConsoleStore((s) => s.appInfo?.host === 'electron');
  const lastRoot = useConsoleStore((s) => s.collectionRoot);
  const openCollection = useConsoleStore((s) => s.openCollection);
  const createCollection = useConsoleStore((s) => s.createCollection);
  const pick = useConsoleStore((s) => s.pickCollectionFolder);
  const [folder, setFolder] = useState(mode === 'open' ? (lastRoot ?? '') : '');
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const folderRef = useRef<HTMLInputElement>(null);

  async function choose() {
    const picked = await pick();
    if ('error' in picked) setError(picked.error.message);
    else if (picked.folder !== null) setFolder(picked.folder);
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    const outcome = mode === 'open' ? await openCollection(folder) : await createCollection(folder, name);
    setBusy(false);
    if ('error' in outcome) {
      setError(outcome.error.message);
      folderRef.current?.focus();
      return;
    }
    dialogRef.current?.close();
  }

  const title = mode === 'open' ? 'Open collection' : 'New collection';
  return (
    <dialog ref={dialogRef} className="dialog folder-dialog" aria-labelledby={`${id}-title`} onClose={onClose}>
      <form className="form" onSubmit={(e) => void submit(e)} aria-busy={busy}>
        <h2 id={`${id}-title`}>{title}</h2>
        <div className="field">
          <label htmlFor={`${id}-folder`}>Folder</label>
          <div className="folder-row">
            <input
              id={`${id}-folder`}
              ref={folderRef}
              type="text"
              required
              spellCheck={false}
              autoCapitalize="off"
              placeholder="/home/me/api-requests"
              value={folder}
              aria-describedby={`${id}-hint`}
              aria-invalid={error !== null}
              onChange={(e) => setFolder(e.target.value)}
            />
            {desktop && (
              <button type="button" onClick={() => void choose()}>
                Choose folder…
              </button>
            )}
          </div>
          <p id={`${id}-hint`} className="hint">
            {mode === 'open'
              ? 'The full path of a folder of request files (a git repository works well). Files are read and watched; nothing is written until you save.'
              : 'The full path of an existing folder; collection.yaml (the collection’s name and variables) is written in it.'}
          </p>
        </div>
        {mode === 'new' && (
          <div className="field">
            <label htmlFor={`${id}-name`}>Name</label>
            <input id={`${id}-name`} type="text" required maxLength={200} value={name} onChange={(e) => setName(e.target.value)} />
          </div>
        )}
        <DialogFooter error={error} busy={busy} submitLabel={mode === 'open' ? 'Open' : 'Create'} onCancel={() => dialogRef.current?.close()} />
      </form>
    </dialog>
  );
}
