import { useEffect, useRef, useState } from 'react';
import type { KeyMeta } from '../../../../src-preload/contract';
import { ConfirmDialog } from '../../components/ConfirmDialog';
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

/** Main only explains for these keys (nothing is revoked); the confirm button deletes locally. */
function DashboardRevokeDialog({ keyMeta, onClose }: RevokeKeyDialogProps) {
  const revokeKey = useConsoleStore((s) => s.revokeKey);
  const deleteKey = useConsoleStore((s) => s.deleteKey);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const asked = useRef(false);

  useEffect(() => {
    // Ask once, even under StrictMode.
    if (asked.current) return;
    asked.current = true;
    void revokeKey(keyMeta.id).then((result) => {
      if (result.ok) setMessage(result.value.message);
      else setError(result.error.message);
    });
  }, [keyMeta.id, revokeKey]);

  return (
    <ConfirmDialog
      title={`Revoke key “${keyMeta.name}”`}
      confirmLabel="Delete from this computer"
      onClose={onClose}
      onConfirm={async () => {
        const result = await deleteKey(keyMeta.id);
        return result.ok ? null : result.error.message;
      }}
    >
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
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
    </ConfirmDialog>
  );
}
