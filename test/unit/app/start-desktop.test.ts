import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { CSP_NONCE_PLACEHOLDER } from '../../../src-main/app/csp-nonce';
import { INVOKE_CHANNELS } from '../../../src-preload/contract/channels';
import { ok } from '../../../src-preload/contract/result';
import { startDesktop, type DesktopCoreFactory, type DesktopElectron } from '../../../src-main/app/start-desktop';
import { FakeBrowserWindow, FakeWebContents, fakeElectron, fakeEvent, fakeFrame, fakeSession, type FakeElectron } from './fake-electron';

function start(electron: FakeElectron, overrides: { createCore?: DesktopCoreFactory; devRendererUrl?: string; platform?: NodeJS.Platform; rendererRoot?: string } = {}) {
  const router = { handle: vi.fn(async () => ok('pong')) };
  const dispose = vi.fn(async () => undefined);
  const createCore = vi.fn(overrides.createCore ?? (async () => ({ router, dispose })));
  const onError = vi.fn();
  const started = startDesktop(electron as unknown as DesktopElectron, {
    preloadPath: '/app/out/preload/index.cjs',
    rendererRoot: overrides.rendererRoot ?? '/app/out/renderer',
    devRendererUrl: overrides.devRendererUrl,
    platform: overrides.platform ?? 'linux',
    createCore,
    onError,
  });
  return { started, createCore, router, dispose, onError };
}

async function startedApp(options: Parameters<typeof start>[1] = {}, electronOptions: Parameters<typeof fakeElectron>[0] = {}) {
  const electron = fakeElectron(electronOptions);
  const run = start(electron, options);
  electron.ready();
  await run.started;
  return { electron, ...run };
}

describe('startDesktop', () => {
  it('quits at once, touching nothing else, when another instance holds the lock', async () => {
    const electron = fakeElectron({ lock: false });
    const { started, createCore } = start(electron);
    await started;
    expect(electron.app.quit).toHaveBeenCalledOnce();
    expect(electron.protocol.registerSchemesAsPrivileged).not.toHaveBeenCalled();
    expect(createCore).not.toHaveBeenCalled();
    expect(FakeBrowserWindow.instances).toHaveLength(0);
  });

  it('registers the app scheme and the global hooks before ready', () => {
    const electron = fakeElectron();
    void start(electron).started;
    expect(electron.protocol.registerSchemesAsPrivileged).toHaveBeenCalledOnce();
    expect(electron.app.count('web-contents-created')).toBe(1);
    expect(electron.app.count('session-created')).toBe(1);
    expect(electron.protocol.handle).not.toHaveBeenCalled();
    expect(FakeBrowserWindow.instances).toHaveLength(0);
  });

  it('on ready: secures the default session, serves app://, creates the core, binds IPC, opens the window', async () => {
    const { electron, createCore } = await startedApp();
    expect(electron.session.defaultSession.permissionRequest).toBeTypeOf('function');
    expect(electron.session.defaultSession.headersReceived).toBeTypeOf('function');
    expect(electron.protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
    expect(createCore).toHaveBeenCalledWith(expect.objectContaining({ host: 'electron', dataDir: '/fake/userData' }));
    expect([...electron.handlers.keys()].sort()).toEqual(Object.values(INVOKE_CHANNELS).sort());
    expect(FakeBrowserWindow.instances).toHaveLength(1);
    expect(FakeBrowserWindow.instances[0]?.loadURL).toHaveBeenCalledWith('app://helplane/index.html');
    expect(FakeBrowserWindow.instances[0]?.options.webPreferences).toMatchObject({ sandbox: true, preload: '/app/out/preload/index.cjs' });
  });

  it('trusts only the app origin main frame for IPC', async () => {
    const { electron, createCore, router } = await startedApp();
    const isTrusted = createCore.mock.calls[0]?.[0].isTrustedSender;
    expect(isTrusted?.({ origin: 'app://helplane', isMainFrame: true })).toBe(true);
    expect(isTrusted?.({ origin: 'https://evil.example', isMainFrame: true })).toBe(false);
    expect(isTrusted?.({ origin: 'app://helplane', isMainFrame: false })).toBe(false);
    expect(isTrusted?.({ origin: null, isMainFrame: false })).toBe(false);
    // and the binding hands the router what the frame is, for that check
    await electron.handlers.get(INVOKE_CHANNELS.appInfo)?.({ senderFrame: fakeFrame('https://evil.example') }, undefined);
    expect(router.handle).toHaveBeenCalledWith(INVOKE_CHANNELS.appInfo, { origin: 'https://evil.example', isMainFrame: true }, undefined);
  });

  it('routes core events to the window', async () => {
    const { electron, createCore } = await startedApp();
    createCore.mock.calls[0]?.[0].events.emit('keysChanged', { keys: [] });
    expect(FakeBrowserWindow.instances[0]?.webContents.send).toHaveBeenCalledWith('event:keys-changed', { keys: [] });
    expect(electron.app.quit).not.toHaveBeenCalled();
  });

  it('hardens every web contents and secures every new session', async () => {
    const { electron } = await startedApp();
    const contents = new FakeWebContents();
    electron.app.emit('web-contents-created', {}, contents);
    const navigation = fakeEvent('https://evil.example/');
    contents.emit('will-navigate', navigation);
    expect(navigation.defaultPrevented).toBe(true);
    expect(contents.windowOpenHandler?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });

    const session = fakeSession();
    electron.app.emit('session-created', session);
    expect(session.permissionCheck?.(null, 'media', 'x', {})).toBe(false);
  });

  it('uses the dev server URL and origin only when unpackaged', async () => {
    const { createCore, electron } = await startedApp({ devRendererUrl: 'http://localhost:5173' }, { isPackaged: false });
    expect(FakeBrowserWindow.instances[0]?.loadURL).toHaveBeenCalledWith('http://localhost:5173/');
    expect(createCore.mock.calls[0]?.[0].isTrustedSender({ origin: 'http://localhost:5173', isMainFrame: true })).toBe(true);
    let headers: unknown;
    electron.session.defaultSession.headersReceived?.({ responseHeaders: {} }, (r: unknown) => (headers = r));
    expect(JSON.stringify(headers)).toContain('connect-src http://localhost:5173 ws://localhost:5173');

    await startedApp({ devRendererUrl: 'http://localhost:5173/' }, { isPackaged: true });
    expect(FakeBrowserWindow.instances[0]?.loadURL).toHaveBeenCalledWith('app://helplane/index.html');
  });

  it('serves each load of the built index.html with a fresh style nonce in the page and its CSP, kept by the session', async () => {
    const rendererRoot = mkdtempSync(join(tmpdir(), 'helplane-desktop-csp-'));
    try {
      writeFileSync(join(rendererRoot, 'index.html'), `<meta property="csp-nonce" nonce="${CSP_NONCE_PLACEHOLDER}" />`);
      const { electron } = await startedApp({ rendererRoot }, { isPackaged: true });
      const handler = electron.protocol.handle.mock.calls[0]?.[1] as (request: Request) => Promise<Response>;
      const load = async () => {
        const response = await handler(new Request('app://helplane/index.html'));
        const nonce = /nonce="([^"]+)"/.exec(await response.text())?.[1] ?? '';
        return { nonce, csp: response.headers.get('content-security-policy') ?? '' };
      };
      const first = await load();
      const second = await load();
      expect(first.nonce).not.toBe(CSP_NONCE_PLACEHOLDER);
      expect(first.csp).toContain(`style-src 'self' 'nonce-${first.nonce}'`);
      expect(second.csp).toContain(`style-src 'self' 'nonce-${second.nonce}'`);
      expect(second.nonce).not.toBe(first.nonce);
      expect(first.csp).not.toContain('unsafe-inline');
      // If webRequest sees the app:// response, it keeps that page's CSP rather than adding a nonce-less one.
      let kept: unknown;
      const pageHeaders = { 'Content-Security-Policy': [first.csp] };
      electron.session.defaultSession.headersReceived?.({ url: 'app://helplane/index.html', responseHeaders: pageHeaders }, (r: unknown) => (kept = r));
      expect(kept).toEqual({ responseHeaders: pageHeaders });
    } finally {
      rmSync(rendererRoot, { recursive: true, force: true });
    }
  });

  it('quits when all windows close (not on macOS) and disposes the core on quit', async () => {
    const { electron, dispose } = await startedApp();
    electron.app.emit('window-all-closed');
    expect(electron.app.quit).toHaveBeenCalledOnce();
    electron.app.emit('will-quit', fakeEvent());
    await vi.waitFor(() => expect(dispose).toHaveBeenCalledOnce());
  });

  it('reopens a window on activate when none is left (macOS)', async () => {
    const { electron } = await startedApp({ platform: 'darwin' });
    electron.app.emit('window-all-closed');
    expect(electron.app.quit).not.toHaveBeenCalled();
    const first = FakeBrowserWindow.instances[0];
    if (first) first.destroyed = true;
    electron.app.emit('activate');
    expect(FakeBrowserWindow.getAllWindows()).toHaveLength(1);
  });

  it('focuses the existing window on a second launch', async () => {
    const { electron } = await startedApp();
    electron.app.emit('second-instance');
    expect(FakeBrowserWindow.instances[0]?.focus).toHaveBeenCalledOnce();
  });

  it('shows an error and exits when the core cannot start, without opening a window', async () => {
    const { electron, onError } = await startedApp({
      createCore: async () => {
        throw new Error('disk full');
      },
    });
    expect(electron.dialog.showErrorBox).toHaveBeenCalledWith('Helplane Console could not start', expect.stringContaining('disk full'));
    expect(onError).toHaveBeenCalledWith('start-up', expect.objectContaining({ message: 'disk full' }));
    expect(electron.app.exit).toHaveBeenCalledWith(1);
    expect(FakeBrowserWindow.instances).toHaveLength(0);
    expect(electron.handlers.size).toBe(0);
  });
});
