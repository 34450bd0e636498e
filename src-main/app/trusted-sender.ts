import type { IpcMainInvokeEvent, WebFrameMain } from 'electron';
import type { SenderInfo } from '../ipc/router';

export type SenderFrame = Pick<WebFrameMain, 'origin' | 'parent'>;

/** What the router needs to know about a frame; null frame (gone, navigated away) has no origin. */
export function senderInfoFromFrame(frame: SenderFrame | null | undefined): SenderInfo {
  if (!frame) return { origin: null, isMainFrame: false };
  try {
    // "null" is how Chromium serializes an opaque origin (sandboxed iframe, data: URL).
    const origin = frame.origin && frame.origin !== 'null' ? frame.origin : null;
    return { origin, isMainFrame: frame.parent === null };
  } catch {
    // A disposed frame throws on access: treat it like a missing one.
    return { origin: null, isMainFrame: false };
  }
}

/** SenderInfo of an `ipcMain.handle` call. */
export function senderInfo(event: Pick<IpcMainInvokeEvent, 'senderFrame'>): SenderInfo {
  return senderInfoFromFrame(event.senderFrame);
}

/** Only the top frame of a page served from the app's own origin may call main. */
export function createSenderCheck(appOrigin: string): (sender: SenderInfo) => boolean {
  return (sender) => sender.isMainFrame && sender.origin !== null && sender.origin === appOrigin;
}
