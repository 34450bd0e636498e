import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INVOKE_CHANNELS, type InvokeChannel } from '../../src-preload/contract';
import { createInProcessSandbox } from '../../src-main/adapters/in-process-sandbox';
import { createConfMetadataStore } from '../../src-main/adapters/conf-metadata-store';
import { keychainFailure } from '../../src-main/adapters/keytar-secret-store';
import { createCore, type Core } from '../../src-main/core/create-core';
import { nodeHostAdapters } from '../../src-main/adapters/node-host';
import type { SecretStore } from '../../src-main/ports';
import { tempDir } from '../helpers/temp-dir';
import { assertOk, typedClient, type CallArg, type Reply } from '../helpers/typed-client';
import { testKeychain } from '../helpers/test-keychain';
import { createSandboxKey } from '../helpers/sandbox-admin';

const ADMIN = 'lifecycle-admin-token';
const dir = tempDir('keys-life');
const keychain = testKeychain();
const sandbox = createInProcessSandbox({ dataDir: join(dir.path, 'sandbox'), adminToken: ADMIN });
const replies: unknown[] = [];
const emitted: unknown[] = [];
const dataDir = join(dir.path, 'data');
let core: Core;
let baseUrl: string;
const secretsSeen: string[] = [];

function call<C extends InvokeChannel>(c: Core, channel: C, ...arg: CallArg<C>): Promise<Reply<C>> {
  return typedClient(c.router, { onReply: (r) => replies.push(r) }).call(channel, ...arg);
}

function files(path: string): string[] {
  return readdirSync(path).flatMap((name) => {
    const full = join(path, name);
    return statSync(full).isDirectory() ? files(full) : [full];
  });
}

async function open(dir: string, extra: Partial<Parameters<typeof createCore>[0]> = {}): Promise<Core> {
  return createCore({
    host: 'web',
    dataDir: dir,
    ...nodeHostAdapters(dir),
    events: { emit: (_c, p) => emitted.push(p) },
    isTrustedSender: () => true,
    metadata: createConfMetadataStore(dir),
    secrets: keychain.store,
    // Shared by every core here; stopped once in afterAll (a restart would change its port).
    sandbox: { ...sandbox, stop: async () => undefined },
    env: {},
    ...extra,
  });
}

beforeAll(async () => {
  baseUrl = await sandbox.ensureStarted();
  core = await open(dataDir);
});

afterAll(async () => {
  await core.dispose();
  await sandbox.stop();
  await keychain.cleanup();
  dir.cleanup();
});

describe('key lifecycle against the real sandbox and keychain', () => {
  it('first run makes "Sandbox demo" once, stored in the keychain', async () => {
    const list = await call(core, INVOKE_CHANNELS.keysList);
    expect(list.ok && list.value.map((k: { name: string }) => k.name)).toEqual(['Sandbox demo']);
    const demo = list.ok ? list.value[0] : null;
    expect(demo).toMatchObject({ environment: 'sandbox', status: 'active' });
    const secret = await keychain.store.get(demo!.id);
    expect(secret).toMatch(/^hl_test_/);
    secretsSeen.push(secret!);
    const send = await call(core, INVOKE_CHANNELS.requestSend, { keyId: demo!.id, method: 'GET', path: '/v1/conversations' });
    expect(send).toMatchObject({ ok: true, value: { status: 200 } });
    // An explicit refresh pulls the sandbox's own last_used_at for the key.
    const refreshed = await call(core, INVOKE_CHANNELS.keysRefresh);
    assertOk(refreshed);
    expect(refreshed.value.find((k: { id: string }) => k.id === demo!.id)!.serverLastUsedAt).toMatch(/^\d{4}-/);
    // A second start on the same data does not make another.
    const again = await open(dataDir, { startSandbox: true });
    expect(again.keys.list().filter((k) => k.name === 'Sandbox demo')).toHaveLength(1);
    await again.dispose();
  });

  it('creates a sandbox key: the secret is in the keychain before the one reply that carries it', async () => {
    const r = await call(core, INVOKE_CHANNELS.keysCreate, { name: 'Created' });
    expect(r.ok).toBe(true);
    assertOk(r);
    secretsSeen.push(r.value.secret);
    expect(await keychain.store.get(r.value.key.id)).toBe(r.value.secret);
    const list = await call(core, INVOKE_CHANNELS.keysList);
    expect(JSON.stringify(list)).not.toContain(r.value.secret);
  });

  it('tests, renames, revokes (next request 401 revoked_api_key) and deletes a key', async () => {
    const { secret } = await createSandboxKey(baseUrl, ADMIN, 'ws_acme', 'pasted');
    secretsSeen.push(secret);
    const added = await call(core, INVOKE_CHANNELS.keysAdd, { name: 'Pasted', environment: 'sandbox', secret });
    assertOk(added);
    const id = added.value.id;
    expect(await call(core, INVOKE_CHANNELS.keysTest, { id })).toMatchObject({ ok: true, value: { status: 'active' } });
    expect(await call(core, INVOKE_CHANNELS.keysRename, { id, name: 'Renamed' })).toMatchObject({ ok: true, value: { name: 'Renamed' } });
    expect(await call(core, INVOKE_CHANNELS.keysRevoke, { id })).toMatchObject({ ok: true, value: { revokedOnServer: true, key: { status: 'revoked' } } });
    const send = await call(core, INVOKE_CHANNELS.requestSend, { keyId: id, method: 'GET', path: '/v1/conversations' });
    expect(send).toMatchObject({ ok: true, value: { status: 401 } });
    assertOk(send);
    expect(JSON.parse(send.value.body).error.code).toBe('revoked_api_key');
    expect(await call(core, INVOKE_CHANNELS.keysDelete, { id })).toMatchObject({ ok: true, value: { deleted: true } });
    expect(await keychain.store.get(id)).toBeNull();
    expect(core.keys.list().some((k) => k.id === id)).toBe(false);
  });

  it('a name that holds an API key is refused in words (Add, Create, Rename), and nothing is stored or shown', async () => {
    const { secret } = await createSandboxKey(baseUrl, ADMIN, 'ws_acme', 'named');
    secretsSeen.push(secret);
    const before = core.keys.list().length;
    for (const reply of [
      await call(core, INVOKE_CHANNELS.keysAdd, { name: `my key ${secret}`, environment: 'sandbox', secret }),
      await call(core, INVOKE_CHANNELS.keysCreate, { name: secret }),
    ]) {
      expect(reply).toMatchObject({ ok: false, error: { code: 'invalid_argument', message: expect.stringMatching(/The name holds an API key/) } });
      expect(JSON.stringify(reply)).not.toContain(secret);
    }
    expect(core.keys.list()).toHaveLength(before);
    const added = await call(core, INVOKE_CHANNELS.keysAdd, { name: 'Named', environment: 'sandbox', secret });
    assertOk(added);
    const renamed = await call(core, INVOKE_CHANNELS.keysRename, { id: added.value.id, name: secret });
    expect(renamed).toMatchObject({ ok: false, error: { code: 'invalid_argument' } });
    expect(JSON.stringify(renamed)).not.toContain(secret);
    expect(core.keys.list().find((k) => k.id === added.value.id)?.name).toBe('Named');
    expect(await call(core, INVOKE_CHANNELS.keysDelete, { id: added.value.id })).toMatchObject({ ok: true });
  });

  it('does not revoke a non-sandbox key: it explains where to, and keeps the key', async () => {
    const { secret } = await createSandboxKey(baseUrl, ADMIN, 'ws_acme', 'custom');
    secretsSeen.push(secret);
    const added = await call(core, INVOKE_CHANNELS.keysAdd, { name: 'Custom', environment: 'custom', baseUrl, secret });
    expect(added).toMatchObject({ ok: true, value: { environment: 'custom', status: 'active' } });
    assertOk(added);
    const r = await call(core, INVOKE_CHANNELS.keysRevoke, { id: added.value.id });
    expect(r).toMatchObject({ ok: true, value: { revokedOnServer: false, key: { status: 'active' } } });
    assertOk(r);
    expect(r.value.message).toContain('delete this key from this computer');
    expect(await keychain.store.get(added.value.id)).toBe(secret);
  });

  it('re-lists keychain entries without metadata as "Recovered key" and flags metadata without a secret', async () => {
    const { secret } = await createSandboxKey(baseUrl, ADMIN, 'ws_acme', 'orphan');
    secretsSeen.push(secret);
    await keychain.store.set('key_orphan', secret);
    const created = await call(core, INVOKE_CHANNELS.keysCreate, { name: 'Will lose its secret' });
    assertOk(created);
    secretsSeen.push(created.value.secret);
    await keychain.store.delete(created.value.key.id);
    const list = await core.keys.reconcile();
    expect(list.find((k) => k.id === 'key_orphan')).toMatchObject({ name: 'Recovered key', environment: 'sandbox', status: 'unverified' });
    expect(list.find((k) => k.id === created.value.key.id)).toMatchObject({ status: 'missing_secret' });
  });

  it('restores the last good copy when keys.json is garbage', async () => {
    const before = core.keys.list().map((k) => k.id).sort();
    writeFileSync(join(dataDir, 'keys.json'), '{"version":1,"keys":[garbage');
    const reopened = await open(dataDir, { demoKey: false, startSandbox: false });
    expect(reopened.keys.list().map((k) => k.id).sort()).toEqual(before);
    expect(files(dataDir).some((f) => f.includes('keys.damaged-'))).toBe(true);
  });

  it('undoes the metadata when the keychain write fails, and never stores the secret elsewhere', async () => {
    // gnome-keyring cannot be locked headless without a prompter hanging or keytar crashing
    // (tried: Secret.Service.Lock, then keytar segfaults on get), so the store throws keytar's own message.
    const locked: SecretStore = {
      ...keychain.store,
      accounts: async () => [],
      set: async () => {
        throw keychainFailure(new Error('Cannot create an item in a locked collection'));
      },
    };
    const d = join(dir.path, 'locked');
    const c = await open(d, { secrets: locked, demoKey: false });
    const { secret } = await createSandboxKey(baseUrl, ADMIN);
    secretsSeen.push(secret);
    const r = await call(c, INVOKE_CHANNELS.keysAdd, { name: 'x', environment: 'sandbox', secret });
    expect(r).toMatchObject({ ok: false, error: { code: 'keychain_locked' } });
    expect(c.keys.list()).toEqual([]);
    const created = await call(c, INVOKE_CHANNELS.keysCreate, { name: 'y' });
    expect(created).toMatchObject({ ok: false, error: { code: 'keychain_locked' } });
    for (const f of files(d)) expect(readFileSync(f, 'utf8')).not.toContain(secret);
  });

  it('lists HELPLANE_API_KEY as "From environment", usable, never written to the keychain or files', async () => {
    const { secret } = await createSandboxKey(baseUrl, ADMIN, 'ws_acme', 'env');
    secretsSeen.push(secret);
    const d = join(dir.path, 'env');
    const c = await open(d, { env: { HELPLANE_API_KEY: secret, HELPLANE_BASE_URL: baseUrl }, demoKey: false });
    const env = c.keys.list().find((k) => k.source === 'environment');
    expect(env).toMatchObject({ name: 'From environment', environment: 'custom', prefix: secret.slice(0, 12) });
    const send = await call(c, INVOKE_CHANNELS.requestSend, { keyId: env!.id, method: 'GET', path: '/v1/conversations' });
    expect(send).toMatchObject({ ok: true, value: { status: 200 } });
    // Read as the renderer does: keysList sees the "Last used" the reply's bookkeeping set.
    const listed = await call(c, INVOKE_CHANNELS.keysList);
    assertOk(listed);
    expect(listed.value.find((k) => k.id === env!.id)?.lastUsedAt).not.toBeNull();
    expect(await keychain.store.accounts()).not.toContain(env!.id);
    expect(await call(c, INVOKE_CHANNELS.keysDelete, { id: env!.id })).toMatchObject({ ok: false, error: { code: 'invalid_argument' } });
    for (const f of files(d)) expect(readFileSync(f, 'utf8')).not.toContain(secret);
  });

  it('canary: no secret in any reply, event or metadata file', () => {
    const haystack = [JSON.stringify(replies.filter((r) => !JSON.stringify(r).includes('"secret"'))), JSON.stringify(emitted), ...files(dataDir).filter((f) => !f.includes('/sandbox/')).map((f) => readFileSync(f, 'utf8'))].join('\n');
    expect(secretsSeen.length).toBeGreaterThan(4);
    for (const s of secretsSeen) expect(haystack).not.toContain(s);
  });
});
