import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { AppError, EnvironmentKind } from '../../../../src-preload/contract';
import { useConsoleStore } from '../../store';
import { ENVIRONMENT_CHOICES, ENVIRONMENT_LABELS } from '../../lib/key-labels';
import { DialogFooter } from '../../components/DialogFooter';

interface AddKeyDialogProps {
  /** Called once the dialog has closed (saved, cancelled or Escape). */
  onClose(): void;
}

/**
 * Native modal <dialog>: the browser traps focus, handles Escape and restores focus on close.
 * Mounted only while open, so each opening starts with an empty form.
 */
export function AddKeyDialog({ onClose }: AddKeyDialogProps) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  // The secret lives only in this DOM input (uncontrolled): never in React state or the store.
  const secretRef = useRef<HTMLInputElement>(null);
  const urlRef = useRef<HTMLInputElement>(null);
  const [name, setName] = useState('');
  const [environment, setEnvironment] = useState<EnvironmentKind>('sandbox');
  const [baseUrl, setBaseUrl] = useState('');
  const [error, setError] = useState<AppError | null>(null);
  const [saving, setSaving] = useState(false);
  const addKey = useConsoleStore((s) => s.addKey);
  const id = useId();

  useEffect(() => {
    // Idempotent and without cleanup: StrictMode's double effect must not close the dialog.
    const dialog = dialogRef.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);

  // Each error under the field it is about; the rest above the buttons.
  const urlError = error?.code === 'invalid_base_url' && environment === 'custom' ? error.message : null;
  const secretError = error?.code === 'invalid_key_format' ? error.message : null;
  const otherError = error && !urlError && !secretError ? error.message : null;

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (saving) return;
    const secretInput = secretRef.current;
    const secret = secretInput?.value ?? '';
    // Kept in its field on an error, so a fix is one edit rather than another paste; on success
    // the dialog closes and the field goes with it.
    setSaving(true);
    setError(null);
    const result = await addKey({
      name,
      environment,
      ...(environment === 'custom' ? { baseUrl } : {}),
      secret,
    });
    setSaving(false);
    if (result.ok) {
      if (secretInput) secretInput.value = '';
      dialogRef.current?.close();
    } else {
      setError(result.error);
      // The field the error is about gets the focus (and shows the error under it).
      if (result.error.code === 'invalid_base_url') urlRef.current?.focus();
      else secretRef.current?.focus();
    }
  }

  return (
    <dialog ref={dialogRef} className="dialog" aria-labelledby={`${id}-title`} onClose={onClose}>
      <form className="form" onSubmit={(e) => void submit(e)} aria-busy={saving}>
        <h2 id={`${id}-title`}>Add key</h2>
        <p className="hint">
          The key is checked with one request to its server and stored in your OS keychain. The console never shows it
          again.
        </p>
        <div className="field">
          <label htmlFor={`${id}-name`}>Name</label>
          <input id={`${id}-name`} type="text" required maxLength={200} value={name} onChange={(e) => setName(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-env`}>Environment</label>
          <select
            id={`${id}-env`}
            value={environment}
            onChange={(e) => {
              setEnvironment(e.target.value as EnvironmentKind);
              // An error about the previous choice no longer applies.
              setError(null);
            }}
          >
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
              ref={urlRef}
              aria-describedby={`${id}-url-hint`}
              aria-invalid={urlError !== null}
              value={baseUrl}
              onChange={(e) => setBaseUrl(e.target.value)}
            />
            <p id={`${id}-url-hint`} className={urlError ? 'form-error' : 'hint'} role={urlError ? 'alert' : undefined}>
              {urlError ?? 'https only, except 127.0.0.1 or localhost. Origin only, no path: the console adds /v1.'}
            </p>
          </div>
        )}
        <div className="field">
          <label htmlFor={`${id}-secret`}>API key</label>
          <input
            id={`${id}-secret`}
            ref={secretRef}
            type="password"
            required
            autoComplete="off"
            spellCheck={false}
            autoCapitalize="off"
            autoCorrect="off"
            aria-invalid={secretError !== null}
            aria-describedby={secretError ? `${id}-secret-error` : undefined}
          />
          {secretError && (
            <p id={`${id}-secret-error`} role="alert" className="form-error">
              {secretError}
            </p>
          )}
        </div>
        <DialogFooter error={otherError} busy={saving} submitLabel="Save key" onCancel={() => dialogRef.current?.close()} />
        {saving && (
          <p role="status" className="hint">
            Checking the key…
          </p>
        )}
      </form>
    </dialog>
  );
}
