import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test as base, type Page } from '@playwright/test';
import { createInProcessSandbox } from '../../src-main/adapters/in-process-sandbox';
import { createKeytarSecretStore, KEYCHAIN_SERVICE } from '../../src-main/adapters/keytar-secret-store';
import { createDataFolderSecretStore, keychainIdOf } from '../../src-main/adapters/data-folder-keychain';
import { startWebHost, type WebHost } from '../../src-main/web-host/server';
import { createWebCore } from '../../src-main/web-host/web-core';

export interface Console {
  host: WebHost;
  dataDir: string;
  sandboxUrl: string;
  adminToken: string;
  /** The keychain service this test's console uses (see below). */
  keychainService: string;
  /** `secret-tool lookup` under this test's service. */
  keychainLookup(account: string): string;
  /** Bodies of every /ipc/ reply the page received. */
  ipcReplies: string[];
  open(page: Page): Promise<void>;
  /** Every file under the data dir, as text. */
  dataFiles(): string[];
}

const RENDERER_DIR = resolve(import.meta.dirname, '../../out/renderer');

function filesUnder(path: string): string[] {
  return readdirSync(path).flatMap((name) => {
    const full = join(path, name);
    return statSync(full).isDirectory() ? filesUnder(full) : [full];
  });
}

export interface SandboxRate {
  capacity: number;
  refillPerWindow: number;
  windowMs: number;
}

/**
 * A web host per test, with its own data dir and a sandbox whose admin token the test knows.
 * `test.use({ sandboxRate: {...} })` shrinks the sandbox's token bucket for rate-limit tests.
 */
export const test = base.extend<{ console: Console; sandboxRate: SandboxRate | null; dataFolderKeychain: boolean }>({
  sandboxRate: [null, { option: true }],
  // The data folder's own keychain namespace, as the desktop app and the CLI use it (so `--data-dir` of a CLI run finds the same keys).
  dataFolderKeychain: [false, { option: true }],
  console: async ({ sandboxRate, dataFolderKeychain }, use) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'helplane-e2e-'));
    const adminToken = `admin-${Math.random().toString(36).slice(2)}`;
    const sandbox = createInProcessSandbox({
      dataDir: join(dataDir, 'sandbox'),
      adminToken,
      ...(sandboxRate ? { rateLimit: sandboxRate } : {}),
    });
    // The real keychain, under a service name of this test's own: tests running side by side (or
    // one after another) must not see each other's entries as orphans to recover.
    const keychainService = dataFolderKeychain ? `${KEYCHAIN_SERVICE} ${keychainIdOf(dataDir).id}` : `Helplane Console e2e ${randomUUID()}`;
    const secrets = dataFolderKeychain ? createDataFolderSecretStore(dataDir, { isDefault: false }) : createKeytarSecretStore(keychainService);
    const host = await startWebHost({ rendererDir: RENDERER_DIR, createRouter: createWebCore(dataDir, { sandbox, secrets }) });
    const sandboxUrl = await sandbox.ensureStarted();
    const ipcReplies: string[] = [];
    await use({
      host,
      dataDir,
      keychainService,
      keychainLookup: (account) => keychainLookup(account, keychainService),
      sandboxUrl,
      adminToken,
      ipcReplies,
      async open(page) {
        page.on('response', async (res) => {
          if (new URL(res.url()).pathname.startsWith('/ipc/')) ipcReplies.push(await res.text().catch(() => ''));
        });
        await page.goto(host.url);
      },
      dataFiles: () => filesUnder(dataDir).map((f) => readFileSync(f, 'utf8')),
    });
    await host.close();
    for (const account of await secrets.accounts().catch(() => [])) await secrets.delete(account).catch(() => false);
    rmSync(dataDir, { recursive: true, force: true });
  },
});

export { expect } from '@playwright/test';

/** What `secret-tool` finds in the keychain for an account of a service (the console's by default). */
export function keychainLookup(account: string, service = 'Helplane Console'): string {
  try {
    return execFileSync('secret-tool', ['lookup', 'service', service, 'account', account], { encoding: 'utf8' });
  } catch {
    return '';
  }
}
