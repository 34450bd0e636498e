import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test as base, type Page } from '@playwright/test';
import { createInProcessSandbox } from '../../src-main/adapters/in-process-sandbox';
import { startWebHost, type WebHost } from '../../src-main/web-host/server';
import { createWebCore } from '../../src-main/web-host/web-core';

export interface Console {
  host: WebHost;
  dataDir: string;
  sandboxUrl: string;
  adminToken: string;
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
export const test = base.extend<{ console: Console; sandboxRate: SandboxRate | null }>({
  sandboxRate: [null, { option: true }],
  console: async ({ sandboxRate }, use) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'helplane-e2e-'));
    const adminToken = `admin-${Math.random().toString(36).slice(2)}`;
    const sandbox = createInProcessSandbox({
      dataDir: join(dataDir, 'sandbox'),
      adminToken,
      ...(sandboxRate ? { rateLimit: sandboxRate } : {}),
    });
    const host = await startWebHost({ rendererDir: RENDERER_DIR, createRouter: createWebCore(dataDir, { sandbox }) });
    const sandboxUrl = await sandbox.ensureStarted();
    const ipcReplies: string[] = [];
    await use({
      host,
      dataDir,
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
    rmSync(dataDir, { recursive: true, force: true });
  },
});

export { expect } from '@playwright/test';

/** What `secret-tool` finds in the keychain for an account of the console's service. */
export function keychainLookup(account: string): string {
  try {
    return execFileSync('secret-tool', ['lookup', 'service', 'Helplane Console', 'account', account], { encoding: 'utf8' });
  } catch {
    return '';
  }
}
