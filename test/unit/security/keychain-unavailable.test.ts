import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INVOKE_CHANNELS, type AppInfo, type Result } from '../../../src-preload/contract';
import { createKeytarSecretStore } from '../../../src-main/adapters/keytar-secret-store';
import { generateKey } from '../../../src-main/helplane/key-format';
import type { HttpTransport, SandboxRunner } from '../../../src-main/ports';
import { startWebHost, type WebHost } from '../../../src-main/web-host/server';
import { createWebCore } from '../../../src-main/web-host/web-core';
import { tempDir } from '../../helpers/temp-dir';

// A machine with no Secret Service: no session bus and no display to autolaunch one. The real
// keytar then fails every call ("Cannot autolaunch D-Bus without X11 $DISPLAY"). This file runs in
// its own process (vitest forks), and libsecret reads these variables at its first call.
delete process.env.DBUS_SESSION_BUS_ADDRESS;
delete process.env.DISPLAY;
delete process.env.WAYLAND_DISPLAY;

const dir = tempDir('no-keychain');
const dataDir = join(dir.path, 'data');
const secret = generateKey('live');
const offline: HttpTransport = { send: () => Promise.reject(new Error('offline')) };
const sandbox: SandboxRunner = {
  status: () => ({ state: 'stopped', baseUrl: null, message: null }),
  ensureStarted: () => Promise.reject(new Error('no sandbox here')),
  adminToken: () => null,
  stop: async () => undefined,
};
let host: WebHost;

function filesUnder(path: string): string[] {
  if (!existsSync(path)) return [];
  return readdirSync(path).flatMap((name) => (statSync(join(path, name)).isDirectory() ? filesUnder(join(path, name)) : [join(path, name)]));
}

async function ipc<T>(channel: string, arg: unknown): Promise<Result<T>> {
  const res = await fetch(`${host.origin}/ipc/${channel}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: host.origin, 'X-Helplane-Token': host.token },
    body: JSON.stringify({ arg }),
  });
  return (await res.json()) as Result<T>;
}

beforeAll(async () => {
  const rendererDir = join(dir.path, 'renderer');
  mkdirSync(rendererDir);
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><html><head></head><body></body></html>');
  host = await startWebHost({
    rendererDir,
    createRouter: createWebCore(dataDir, { secrets: createKeytarSecretStore(`Helplane Console test ${Date.now()}`), sandbox, http: () => ({ transport: offline }) }),
  });
});
afterAll(async () => {
  await host?.close();
  dir.cleanup();
});

describe('no OS keychain at start-up', () => {
  it('the console still starts and serves its page', async () => {
    expect((await fetch(`${host.origin}/`)).status).toBe(200);
  });

  it('appInfo says the keychain is unavailable and what to install', async () => {
    const info = await ipc<AppInfo>(INVOKE_CHANNELS.appInfo, null);
    expect(info.ok).toBe(true);
    if (!info.ok) return;
    expect(info.value.keychain.available).toBe(false);
    expect(info.value.keychain.message).toMatch(/gnome-keyring|Secret Service|KWallet/);
    expect(info.value.keychain.message).toMatch(/install|unlock/i);
  });

  it('adding a key fails with keychain_unavailable and writes the key nowhere', async () => {
    const added = await ipc(INVOKE_CHANNELS.keysAdd, { name: 'Prod', environment: 'production', secret });
    expect(added).toMatchObject({ ok: false, error: { code: 'keychain_unavailable' } });
    expect(JSON.stringify(added)).not.toContain(secret);

    // No metadata entry, no fallback file: nothing in the data dir mentions the key.
    const list = await ipc<unknown[]>(INVOKE_CHANNELS.keysList, null);
    expect(list).toEqual({ ok: true, value: [] });
    for (const file of filesUnder(dataDir)) {
      const text = readFileSync(file, 'utf8');
      expect(text, file).not.toContain(secret);
      expect(text, file).not.toContain(secret.slice(12));
      if (file.endsWith('keys.json')) expect((JSON.parse(text) as { keys?: unknown[] }).keys ?? []).toEqual([]);
    }
  });
});
