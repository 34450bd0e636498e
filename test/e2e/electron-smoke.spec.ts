import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron as electron, expect, test } from '@playwright/test';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * The Electron binary's path, or null. In Node, `require('electron')` only returns that path,
 * but when the binary is missing it first tries to download it, so look for path.txt first.
 */
function electronBinary(): string | null {
  const require = createRequire(import.meta.url);
  try {
    const packageDir = dirname(require.resolve('electron/package.json'));
    const pathFile = join(packageDir, 'path.txt');
    if (!process.env.ELECTRON_OVERRIDE_DIST_PATH && !existsSync(pathFile)) return null;
    const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8') : 'electron';
    const expected = process.env.ELECTRON_OVERRIDE_DIST_PATH
      ? join(process.env.ELECTRON_OVERRIDE_DIST_PATH, relative)
      : join(packageDir, 'dist', relative);
    if (!existsSync(expected)) return null;
    const binary: unknown = require('electron');
    return typeof binary === 'string' && existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

const binary = electronBinary();
const SKIP_REASON = 'Electron binary not available on this machine: skipped';
// The list reporter does not show skip reasons; say it once where the run's output shows it.
if (binary === null && process.env.TEST_WORKER_INDEX === undefined) console.warn(`electron-smoke: ${SKIP_REASON}`);

test.describe('Electron app smoke', () => {
  test.skip(binary === null, SKIP_REASON);

  test('opens the console window with an isolated, sandboxed renderer', async () => {
    const userData = mkdtempSync(join(tmpdir(), 'helplane-electron-'));
    const app = await electron.launch({
      executablePath: binary ?? undefined,
      args: ['.', `--user-data-dir=${userData}`],
      cwd: root,
    });
    try {
      const window = await app.firstWindow();
      await expect(window).toHaveTitle(/Helplane Console/);
      const keys = window.getByRole('link', { name: 'Keys', exact: true }).or(window.getByRole('button', { name: 'Keys', exact: true }));
      await expect(keys.first()).toBeVisible();

      const globals = await window.evaluate(() => {
        const g = globalThis as Record<string, unknown>;
        return { helplane: typeof g.helplane, require: typeof g.require, process: typeof g.process, module: typeof g.module };
      });
      expect(globals).toEqual({ helplane: 'object', require: 'undefined', process: 'undefined', module: 'undefined' });

      // The app:// origin passes the router's sender check.
      const info = await window.evaluate(async () => {
        const api = (globalThis as unknown as { helplane: { appInfo(): Promise<{ ok: boolean }> } }).helplane;
        return api.appInfo();
      });
      expect(info.ok).toBe(true);
      expect(window.url()).toBe('app://helplane/index.html');
    } finally {
      await app.close();
      rmSync(userData, { recursive: true, force: true });
    }
  });
});
