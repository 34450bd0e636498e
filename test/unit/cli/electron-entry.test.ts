import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';

/**
 * src-main/index.ts in Node with Electron mocked: with `--run` it hands the rest of argv to the
 * runner and exits with its code, and never starts the desktop (no window, no single-instance lock).
 */
const userData = mkdtempSync(join(tmpdir(), 'helplane-entry-'));
afterAll(() => rmSync(userData, { recursive: true, force: true }));

const app = { getPath: vi.fn(() => userData), exit: vi.fn() };
const startDesktop = vi.fn(() => Promise.resolve());
const runCli = vi.fn(async () => 3);
vi.mock('electron', () => ({ app, BrowserWindow: class {}, dialog: {}, ipcMain: {}, protocol: {}, session: {}, shell: {}, utilityProcess: {} }));
vi.mock('electron-store', () => ({ default: class {} }));
vi.mock('../../../src-main/app/start-desktop', () => ({ startDesktop }));
vi.mock('../../../src-main/cli/main', () => ({ runCli }));

const argv = process.argv;
beforeEach(() => {
  vi.resetModules();
  vi.clearAllMocks();
  process.argv = argv;
});

describe('the Electron entry', () => {
  it('with --run: runs the runner with the rest of argv, exits with its code, never starts the desktop', async () => {
    process.argv = ['/opt/helplane-console', '--run', 'coll', '--env', 'sandbox'];
    await import('../../../src-main/index');
    await vi.waitFor(() => expect(app.exit).toHaveBeenCalledWith(3));
    expect(runCli).toHaveBeenCalledWith(['run', 'coll', '--env', 'sandbox'], expect.objectContaining({ env: process.env, defaultDataDir: userData }));
    expect(startDesktop).not.toHaveBeenCalled();
  });

  it('without --run: starts the desktop, and the runner is not loaded', async () => {
    process.argv = ['/opt/helplane-console'];
    await import('../../../src-main/index');
    expect(startDesktop).toHaveBeenCalledTimes(1);
    expect(runCli).not.toHaveBeenCalled();
  });
});
