import { describe, expect, it } from 'vitest';
import { INVOKE_CHANNELS, OPERATIONS, type Operation } from '../../../src-preload/contract/channels';
import { startDesktop, type DesktopElectron } from '../../../src-main/app/start-desktop';
import { createRouter, type Handlers } from '../../../src-main/ipc/router';
import { FakeBrowserWindow, FakeWebContents, fakeElectron, fakeEvent, fakeFrame, fakeSession } from '../app/fake-electron';

// Electron's security checklist (https://www.electronjs.org/docs/latest/tutorial/security),
// item by item, against the desktop host as started by src-main/index.ts (with a fake electron).

/** Handlers that must never run in these tests: the sender check comes first. */
const unreachable = Object.fromEntries(
  OPERATIONS.map((op) => [op, async () => Promise.reject(new Error(`${op} ran for an untrusted sender`))]),
) as unknown as Handlers;

async function startedApp() {
  const electron = fakeElectron();
  const started = startDesktop(electron as unknown as DesktopElectron, {
    preloadPath: '/app/out/preload/index.cjs',
    rendererRoot: '/app/out/renderer',
    devRendererUrl: undefined,
    platform: 'linux',
    createCore: async ({ isTrustedSender }) => ({ router: createRouter(unreachable, { isTrustedSender }), dispose: async () => undefined }),
  });
  electron.ready();
  await started;
  const window = FakeBrowserWindow.instances[0];
  if (!window) throw new Error('no window');
  return { electron, window, prefs: window.options.webPreferences ?? {} };
}

function cspOf(headersReceived: ((details: { responseHeaders?: Record<string, string[]> }, cb: (r: unknown) => void) => void) | null): string {
  let reply: { responseHeaders: Record<string, string[]> } | undefined;
  headersReceived?.({ responseHeaders: {} }, (r) => (reply = r as typeof reply));
  return reply?.responseHeaders['Content-Security-Policy']?.join('') ?? '';
}

describe('Electron security checklist', () => {
  it('3. context isolation is on', async () => {
    expect((await startedApp()).prefs.contextIsolation).toBe(true);
  });

  it('4. the renderer is sandboxed', async () => {
    expect((await startedApp()).prefs.sandbox).toBe(true);
  });

  it('2. Node.js integration is off everywhere (window, workers, subframes) and webviews are disabled', async () => {
    const { prefs } = await startedApp();
    expect(prefs).toMatchObject({ nodeIntegration: false, nodeIntegrationInWorker: false, nodeIntegrationInSubFrames: false, webviewTag: false });
  });

  it('6-9. web security stays on: no insecure content, no experimental or Blink features enabled', async () => {
    const { prefs } = await startedApp();
    expect(prefs).toMatchObject({ webSecurity: true, allowRunningInsecureContent: false, experimentalFeatures: false });
    expect(prefs.enableBlinkFeatures).toBeUndefined();
  });

  it('7. a strict CSP on every response: scripts from the app only, connect-src none', async () => {
    const { electron } = await startedApp();
    const csp = cspOf(electron.session.defaultSession.headersReceived);
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("connect-src 'none'");
    expect(csp).toContain("default-src 'none'");
    expect(csp).not.toMatch(/unsafe-(eval|inline)|https?:|\*/);
  });

  it('5. permission requests are denied on the default session and on every session created later', async () => {
    const { electron } = await startedApp();
    const later = fakeSession();
    electron.app.emit('session-created', later);
    for (const session of [electron.session.defaultSession, later]) {
      let granted: boolean | undefined;
      session.permissionRequest?.({}, 'media', (value) => (granted = value), {});
      expect(granted).toBe(false);
      expect(session.permissionCheck?.(null, 'notifications', 'app://helplane', {})).toBe(false);
      expect(cspOf(session.headersReceived)).toContain("connect-src 'none'");
    }
  });

  it('13. navigation away from the app is prevented in every web contents', async () => {
    const { electron } = await startedApp();
    const contents = new FakeWebContents();
    electron.app.emit('web-contents-created', {}, contents);
    const away = fakeEvent('https://evil.example/');
    contents.emit('will-navigate', away);
    expect(away.defaultPrevented).toBe(true);
    expect(electron.shell.openExternal).not.toHaveBeenCalled();
  });

  it('14. new windows are denied; only allowlisted https Helplane pages reach shell.openExternal', async () => {
    const { electron } = await startedApp();
    const contents = new FakeWebContents();
    electron.app.emit('web-contents-created', {}, contents);
    for (const url of ['https://evil.example/', 'http://helplane.io/', 'file:///etc/passwd', 'https://docs.helplane.io/keys']) {
      expect(contents.windowOpenHandler?.({ url }), url).toEqual({ action: 'deny' });
    }
    expect(electron.shell.openExternal).toHaveBeenCalledExactlyOnceWith('https://docs.helplane.io/keys');
  });

  it('12. attaching a <webview> is prevented', async () => {
    const { electron } = await startedApp();
    const contents = new FakeWebContents();
    electron.app.emit('web-contents-created', {}, contents);
    const attach = fakeEvent();
    contents.emit('will-attach-webview', attach, {}, { src: 'https://evil.example/' });
    expect(attach.defaultPrevented).toBe(true);
  });

  it('17. every IPC channel checks the sender frame: a null frame, a foreign origin and a subframe are refused', async () => {
    const { electron } = await startedApp();
    const senders = [
      { senderFrame: null },
      { senderFrame: fakeFrame('https://evil.example') },
      { senderFrame: fakeFrame('null') },
      { senderFrame: fakeFrame('app://helplane', { parent: true }) },
    ];
    for (const op of OPERATIONS as Operation[]) {
      const handler = electron.handlers.get(INVOKE_CHANNELS[op]);
      expect(handler, op).toBeTypeOf('function');
      for (const event of senders) {
        await expect(handler?.(event, undefined), `${op} ${JSON.stringify(event.senderFrame)}`).resolves.toMatchObject({
          ok: false,
          error: { code: 'forbidden_sender' },
        });
      }
    }
  });

  it('18. the renderer is served over app://, never file://, with the CSP on each response', async () => {
    const { electron, window } = await startedApp();
    expect(window.loadURL).toHaveBeenCalledExactlyOnceWith('app://helplane/index.html');
    expect(electron.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      expect.objectContaining({ scheme: 'app', privileges: expect.not.objectContaining({ bypassCSP: true }) }),
    ]);
    expect(electron.protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
  });
});
