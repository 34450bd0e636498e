import type { App, BrowserWindow, Dialog, Protocol, Shell } from 'electron';
import type { IpcRouter, SenderInfo } from '../ipc/router';
import type { EventSink } from '../ports';
import { registerAppScheme, serveAppProtocol } from './app-protocol';
import { APP_ENTRY_URL, originOf, resolveRendererUrl } from './app-url';
import { createExternalOpener } from './external-links';
import { bindIpcRouter, createWebContentsEventSink, type IpcMainLike } from './ipc-binding';
import { disposeOnQuit, quitWhenWindowsClosed } from './lifecycle';
import { applySessionSecurity, hardenWebContents, rendererCsp, type SecuredSession } from './security';
import { createSenderCheck } from './trusted-sender';
import { createMainWindow, focusWindow, type WindowElectron } from './window';

/** The parts of the `electron` module the desktop host uses (a fake in tests). */
export interface DesktopElectron {
  app: Pick<App, 'requestSingleInstanceLock' | 'quit' | 'exit' | 'on' | 'whenReady' | 'getPath' | 'isPackaged'>;
  BrowserWindow: WindowElectron['BrowserWindow'] & { getAllWindows(): BrowserWindow[] };
  ipcMain: IpcMainLike;
  protocol: Pick<Protocol, 'registerSchemesAsPrivileged' | 'handle'>;
  session: { defaultSession: SecuredSession };
  dialog: Pick<Dialog, 'showErrorBox'>;
  shell: Pick<Shell, 'openExternal'>;
}

export interface DesktopCoreOptions {
  host: 'electron';
  dataDir: string;
  events: EventSink;
  isTrustedSender: (sender: SenderInfo) => boolean;
}

export type DesktopCoreFactory = (options: DesktopCoreOptions) => Promise<{ router: IpcRouter; dispose(): Promise<void> }>;

export interface DesktopOptions {
  preloadPath: string;
  rendererRoot: string;
  /** electron-vite's ELECTRON_RENDERER_URL (honoured only unpackaged, on loopback). */
  devRendererUrl: string | undefined;
  platform: NodeJS.Platform;
  createCore: DesktopCoreFactory;
  /** Told about failures outside any IPC call (the logger in index.ts). */
  onError?: (where: string, error: unknown) => void;
}

/**
 * Start the desktop host. The steps before the returned promise's first await run synchronously,
 * so the scheme is registered before `ready` as Electron requires.
 */
export async function startDesktop(electron: DesktopElectron, options: DesktopOptions): Promise<void> {
  const { app } = electron;
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  registerAppScheme(electron.protocol);

  const rendererUrl = resolveRendererUrl(options.devRendererUrl, app.isPackaged);
  const appOrigin = originOf(rendererUrl) ?? '';
  // Built app: each page load gets its own style nonce (app-protocol.ts). Dev server: Vite's inline styles instead.
  const cspFor = (styleNonce?: string) => rendererCsp(rendererUrl === APP_ENTRY_URL ? (styleNonce ? { styleNonce } : {}) : { devServerOrigin: appOrigin });
  const csp = cspFor();
  let window: BrowserWindow | null = null;

  const openExternal = createExternalOpener(electron.shell, (error) => options.onError?.('openExternal', error));
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, appOrigin, openExternal));
  app.on('session-created', (session) => applySessionSecurity(session, csp, appOrigin));
  app.on('second-instance', () => focusWindow(window));
  quitWhenWindowsClosed(app, options.platform);

  await app.whenReady();
  applySessionSecurity(electron.session.defaultSession, csp, appOrigin);
  serveAppProtocol(electron.protocol, options.rendererRoot, cspFor);

  const events = createWebContentsEventSink(() => (window && !window.isDestroyed() ? window.webContents : null));
  let core: Awaited<ReturnType<DesktopCoreFactory>>;
  try {
    core = await options.createCore({ host: 'electron', dataDir: app.getPath('userData'), events, isTrustedSender: createSenderCheck(appOrigin) });
  } catch (error) {
    options.onError?.('start-up', error);
    const detail = error instanceof Error ? error.message : String(error);
    electron.dialog.showErrorBox('Helplane Console could not start', `${detail}\n\nThe console will close.`);
    app.exit(1);
    return;
  }
  // Handlers before the window: a renderer call must never find no handler.
  bindIpcRouter(electron.ipcMain, core.router);
  disposeOnQuit(app, () => core.dispose());

  const openWindow = () => createMainWindow(electron, { preloadPath: options.preloadPath, rendererUrl });
  window = openWindow();
  app.on('activate', () => {
    if (electron.BrowserWindow.getAllWindows().length === 0) window = openWindow();
  });
}
