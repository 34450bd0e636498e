import type { BrowserWindow, BrowserWindowConstructorOptions } from 'electron';

export interface WindowElectron {
  BrowserWindow: new (options: BrowserWindowConstructorOptions) => BrowserWindow;
}

export interface MainWindowOptions {
  preloadPath: string;
  rendererUrl: string;
}

/** Create the console window and start loading the renderer; shown once it has painted. */
export function createMainWindow(electron: WindowElectron, options: MainWindowOptions): BrowserWindow {
  const { BrowserWindow } = electron;
  // The preferences stay an inline literal so Electronegativity (npm run security:scan) can read them.
  const window = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 900,
    minHeight: 600,
    title: 'Helplane Console',
    show: false,
    // The renderer is untrusted: isolated, sandboxed, no Node, no webviews (Electron security checklist).
    webPreferences: {
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      // Middle-click would otherwise ask for a new window (denied anyway): do not even ask.
      disableBlinkFeatures: 'Auxclick',
      spellcheck: false,
      preload: options.preloadPath,
    },
  });
  window.once('ready-to-show', () => window.show());
  window.loadURL(options.rendererUrl).catch((error: unknown) => {
    console.error('The console window could not load its page:', error);
  });
  return window;
}

/** Bring an existing window forward (a second launch lands here). */
export function focusWindow(window: BrowserWindow | null): void {
  if (!window || window.isDestroyed()) return;
  if (window.isMinimized()) window.restore();
  window.focus();
}
