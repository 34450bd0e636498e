import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeElectron, type FakeElectron } from './fake-electron';

// The real `electron` package only returns a binary path in Node: index.ts gets a fake module.
const state = vi.hoisted(() => ({ electron: null as FakeElectron | null }));
vi.mock('electron', () => {
  // Runs at index.ts's first import, after the test has put a fake in `state`.
  const { app, BrowserWindow, ipcMain, protocol, dialog, session, shell } = state.electron as FakeElectron;
  return { app, BrowserWindow, ipcMain, protocol, dialog, session, shell };
});

const core = vi.hoisted(() => ({
  createCore: vi.fn(async (_options: Record<string, unknown>) => ({ router: { handle: async () => ({ ok: true, value: null }) }, dispose: async () => undefined })),
}));
vi.mock('../../../src-main/core/create-core', () => ({ createCore: core.createCore }));
// electron-store imports the real electron package outside vitest's module graph: replace the adapter.
vi.mock('../../../src-main/adapters/electron-store-metadata', () => ({ createElectronStoreMetadata: (dir: string) => ({ fakeStoreIn: dir }) }));

afterEach(() => vi.resetModules());

describe('src-main/index.ts', () => {
  it('wires the real module shape: lock, scheme, core with a metadata store, window from the built layout', async () => {
    state.electron = fakeElectron();
    await import('../../../src-main/index');
    expect(state.electron.app.requestSingleInstanceLock).toHaveBeenCalledOnce();
    expect(state.electron.protocol.registerSchemesAsPrivileged).toHaveBeenCalledOnce();

    state.electron.ready();
    await vi.waitFor(() => expect(state.electron?.BrowserWindow.instances).toHaveLength(1));
    expect(core.createCore).toHaveBeenCalledWith(
      expect.objectContaining({ host: 'electron', dataDir: '/fake/userData', metadata: { fakeStoreIn: '/fake/userData' } }),
    );
    const prefs = state.electron.BrowserWindow.instances[0]?.options.webPreferences;
    expect(String(prefs?.preload)).toMatch(/[\\/]preload[\\/]index\.cjs$/);
  });
});
