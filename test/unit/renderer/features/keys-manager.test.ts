import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DesktopApi } from '../../../../src-preload/contract';
import { setDesktopApiForTests } from '../../../../src-renderer/src/lib/desktop-api';
import { consoleStore, resetStore } from '../../../../src-renderer/src/store';
import { filterKeys } from '../../../../src-renderer/src/features/keys/filter-keys';
import { createFakeDesktopApi, makeKey } from '../fake-desktop-api';

const SECRET = 'hl_test_ThisIsNotARealSecretButLooksLikeOne123456';
const state = () => consoleStore.getState();
let fake: ReturnType<typeof createFakeDesktopApi>;

beforeEach(() => {
  fake = createFakeDesktopApi();
  setDesktopApiForTests(fake.api);
  resetStore();
});
afterEach(() => setDesktopApiForTests(null));

describe('filterKeys', () => {
  const keys = [makeKey({ id: 'a', name: 'Sandbox demo', prefix: 'hl_test_3fA9' }), makeKey({ id: 'b', name: 'Billing', prefix: 'hl_live_Zq01' })];
  it('matches name or prefix, case-insensitively, and keeps all for an empty filter', () => {
    expect(filterKeys(keys, 'DEMO').map((k) => k.id)).toEqual(['a']);
    expect(filterKeys(keys, 'hl_live').map((k) => k.id)).toEqual(['b']);
    expect(filterKeys(keys, '  ')).toHaveLength(2);
    expect(filterKeys(keys, 'nothing')).toEqual([]);
  });
});

describe('keys slice actions', () => {
  it('createKey hands the secret to the caller only; the store never holds it', async () => {
    const created = makeKey({ id: 'k2', name: 'New' });
    const api: DesktopApi = {
      ...fake.api,
      keysCreate: async () => ({ ok: true, value: { key: created, secret: SECRET } }),
      keysList: async () => ({ ok: true, value: [created] }),
    };
    setDesktopApiForTests(api);
    const result = await state().createKey('New');
    expect(result.ok && result.value.secret).toBe(SECRET);
    await state().refreshKeys();
    expect(state().keys).toEqual([created]);
    expect(JSON.stringify(state())).not.toContain(SECRET);
  });

  it('rename, revoke, test and delete call main with the key id and update the list', async () => {
    const seen: string[] = [];
    const key = makeKey();
    const api: DesktopApi = {
      ...fake.api,
      keysRename: async (arg) => (seen.push(`rename:${arg.id}:${arg.name}`), { ok: true, value: { ...key, name: arg.name } }),
      keysRevoke: async (arg) => (seen.push(`revoke:${arg.id}`), { ok: true, value: { key: { ...key, name: 'Other', status: 'revoked' }, revokedOnServer: true, message: 'ok' } }),
      keysTest: async (arg) => (seen.push(`test:${arg.id}`), { ok: true, value: { ...key, name: 'Other', status: 'revoked' } }),
      keysDelete: async (arg) => (seen.push(`delete:${arg.id}`), { ok: false, error: { code: 'keychain_locked', message: 'The OS keychain is locked.' } }),
    };
    setDesktopApiForTests(api);
    state().setKeys([key]);
    await state().renameKey('key_1', 'Other');
    expect(state().keys[0]?.name).toBe('Other');
    await state().revokeKey('key_1');
    expect(state().keys[0]?.status).toBe('revoked');
    await state().testKey('key_1');
    const deleted = await state().deleteKey('key_1');
    expect(deleted).toMatchObject({ ok: false, error: { code: 'keychain_locked' } });
    // A failed delete keeps the key listed.
    expect(state().keys.map((k) => k.id)).toEqual(['key_1']);
    expect(seen).toEqual(['rename:key_1:Other', 'revoke:key_1', 'test:key_1', 'delete:key_1']);
  });
});
