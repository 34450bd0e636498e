import { useEffect, useRef } from 'react';
import { isSendShortcut } from './send-shortcut';

/** Ctrl/Cmd+Enter anywhere on the page sends, including from inside an input. */
export function useSendShortcut(send: () => void, enabled: boolean): void {
  // A ref keeps one listener for the page's lifetime while always calling the latest `send`.
  const latest = useRef({ send, enabled });
  latest.current = { send, enabled };

  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (!isSendShortcut(event) || event.repeat) return;
      // Inside a modal dialog the shortcut is not ours.
      if (event.target instanceof Element && event.target.closest('dialog')) return;
      event.preventDefault();
      if (latest.current.enabled) latest.current.send();
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
