/** Writers of the keys list that await (the keychain, the sandbox) read the list after their last await. */
import { describe, expect, it } from 'vitest';
import { reconcileKeychain } from '../../../../src-main/services/keys/keychain-reconcile';
import { KeyRecords } from '../../../../src-main/services/keys/key-records';
import { SandboxKeys } from '../../../../src-main/services/keys/sandbox-keys';
import type { KeyRecord } from '../../../../src-main/ports';
import { memorySecretStore, stoppedSandbox } from '../../../helpers/fakes';

function recordsOn(initial: KeyRecord[]) {
  let stored = initial;
  return new KeyRecords({
    metadata: { readKeys: () => stored, writeKeys: (keys) => void (stored = keys) },
    sandbox: stoppedSandbox(),
    clock: { now: () => 0 },
    events: { emit: () => undefined },
  });
}

const key = (id: string, name: string): KeyRecord => ({
  id, name, environment: 'sandbox', baseUrl: null, prefix: 'hl_test_abcd', createdAt: '2026-12-01T00:00:00.000Z', lastUsedAt: null, status: 'active', workspaceId: null,
});

describe('reconcile with the keychain', () => {
  it('keeps a key stored while the keychain was answering (the list is read after the last await)', async () => {
    const records = recordsOn([key('key_a', 'Kept')]);
    const secrets = memorySecretStore([['key_a', 'secret-a'], ['orphan', 'an-orphan-secret']]);
    const get = secrets.get.bind(secrets);
    // While the keychain reads the orphan, the window adds a key: its secret first, then the list (as KeyService.store does).
    secrets.get = async (account) => {
      const value = await get(account);
      if (account === 'orphan') {
        await secrets.set('key_b', 'secret-b');
        records.write([...records.read(), key('key_b', 'Added meanwhile')]);
      }
      return value;
    };
    await reconcileKeychain(secrets, records);
    // Kept, and not judged by the account list read before it existed (it has its secret).
    expect(records.read().map((r) => [r.id, r.name, r.status])).toEqual([
      ['key_a', 'Kept', 'active'],
      ['key_b', 'Added meanwhile', 'active'],
      ['orphan', 'Recovered key', 'unverified'],
    ]);
  });
});

describe("the sandbox's last-used times", () => {
  it('keep a key stored while the sandbox was answering (the list is read after the reply)', async () => {
    const records = recordsOn([{ ...key('key_a', 'Demo'), serverKeyId: 'srv_a' }]);
    const admin = {
      list: async () => {
        // While the sandbox answers, a key is added here.
        records.write([...records.read(), { ...key('key_b', 'Added meanwhile'), prefix: 'hl_test_wxyz' }]);
        return [{ id: 'srv_a', prefix: 'hl_test_abcd', status: 'active', last_used_at: '2026-12-01T10:00:00.000Z' }];
      },
    };
    const sandboxKeys = new SandboxKeys({ records, admin, keys: {}, secrets: memorySecretStore(), metadata: {} } as unknown as ConstructorParameters<typeof SandboxKeys>[0]);
    await sandboxKeys.refreshServerUsage();
    expect(records.read().map((r) => [r.id, r.serverLastUsedAt ?? null])).toEqual([
      ['key_a', '2026-12-01T10:00:00.000Z'],
      ['key_b', null],
    ]);
  });
});
