import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setNowForTests } from '../../../../src-renderer/src/lib/clock';
import { setDesktopApiForTests } from '../../../../src-renderer/src/lib/desktop-api';
import { consoleStore, resetStore } from '../../../../src-renderer/src/store';
import { upsertKey } from '../../../../src-renderer/src/store/keys-slice';
import { createFakeDesktopApi, makeKey } from '../fake-desktop-api';

const SECRET = 'hl_test_CanaryCreatedSecretThatMustNeverBeStored987';
const state = () => consoleStore.getState();
let fake: ReturnType<typeof createFakeDesktopApi>;

beforeEach(() => {
  fake = createFakeDesktopApi();
  setDesktopApiForTests(fake.api);
  setNowForTests(() => 1_700_000_000_000);
  resetStore();
});

afterEach(() => {
  setDesktopApiForTests(null);
  setNowForTests(null);
});

const demo = makeKey();
const other = makeKey({ id: 'key_2', name: 'Support bot', prefix: 'hl_test_9zQ1' });

describe('createKey', () => {
  it('stores the metadata, hands the secret to the caller only, and never puts it in the store', async () => {
    const created = makeKey({ id: 'key_new', name: 'CI', prefix: 'hl_test_CanA' });
    fake.replies.keysCreate = () => ({ ok: true, value: { key: created, secret: SECRET } });
    fake.replies.keysList = () => ({ ok: true, value: [demo, created] });
    state().setKeys([demo]);

    const result = await state().createKey('CI');

    expect(result.ok && result.value.secret).toBe(SECRET);
    expect(fake.callsOf('keysCreate')).toEqual([{ op: 'keysCreate', arg: { name: 'CI' } }]);
    expect(state().keys.map((k) => k.id)).toEqual(['key_1', 'key_new']);
    expect(JSON.stringify(state())).not.toContain(SECRET);
    // The follow-up refresh must not bring it in either.
    await vi.waitFor(() => expect(fake.callsOf('keysList')).toHaveLength(1));
    expect(JSON.stringify(state())).not.toContain(SECRET);
  });

  it('returns the error and leaves the list alone when creation fails', async () => {
    fake.replies.keysCreate = () => ({ ok: false, error: { code: 'sandbox_unavailable', message: 'The sandbox is not running.' } });
    state().setKeys([demo]);
    const result = await state().createKey('CI');
    expect(result).toEqual({ ok: false, error: { code: 'sandbox_unavailable', message: 'The sandbox is not running.' } });
    expect(state().keys).toEqual([demo]);
    expect(fake.callsOf('keysList')).toHaveLength(0);
  });
});

describe('testKey', () => {
  it('updates the row from the reply and notes when and what was checked', async () => {
    const checked = { ...demo, status: 'revoked' as const, lastCheckedAt: '2025-02-01T12:00:00.000Z' };
    fake.replies.keysTest = () => ({ ok: true, value: checked });
    state().setKeys([demo, other]);

    await state().testKey('key_1');

    expect(fake.callsOf('keysTest')).toEqual([{ op: 'keysTest', arg: { id: 'key_1' } }]);
    expect(state().keys).toEqual([checked, other]);
    expect(state().keyNotices['key_1']).toEqual({ kind: 'checked', status: 'revoked', at: '2025-02-01T12:00:00.000Z' });
    expect(state().keyNotices['key_2']).toBeUndefined();
  });

  it('surfaces a failure in words beside the row', async () => {
    fake.replies.keysTest = () => ({ ok: false, error: { code: 'keychain_locked', message: 'Unlock the login keyring.' } });
    state().setKeys([demo]);
    const result = await state().testKey('key_1');
    expect(result.ok).toBe(false);
    expect(state().keyNotices['key_1']).toEqual({ kind: 'error', message: 'Test failed: Unlock the login keyring.' });
    expect(state().keys).toEqual([demo]);
  });
});

describe('renameKey', () => {
  it('replaces the row in place', async () => {
    fake.replies.keysRename = ({ id, name }) => ({ ok: true, value: { ...demo, id, name } });
    state().setKeys([demo, other]);
    const result = await state().renameKey('key_1', 'Renamed');
    expect(result.ok).toBe(true);
    expect(fake.callsOf('keysRename')).toEqual([{ op: 'keysRename', arg: { id: 'key_1', name: 'Renamed' } }]);
    expect(state().keys.map((k) => k.name)).toEqual(['Renamed', 'Support bot']);
  });

  it('keeps the old name and returns the error', async () => {
    fake.replies.keysRename = () => ({ ok: false, error: { code: 'invalid_argument', message: 'Give the key a name.' } });
    state().setKeys([demo]);
    const result = await state().renameKey('key_1', ' ');
    expect(!result.ok && result.error.message).toBe('Give the key a name.');
    expect(state().keys).toEqual([demo]);
  });
});

describe('revokeKey', () => {
  it('sandbox: shows the row as Revoked and notes the message', async () => {
    const revoked = { ...demo, status: 'revoked' as const };
    fake.replies.keysRevoke = () => ({ ok: true, value: { key: revoked, revokedOnServer: true, message: 'Revoked on the sandbox.' } });
    state().setKeys([demo]);
    await state().revokeKey('key_1');
    expect(state().keys[0]?.status).toBe('revoked');
    expect(state().keyNotices['key_1']).toEqual({ kind: 'info', message: 'Revoked on the sandbox.' });
  });

  it('production: changes nothing and leaves the explanation to the caller', async () => {
    const prod = makeKey({ id: 'key_p', environment: 'production', prefix: 'hl_live_AbCd' });
    const message = 'Production keys are revoked in the Helplane dashboard.';
    fake.replies.keysRevoke = () => ({ ok: true, value: { key: prod, revokedOnServer: false, message } });
    state().setKeys([prod]);
    const result = await state().revokeKey('key_p');
    expect(result.ok && result.value).toEqual({ key: prod, revokedOnServer: false, message });
    expect(state().keys).toEqual([prod]);
    expect(state().keyNotices['key_p']).toBeUndefined();
  });
});

describe('deleteKey', () => {
  it('drops the row and its notice, then refreshes', async () => {
    fake.replies.keysDelete = () => ({ ok: true, value: { deleted: true } });
    fake.replies.keysList = () => ({ ok: true, value: [other] });
    state().setKeys([demo, other]);
    fake.replies.keysTest = () => ({ ok: false, error: { code: 'network_error', message: 'Offline.' } });
    await state().testKey('key_1');

    await state().deleteKey('key_1');

    expect(state().keys).toEqual([other]);
    expect(state().keyNotices['key_1']).toBeUndefined();
    await vi.waitFor(() => expect(fake.callsOf('keysList')).toHaveLength(1));
  });

  it('keeps the row when the keychain refuses', async () => {
    fake.replies.keysDelete = () => ({
      ok: false,
      error: { code: 'keychain_unavailable', message: 'Install gnome-keyring.' },
    });
    state().setKeys([demo]);
    const result = await state().deleteKey('key_1');
    expect(!result.ok && result.error.code).toBe('keychain_unavailable');
    expect(state().keys).toEqual([demo]);
  });
});

describe('keys-changed events and upsertKey', () => {
  it('setKeys forgets notices of keys that are gone', async () => {
    fake.replies.keysTest = () => ({ ok: true, value: { ...demo, lastCheckedAt: '2025-02-01T12:00:00.000Z' } });
    state().setKeys([demo, other]);
    await state().testKey('key_1');
    state().setKeys([other]);
    expect(state().keyNotices).toEqual({});
  });

  it('upsertKey replaces by id or appends, without mutating', () => {
    const list = [demo, other];
    const renamed = { ...other, name: 'X' };
    expect(upsertKey(list, renamed)).toEqual([demo, renamed]);
    expect(upsertKey(list, makeKey({ id: 'key_3' })).map((k) => k.id)).toEqual(['key_1', 'key_2', 'key_3']);
    expect(list[1]).toBe(other);
  });
});
