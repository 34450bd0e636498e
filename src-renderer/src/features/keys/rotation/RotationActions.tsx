import { useState } from 'react';
import type { RotationView } from '../../../../../src-preload/contract';
import { useConsoleStore } from '../../../store';

/**
 * The next move a rotation offers: Retry after a failure, Revoke old key now during an overlap,
 * Check old key is refused once the user revoked it in the dashboard, Dismiss once it ended.
 */
export function RotationActions({ rotation, onError }: { rotation: RotationView; onError(message: string | null): void }) {
  const confirm = useConsoleStore((s) => s.confirmRotation);
  const retry = useConsoleStore((s) => s.retryRotation);
  const dismiss = useConsoleStore((s) => s.dismissRotation);
  const [busy, setBusy] = useState(false);

  async function run(action: (id: string) => Promise<{ ok: boolean; error?: { message: string } }>) {
    if (busy) return;
    setBusy(true);
    onError(null);
    const result = await action(rotation.id);
    setBusy(false);
    if (!result.ok) onError(result.error?.message ?? 'The rotation did not answer.');
  }

  const ended = rotation.state === 'done' || rotation.state === 'rolled_back';
  const moved = rotation.steps.find((s) => s.step === 'move')?.state === 'done';
  // Guided, once the references moved, the user's next move is always the check (a failed check is checked again).
  const check = rotation.mode === 'guided' && moved && (rotation.state === 'waiting' || rotation.state === 'failed');
  return (
    <div className="actions rotation-actions" aria-busy={busy}>
      {rotation.state === 'failed' && !check && (
        <button type="button" disabled={busy} onClick={() => void run(retry)}>
          Retry
        </button>
      )}
      {rotation.state === 'waiting' && rotation.mode === 'automatic' && (
        <button type="button" disabled={busy} onClick={() => void run(confirm)}>
          Revoke old key now
        </button>
      )}
      {check && (
        <button type="button" className="primary" disabled={busy} onClick={() => void run(confirm)}>
          Check old key is refused
        </button>
      )}
      {ended && (
        <button type="button" disabled={busy} onClick={() => void dismiss(rotation.id)}>
          Dismiss
        </button>
      )}
    </div>
  );
}
