import type { App } from 'electron';

export type QuitApp = Pick<App, 'on' | 'quit'>;

/** How long quitting waits for the core (sandbox server, stores) before giving up on it. */
export const DISPOSE_TIMEOUT_MS = 5_000;

/**
 * Hold the first quit until `dispose` settles (or times out), then quit for real.
 * Electron does not await async 'will-quit' listeners, hence preventDefault and a second quit().
 */
export function disposeOnQuit(app: QuitApp, dispose: () => Promise<void>, timeoutMs = DISPOSE_TIMEOUT_MS): void {
  let state: 'running' | 'disposing' | 'disposed' = 'running';
  app.on('will-quit', (event) => {
    if (state === 'disposed') return;
    event.preventDefault();
    if (state === 'disposing') return;
    state = 'disposing';
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, timeoutMs);
    });
    Promise.race([dispose(), timeout])
      .catch((error: unknown) => console.error('Shutting down the console core failed:', error))
      .finally(() => {
        clearTimeout(timer);
        state = 'disposed';
        app.quit();
      });
  });
}

/** Quit when the last window closes, except on macOS where apps stay in the dock. */
export function quitWhenWindowsClosed(app: QuitApp, platform: NodeJS.Platform): void {
  app.on('window-all-closed', () => {
    if (platform !== 'darwin') app.quit();
  });
}
