import { describe, expect, it } from 'vitest';
import { createMainWindow, focusWindow, type WindowElectron } from '../../../src-main/app/window';
import { FakeBrowserWindow } from './fake-electron';

function create() {
  FakeBrowserWindow.instances = [];
  const window = createMainWindow({ BrowserWindow: FakeBrowserWindow } as unknown as WindowElectron, {
    preloadPath: '/app/out/preload/index.cjs',
    rendererUrl: 'app://helplane/index.html',
  }) as unknown as FakeBrowserWindow;
  return window;
}

describe('createMainWindow', () => {
  it('isolates and sandboxes the renderer with no Node and no webviews', () => {
    expect(create().options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      preload: '/app/out/preload/index.cjs',
    });
  });

  it('does not leave any Node integration switch on', () => {
    const prefs = create().options.webPreferences ?? {};
    for (const [name, value] of Object.entries(prefs)) {
      if (name.startsWith('nodeIntegration')) expect(value, name).toBe(false);
    }
  });

  it('loads the renderer URL and shows the window once ready', () => {
    const window = create();
    expect(window.loadURL).toHaveBeenCalledWith('app://helplane/index.html');
    expect(window.show).not.toHaveBeenCalled();
    window.emit('ready-to-show');
    expect(window.show).toHaveBeenCalledOnce();
  });

  it('focusWindow brings a live window forward and ignores a destroyed one', () => {
    const window = create();
    focusWindow(window as never);
    expect(window.focus).toHaveBeenCalledOnce();
    window.destroyed = true;
    focusWindow(window as never);
    expect(window.focus).toHaveBeenCalledOnce();
  });
});
