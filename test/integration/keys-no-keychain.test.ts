import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp-dir';

const dir = tempDir('no-keychain');
afterAll(() => dir.cleanup());

function files(path: string): string[] {
  return readdirSync(path).flatMap((name) => {
    const full = join(path, name);
    return statSync(full).isDirectory() ? files(full) : [full];
  });
}

it('without a Secret Service: a clear keychain_unavailable message, no demo key, nothing written anywhere', () => {
  const child = resolve(import.meta.dirname, 'keys-no-keychain.child.ts');
  const stdout = execFileSync(resolve('node_modules/.bin/tsx'), [child, dir.path], {
    // A dead session bus: libsecret cannot reach any Secret Service.
    env: { ...process.env, DBUS_SESSION_BUS_ADDRESS: `unix:path=${join(dir.path, 'no-bus')}`, HELPLANE_API_KEY: '' },
    encoding: 'utf8',
    timeout: 60_000,
  });
  const out = JSON.parse(stdout);
  expect(out.info).toMatchObject({ ok: true, value: { keychain: { available: false } } });
  expect(out.info.value.keychain.message).toContain('gnome-keyring');
  expect(out.add).toMatchObject({ ok: false, error: { code: 'keychain_unavailable' } });
  expect(out.add.error.message).toContain('Keys are never stored anywhere else');
  expect(out.create).toMatchObject({ ok: false, error: { code: 'keychain_unavailable' } });
  expect(out.list).toEqual({ ok: true, value: [] });
  for (const f of files(dir.path).filter((p) => !p.includes('/sandbox/'))) expect(readFileSync(f, 'utf8')).not.toContain(out.secret);
});
