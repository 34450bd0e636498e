import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { generateKey } from '../../../src-main/helplane/key-format';
import { fakeElectron, type FakeElectron } from './fake-electron';

// index.ts with a fake electron whose userData is a temp dir: its logger must land there, redacted.
const state = vi.hoisted(() => ({ electron: null as FakeElectron | null, dir: '' }));
vi.mock('electron', () => {
  const { app, BrowserWindow, ipcMain, protocol, dialog, session, shell } = state.electron as FakeElectron;
  return { app, BrowserWindow, ipcMain, protocol, dialog, session, shell };
});
const core = vi.hoisted(() => ({
  createCore: vi.fn(async (_options: Record<string, unknown>) => ({ router: { handle: async () => ({ ok: true, value: null }) }, dispose: async () => undefined })),
}));
vi.mock('../../../src-main/core/create-core', () => ({ createCore: core.createCore }));
vi.mock('../../../src-main/adapters/electron-store-metadata', () => ({ createElectronStoreMetadata: () => ({}) }));

// Listeners of the worker before index.ts is loaded: what index.ts adds is its last-resort handler.
const listenersBefore = { exception: process.listeners('uncaughtException'), rejection: process.listeners('unhandledRejection') };

state.dir = mkdtempSync(join(tmpdir(), 'helplane-index-log-'));
afterAll(() => rmSync(state.dir, { recursive: true, force: true }));

describe('src-main/index.ts logging', () => {
  it('logs unexpected errors, redacted, to <userData>/logs/console.log', async () => {
    state.electron = fakeElectron();
    state.electron.app.getPath.mockImplementation(() => state.dir);
    await import('../../../src-main/index');
    state.electron.ready();
    await vi.waitFor(() => expect(core.createCore).toHaveBeenCalledOnce());
    const options = core.createCore.mock.calls[0]?.[0] as { onUnexpectedError: (channel: string, error: unknown) => void };
    const key = generateKey('live');
    options.onUnexpectedError('keys:add', new Error(`boom with ${key} and X-API-Key: ${key}`));
    const text = readFileSync(join(state.dir, 'logs', 'console.log'), 'utf8');
    expect(text).toContain('ERROR Unexpected error on keys:add');
    expect(text).toContain('X-API-Key: [redacted]');
    expect(text).not.toContain(key);
    expect(text).not.toMatch(/hl_live_[0-9A-Za-z]{38}/);
  });

  it('logs an error nothing caught, redacted, and keeps running (a last-resort handler, not an exit)', () => {
    const added = <L,>(before: L[], now: L[]) => now.filter((l) => !before.includes(l));
    const onException = added(listenersBefore.exception, process.listeners('uncaughtException'));
    const onRejection = added(listenersBefore.rejection, process.listeners('unhandledRejection'));
    expect(onException).toHaveLength(1);
    expect(onRejection).toHaveLength(1);
    const exit = vi.spyOn(process, 'exit').mockImplementation((() => undefined) as never);
    const key = generateKey('live');
    onException[0]!(new Error(`EISDIR writing history with ${key}`), 'uncaughtException');
    onRejection[0]!(new Error('EACCES writing keys.json'), Promise.resolve());
    expect(exit).not.toHaveBeenCalled();
    exit.mockRestore();
    const text = readFileSync(join(state.dir, 'logs', 'console.log'), 'utf8');
    expect(text).toContain('Uncaught exception (the console keeps running)');
    expect(text).toContain('EISDIR writing history');
    expect(text).toContain('Unhandled rejection (the console keeps running)');
    expect(text).not.toContain(key);
  });
});
