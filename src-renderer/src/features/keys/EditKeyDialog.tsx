import { useId, useRef, useState, type FormEvent } from 'react';
import type { EnvironmentKind, KeyMeta } from '../../../../src-preload/contract';
import { useModalDialog } from '../../components/use-modal-dialog';
import { ENVIRONMENT_CHOICES, ENVIRONMENT_LABELS } from '../../lib/key-labels';
import { useConsoleStore } from '../../store';
import { DialogFooter } from '../../components/DialogFooter';

interface EditKeyDialogProps {
  keyMeta: KeyMeta;
  onClose(): void;
}

/**
 * Where a key is sent: its environment and, for a custom server, the base URL. Saving is the
 * user's explicit choice of that origin; main checks the URL and that the key fits the environment.
 * A recovered key of unknown environment starts with nothing chosen, so nothing is guessed for it.
 */
export function EditKeyDialog({ keyMeta, onClose }: EditKeyDialogProps) {
  const envRef = useRef<HTMLSelectElement>(null);
  const dialogRef = useModalDialog(envRef);
  const unknown = keyMeta.environmentUnknown === true;
  const [environment, setEnvironment] = useState<EnvironmentKind | ''>(unknown ? '' : keyMeta.environment);
  const [baseUrl, setBaseUrl] = useState(!unknown && keyMeta.environment === 'custom' ? keyMeta.baseUrl : '');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const editKey = useConsoleStore((s) => s.editKey);
  const id = useId();

  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    if (environment === '') {
      setError('Choose the environment this key belongs to.');
      envRef.current?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    const result = await editKey({ id: keyMeta.id, environment, ...(environment === 'custom' ? { baseUrl: baseUrl.trim() } : {}) });
    setBusy(false);
    if (result.ok) dialogRef.current?.close();
    else setError(result.error.message);
  }

  return (
    <dialog ref={dialogRef} className="dialog" aria-labelledby={`${id}-title`} onClose={onClose}>
      <form className="form" onSubmit={(e) => void save(e)} aria-busy={busy}>
        <h2 id={`${id}-title`}>Edit key “{keyMeta.name}”</h2>
        <p className="hint">
          {unknown
            ? 'This key was found in the keychain without its details, so where it belongs is unknown. It is not sent anywhere until you choose.'
            : 'The key is sent only to the server chosen here. Changing it sends the key to the new server from now on.'}
        </p>
        <div className="field">
          <label htmlFor={`${id}-env`}>Environment</label>
          <select id={`${id}-env`} ref={envRef} value={environment} onChange={(e) => setEnvironment(e.target.value as EnvironmentKind | '')}>
            {environment === '' && <option value="">Choose…</option>}
            {ENVIRONMENT_CHOICES.map((env) => (
              <option key={env} value={env}>
                {ENVIRONMENT_LABELS[env]}
              </option>
            ))}
          </select>
        </div>
        {environment === 'custom' && (
          <div className="field">
            <label htmlFor={`${id}-url`}>Base URL</label>
            <input
              id={`${id}-url`}
              type="url"
              required
              placeholder="https://api.example.com"
              aria-describedby={`${id}-url-hint`}
              value={baseUrl}
              onChange={(e) => setBaseUrl(e.target.value)}
            />
            <p id={`${id}-url-hint`} className="hint">
              https only, except 127.0.0.1 or localhost. Origin only, no path.
            </p>
          </div>
        )}
        <DialogFooter error={error} busy={busy} submitLabel="Save" onCancel={() => dialogRef.current?.close()} />
      </form>
    </dialog>
  );
}
