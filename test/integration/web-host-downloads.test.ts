import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebHost, type WebHost } from '../../src-main/web-host/server';
import { tempDir } from '../helpers/temp-dir';

const dir = tempDir('web-host-downloads');
const EXPORT_ID = 'exp_0123456789abcdef';
let host: WebHost;

beforeAll(async () => {
  const rendererDir = join(dir.path, 'renderer');
  mkdirSync(rendererDir);
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><html><head></head><body></body></html>');
  const file = join(dir.path, 'contacts.csv');
  writeFileSync(file, 'id,name\r\nct_1,Ada\r\n');
  host = await startWebHost({
    rendererDir,
    createRouter: async () => ({
      router: { handle: async () => ({ ok: false, error: { code: 'unknown_channel', message: 'none' } }) },
      dispose: async () => undefined,
      downloads: { resolve: (id) => (id === EXPORT_ID ? { path: file, fileName: 'contacts.csv' } : null) },
    }),
  });
});

afterAll(async () => {
  await host.close();
  dir.cleanup();
});

const download = (cookie?: string) => fetch(`${host.origin}/__helplane/downloads/${EXPORT_ID}`, cookie ? { headers: { Cookie: cookie } } : {});
const session = (headers: Record<string, string>) => fetch(`${host.origin}/__helplane/download-session`, { method: 'POST', headers });

describe('web host downloads', () => {
  it('are refused to anyone who never showed the console token, even with the export id', async () => {
    expect((await download()).status).toBe(401);
    expect((await download('helplane-downloads=guessed')).status).toBe(401);
  });

  it('give the download cookie only to the console page: its own origin and the token', async () => {
    expect((await session({ Origin: host.origin })).status).toBe(401);
    expect((await session({ Origin: 'http://evil.example', 'X-Helplane-Token': host.token })).status).toBe(403);
    expect((await session({ 'X-Helplane-Token': host.token })).status).toBe(403);
    const granted = await session({ Origin: host.origin, 'X-Helplane-Token': host.token });
    expect(granted.status).toBe(204);
    const cookie = granted.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    const res = await download(cookie.split(';')[0]!);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('id,name\r\nct_1,Ada\r\n');
  });
});
