import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { KeyMeta } from '../../../../../src-preload/contract';
import { DialogFooter } from '../../../components/DialogFooter';
import { useModalDialog } from '../../../components/use-modal-dialog';
import { useConsoleStore } from '../../../store';
import { RotationActions } from './RotationActions';
import { RotationSteps } from './RotationSteps';

/** The overlaps offered for a sandbox key: how long the old key keeps working after the references moved. */
const OVERLAPS = [
  { hours: 0, label: 'Now' },
  { hours: 1, label: 'After 1 hour' },
  { hours: 24, label: 'After 1 day' },
  { hours: 168, label: 'After 7 days' },
] as const;

interface RotateKeyDialogProps {
  keyMeta: KeyMeta;
  onClose(): void;
}

/**
 * Rotate: a sandbox key is rotated by main on its own (the overlap is the only choice); a
 * production or custom key needs the key made in the dashboard, pasted here once (an uncontrolled
 * field, cleared at once: never React state or the store). Then the steps as main walks them.
 */
export function RotateKeyDialog({ keyMeta, onClose }: RotateKeyDialogProps) {
  const dialogRef = useModalDialog();
  const id = useId();
  const secretRef = useRef<HTMLInputElement>(null);
  const [overlap, setOverlap] = useState(0);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [rotationId, setRotationId] = useState<string | null>(null);
  // The name as the dialog opened: the old key is renamed "(rotated …)" once the references move.
  const [name] = useState(keyMeta.name);
  const rotateKey = useConsoleStore((s) => s.rotateKey);
  const rotateKeyGuided = useConsoleStore((s) => s.rotateKeyGuided);
  // The rotation this dialog started (or the one already under way for this key), as main last said.
  const found = useConsoleStore((s) => s.rotations.find((r) => (rotationId ? r.id === rotationId : r.oldKeyId === keyMeta.id && r.state !== 'done' && r.state !== 'rolled_back')) ?? null);
  const guided = keyMeta.environment !== 'sandbox';
  // While a pasted key is being checked the form stays (a refusal must find the field as it was).
  const rotation = busy && guided ? null : found;
  const statusRef = useRef<HTMLParagraphElement>(null);
  const showingSteps = rotation !== null;
  useEffect(() => {
    // The form (and its focused button) is gone: the reader goes to what happened.
    if (showingSteps) statusRef.current?.focus();
  }, [showingSteps]);
  const where = keyMeta.environment === 'custom' ? `on its server (${keyMeta.baseUrl})` : 'in the Helplane dashboard (Settings > API)';

  async function start(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    let result;
    setError(null);
    if (guided) {
      const input = secretRef.current;
      const secret = input?.value.trim() ?? '';
      if (secret === '') {
        setError('Paste the new key.');
        input?.focus();
        return;
      }
      setBusy(true);
      result = await rotateKeyGuided(keyMeta.id, secret);
      if (result.ok && input) input.value = '';
    } else {
      setBusy(true);
      result = await rotateKey(keyMeta.id, overlap);
    }
    setBusy(false);
    if (result.ok) setRotationId(result.value.id);
    else setError(result.error.message);
  }

  return (
    <dialog ref={dialogRef} className="dialog rotate-dialog" aria-labelledby={`${id}-title`} onClose={onClose}>
      <div className="form">
        <h2 id={`${id}-title`}>Rotate key “{name}”</h2>
        {rotation === null ? (
          <form className="form" onSubmit={(e) => void start(e)} aria-busy={busy}>
            {guided ? (
              <>
                <p>
                  Create a new key {where}, then paste it here. The console tests it, gives it the name “{name}” and
                  moves every tab, saved request and collection to it. Then you revoke the old key there, and the console
                  checks that it is refused.
                </p>
                <div className="field">
                  <label htmlFor={`${id}-secret`}>New API key</label>
                  <input id={`${id}-secret`} ref={secretRef} type="password" required autoComplete="off" spellCheck={false} autoCapitalize="off" autoCorrect="off" />
                </div>
              </>
            ) : (
              <>
                <p>
                  The console creates a replacement on the sandbox, tests it, gives it the name “{name}” and moves
                  every tab, saved request and collection to it. Then it revokes the old key and checks that the sandbox
                  answers 401 revoked_api_key. Collections name the key, so their files do not change.
                </p>
                <div className="field">
                  <label htmlFor={`${id}-overlap`}>Revoke the old key</label>
                  <select id={`${id}-overlap`} value={overlap} onChange={(e) => setOverlap(Number(e.target.value))}>
                    {OVERLAPS.map((o) => (
                      <option key={o.hours} value={o.hours}>
                        {o.label}
                      </option>
                    ))}
                  </select>
                  <p className="hint">An overlap lets scripts elsewhere that still hold the old key keep working until you switch them.</p>
                </div>
              </>
            )}
            <DialogFooter error={error} busy={busy} submitLabel={guided ? 'Test and move references' : 'Rotate key'} onCancel={() => dialogRef.current?.close()} />
            {busy && (
              <p role="status" className="hint">
                {guided ? 'Testing the new key…' : 'Rotating…'}
              </p>
            )}
          </form>
        ) : (
          <>
            <p role="status" ref={statusRef} tabIndex={-1} className={rotation.state === 'failed' ? 'form-error' : undefined}>
              {rotation.message}
            </p>
            <RotationSteps rotation={rotation} />
            {error && (
              <p role="alert" className="form-error">
                {error}
              </p>
            )}
            <div className="rotation-dialog-footer">
              <RotationActions rotation={rotation} onError={setError} />
              <div className="actions">
                <button type="button" className={rotation.state === 'done' ? 'primary' : undefined} onClick={() => dialogRef.current?.close()}>
                  {rotation.state === 'done' || rotation.state === 'rolled_back' ? 'Done' : 'Close'}
                </button>
              </div>
            </div>
            {rotation.state === 'waiting' && <p className="hint">You can close this: the rotation is kept, and goes on after a restart.</p>}
          </>
        )}
      </div>
    </dialog>
  );
}
