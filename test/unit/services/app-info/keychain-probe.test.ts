import { describe, expect, it, vi } from 'vitest';
import { createKeytarSecretStore } from '../../../../src-main/adapters/keytar-secret-store';
import { AppInfoService } from '../../../../src-main/services/app-info/app-info';
import { KEYCHAIN_PROBE_ACCOUNT } from '../../../../src-main/services/keys/keychain-probe';
import { reconcileKeychain } from '../../../../src-main/services/keys/keychain-reconcile';
import { KeyRecords } from '../../../../src-main/services/keys/key-records';
import type { KeyRecord, SecretStore } from '../../../../src-main/ports';
import { memorySecretStore, stoppedSandbox } from '../../../helpers/fakes';

// What keytar (libsecret) says when gnome-keyring runs without a login collection: listing works,
// every write fails with this (seen with `gnome-keyring-daemon --start` and no unlocked keyring).
const NO_LOGIN_COLLECTION = 'Object does not exist at path “/org/freedesktop/secrets/collection/login”';

const keytar = vi.hoisted(() => ({
  findCredentials: vi.fn(async (): Promise<Array<{ account: string; password: string }>> => []),
  setPassword: vi.fn(async (): Promise<void> => undefined),
  deletePassword: vi.fn(async (): Promise<boolean> => false),
  getPassword: vi.fn(async (): Promise<string | null> => null),
}));
vi.mock('keytar', () => ({ default: keytar }));

function appInfo(secrets: SecretStore): AppInfoService {
  return new AppInfoService({ version: '0', host: 'web', platform: 'linux', sandbox: stoppedSandbox(), secrets, dataDir: '/nowhere' });
}

describe('the start-up keychain probe', () => {
  it('reports a keychain without its login collection unavailable, saying what to do', async () => {
    keytar.setPassword.mockRejectedValue(new Error(NO_LOGIN_COLLECTION));
    const info = await appInfo(createKeytarSecretStore('probe test')).info();
    expect(info.keychain.available).toBe(false);
    expect(info.keychain.message).toMatch(/no default \(login\) keyring/);
    expect(info.keychain.message).toMatch(/Seahorse/);
    expect(info.keychain.message).toMatch(/create a keyring named 'Login'/);
    expect(info.keychain.message).not.toMatch(/install/i);
    expect(keytar.setPassword).toHaveBeenCalledWith('probe test', KEYCHAIN_PROBE_ACCOUNT, expect.any(String));
  });

  it('reports a keychain that takes the probe entry available, and leaves nothing behind', async () => {
    const secrets = memorySecretStore([['key_1', 'kept-secret']]);
    const set = vi.spyOn(secrets, 'set');
    expect((await appInfo(secrets).probe()).available).toBe(true);
    expect(set).toHaveBeenCalledWith(KEYCHAIN_PROBE_ACCOUNT, expect.any(String));
    expect(await secrets.accounts()).toEqual(['key_1']);
  });

  it('never lists a probe entry a crash left behind as a recovered key', async () => {
    let stored: KeyRecord[] = [];
    const records = new KeyRecords({
      metadata: { readKeys: () => stored, writeKeys: (keys) => void (stored = keys) },
      sandbox: stoppedSandbox(),
      clock: { now: () => 0 },
      events: { emit: () => undefined },
    });
    const secrets = memorySecretStore([[KEYCHAIN_PROBE_ACCOUNT, 'probe'], ['orphan', 'an-orphan-secret']]);
    await reconcileKeychain(secrets, records);
    expect(records.read().map((r) => r.id)).toEqual(['orphan']);
  });
});
