import { useEffect, useRef, type RefObject } from 'react';

/**
 * Opens a native <dialog> as a modal once mounted: the browser traps focus, makes the rest of
 * the page inert and turns Escape into `close`. `initialFocus` (if given) gets focus after
 * opening, e.g. Cancel for destructive confirmations.
 */
export function useModalDialog(initialFocus?: RefObject<HTMLElement | null>): RefObject<HTMLDialogElement | null> {
  const dialogRef = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    // Idempotent and without cleanup: StrictMode's double effect must not close the dialog.
    const dialog = dialogRef.current;
    if (dialog && !dialog.open) {
      dialog.showModal();
      initialFocus?.current?.focus();
    }
    // Run once on mount; refs are stable objects.
  }, []);
  return dialogRef;
}
