import type { BrowserWindow, BrowserWindowConstructorOptions, WebPreferences } from 'electron';

/** The renderer is untrusted: isolated, sandboxed, no Node, no webviews (Electron security checklist). */
export function mainWindowPreferences(preload: string): WebPreferences {
  return {
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    spellcheck: false,
    preload,
  };
}

export interface WindowElectron {
  BrowserWindow: new (options: BrowserWindowConstructorOptions) => BrowserWindow;
}

export interface MainWindowOptions {
  preloadPath: string;
  rendererUrl: string;
}

/** Create the console window and start loading the renderer; shown once it has painted. */
export function createMainWindow(electron: WindowElectron, options: MainWindowOptions): BrowserWindow {
  const window = new electron.BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 900,
    minHeight: 600,
    title: 'Helplane Console',
    show: false,
    webPreferences: mainWindowPreferences(options.preloadPath),
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
