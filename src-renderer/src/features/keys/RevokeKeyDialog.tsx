import { useEffect, useId, useRef, useState } from 'react';
import type { KeyMeta } from '../../../../src-preload/contract';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { useModalDialog } from '../../components/use-modal-dialog';
import { useConsoleStore } from '../../store';

interface RevokeKeyDialogProps {
  keyMeta: KeyMeta;
  onClose(): void;
}

/**
 * Sandbox keys are revoked server-side after a confirmation. Production and custom keys cannot
 * be revoked from here: main explains that (the Helplane dashboard does it) and we offer to
 * delete the key from this computer instead.
 */
export function RevokeKeyDialog({ keyMeta, onClose }: RevokeKeyDialogProps) {
  const revokeKey = useConsoleStore((s) => s.revokeKey);
  if (keyMeta.environment !== 'sandbox') return <DashboardRevokeDialog keyMeta={keyMeta} onClose={onClose} />;
  return (
    <ConfirmDialog
      title={`Revoke key “${keyMeta.name}”`}
      confirmLabel="Revoke key"
      busyText="Revoking…"
      onClose={onClose}
      onConfirm={async () => {
        const result = await revokeKey(keyMeta.id);
        return result.ok ? null : result.error.message;
      }}
    >
      <p>Revoke this key on the sandbox? The next request with it fails.</p>
    </ConfirmDialog>
  );
}

function DashboardRevokeDialog({ keyMeta, onClose }: RevokeKeyDialogProps) {
  const cancelRef = useRef<HTMLButtonElement>(null);
  const dialogRef = useModalDialog(cancelRef);
  const revokeKey = useConsoleStore((s) => s.revokeKey);
  const deleteKey = useConsoleStore((s) => s.deleteKey);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const asked = useRef(false);
  const id = useId();

  useEffect(() => {
    // Main only explains for these keys (nothing is revoked); ask once, even under StrictMode.
    if (asked.current) return;
    asked.current = true;
    void revokeKey(keyMeta.id).then((result) => {
      if (result.ok) setMessage(result.value.message);
      else setError(result.error.message);
    });
  }, [keyMeta.id, revokeKey]);

  async function deleteLocally() {
    if (busy) return;
    setBusy(true);
    setError(null);
    const result = await deleteKey(keyMeta.id);
    setBusy(false);
    if (result.ok) dialogRef.current?.close();
    else setError(result.error.message);
  }

  return (
    <dialog
      ref={dialogRef}
      className="dialog"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-body`}
      onClose={onClose}
    >
      <h2 id={`${id}-title`}>Revoke key “{keyMeta.name}”</h2>
      <div id={`${id}-body`} className="dialog-body">
        <p role="status">
          {message ??
            (error === null
              ? 'Checking how this key can be revoked…'
              : 'Production and custom keys are revoked in the Helplane dashboard, not from this console.')}
        </p>
        <p className="hint">
          You can also delete the key from this computer: its keychain entry and details are removed here; the key itself
          keeps working until it is revoked in the dashboard.
        </p>
      </div>
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
      <div className="actions">
        <button ref={cancelRef} type="button" onClick={() => dialogRef.current?.close()}>
          Cancel
        </button>
        <button type="button" className="danger" disabled={busy} onClick={() => void deleteLocally()}>
          Delete from this computer
        </button>
      </div>
    </dialog>
  );
}
