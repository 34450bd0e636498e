import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { AppInfoService } from '../../src-main/services/app-info/app-info';
import { KEYCHAIN_PROBE_ACCOUNT } from '../../src-main/services/keys/keychain-probe';
import { stoppedSandbox } from '../helpers/fakes';
import { tempDir } from '../helpers/temp-dir';
import { testKeychain } from '../helpers/test-keychain';

const dir = tempDir('keychain-probe');
const keychain = testKeychain();
afterAll(async () => {
  await keychain.cleanup();
  dir.cleanup();
});

describe('the start-up keychain probe, on the real keychain', () => {
  it('finds a working keychain available and leaves no entry behind', async () => {
    await keychain.store.set('key_1', 'a-kept-secret');
    const app = new AppInfoService({ version: '0', host: 'web', platform: process.platform, sandbox: stoppedSandbox(), secrets: keychain.store, dataDir: dir.path });
    expect(await app.probe()).toEqual({ available: true, message: null });
    expect(await keychain.store.accounts()).toEqual(['key_1']);
    expect(await keychain.store.get(KEYCHAIN_PROBE_ACCOUNT)).toBeNull();
  });

  it('finds a Secret Service without a login collection unavailable and says what to do; Add and Create fail with the same words', () => {
    // gnome-keyring started, never unlocked: no "login" collection, as on a fresh minimal desktop.
    const home = join(dir.path, 'no-login-home');
    mkdirSync(join(home, 'run'), { recursive: true, mode: 0o700 });
    const dataDir = join(dir.path, 'no-login-data');
    const child = resolve(import.meta.dirname, 'keys-no-keychain.child.ts');
    const stdout = execFileSync(
      'dbus-run-session',
      ['--', 'sh', '-c', 'gnome-keyring-daemon --start --components=secrets >/dev/null 2>&1 && exec "$@"', 'sh', resolve('node_modules/.bin/tsx'), child, dataDir],
      {
        env: { ...process.env, HOME: home, XDG_RUNTIME_DIR: join(home, 'run'), XDG_DATA_HOME: join(home, 'data'), XDG_CONFIG_HOME: join(home, 'config'), HELPLANE_API_KEY: '' },
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
        timeout: 60_000,
      },
    );
    const out = JSON.parse(stdout);
    expect(out.info).toMatchObject({ ok: true, value: { keychain: { available: false } } });
    expect(out.info.value.keychain.message).toMatch(/no default \(login\) keyring.*Seahorse/);
    expect(out.add).toMatchObject({ ok: false, error: { code: 'keychain_unavailable' } });
    expect(out.add.error.message).toBe(out.info.value.keychain.message);
    expect(out.create).toMatchObject({ ok: false, error: { code: 'keychain_unavailable' } });
    expect(out.list).toEqual({ ok: true, value: [] });
  });
});
