import type { KeyMeta } from '../../../../src-preload/contract';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { useConsoleStore } from '../../store';

/** Confirm, then remove the key's keychain entry and metadata (not a server-side revoke). */
export function DeleteKeyDialog({ keyMeta, onClose }: { keyMeta: KeyMeta; onClose(): void }) {
  const deleteKey = useConsoleStore((s) => s.deleteKey);
  return (
    <ConfirmDialog
      title="Delete key"
      confirmLabel="Delete key"
      busyText="Deleting…"
      onClose={onClose}
      onConfirm={async () => {
        const result = await deleteKey(keyMeta.id);
        return result.ok ? null : result.error.message;
      }}
    >
      <p>Remove “{keyMeta.name}” ({keyMeta.prefix}) from this computer&apos;s keychain?</p>
      <p className="hint">
        This does not revoke it on the server: anyone else holding the key can still use it.
      </p>
    </ConfirmDialog>
  );
}
