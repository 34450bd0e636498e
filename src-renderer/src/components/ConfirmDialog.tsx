import { useId, useRef, useState, type ReactNode } from 'react';
import { useModalDialog } from './use-modal-dialog';

interface ConfirmDialogProps {
  title: string;
  /** The question, in words ("Remove … from this computer's keychain?"). */
  children: ReactNode;
  /** The destructive button's exact accessible name, e.g. "Delete key". */
  confirmLabel: string;
  busyText?: string;
  /** Resolves to an error sentence to show, or null when done (the dialog then closes). */
  onConfirm(): Promise<string | null>;
  /** Called once the dialog has closed (confirmed, cancelled or Escape). */
  onClose(): void;
}

/** A modal confirmation for destructive actions. Cancel has focus first, so Enter is safe. */
export function ConfirmDialog({ title, children, confirmLabel, busyText, onConfirm, onClose }: ConfirmDialogProps) {
  const cancelRef = useRef<HTMLButtonElement>(null);
  const dialogRef = useModalDialog(cancelRef);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const id = useId();

  async function confirm() {
    if (busy) return;
    setBusy(true);
    setError(null);
    const failure = await onConfirm();
    setBusy(false);
    if (failure === null) dialogRef.current?.close();
    else setError(failure);
  }

  return (
    <dialog
      ref={dialogRef}
      className="dialog"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-body`}
      onClose={onClose}
    >
      <h2 id={`${id}-title`}>{title}</h2>
      <div id={`${id}-body`} className="dialog-body">
        {children}
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
        <button type="button" className="danger" disabled={busy} onClick={() => void confirm()}>
          {confirmLabel}
        </button>
      </div>
      {busy && busyText && (
        <p role="status" className="hint">
          {busyText}
        </p>
      )}
    </dialog>
  );
}
