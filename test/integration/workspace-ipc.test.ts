import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INVOKE_CHANNELS, type InvokeChannel, type WorkspaceSaveInput } from '../../src-preload/contract';
import { createInProcessSandbox } from '../../src-main/adapters/in-process-sandbox';
import { createConfMetadataStore } from '../../src-main/adapters/conf-metadata-store';
import { createCore, type Core } from '../../src-main/core/create-core';
import { nodeHostAdapters } from '../../src-main/adapters/node-host';
import { tempDir } from '../helpers/temp-dir';
import { assertOk, typedClient, type CallArg, type Reply } from '../helpers/typed-client';
import { testKeychain } from '../helpers/test-keychain';
import { createSandboxKey } from '../helpers/sandbox-admin';

const ADMIN = 'workspace-admin-token';
const dir = tempDir('workspace-ipc');
const dataDir = join(dir.path, 'data');
const keychain = testKeychain();
const sandbox = createInProcessSandbox({ dataDir: join(dir.path, 'sandbox'), adminToken: ADMIN });
const replies: string[] = [];
let core: Core;
let secret = '';
let keyId = '';

const start = () =>
  createCore({
    host: 'web',
    dataDir,
    ...nodeHostAdapters(dataDir),
    events: { emit: () => undefined },
    isTrustedSender: (s) => s.origin === 'app://helplane',
    metadata: createConfMetadataStore(dataDir),
    secrets: keychain.store,
    sandbox,
    demoKey: false,
  });

function call<C extends InvokeChannel>(channel: C, ...arg: CallArg<C>): Promise<Reply<C>> {
  return typedClient(core.router, { onReply: (r) => replies.push(JSON.stringify(r)) }).call(channel, ...arg);
}

const draft = (id: string, over: Partial<WorkspaceSaveInput['tabs'][number]> = {}): WorkspaceSaveInput['tabs'][number] => ({
  id,
  unsaved: true,
  name: 'Untitled request',
  target: { kind: 'free' },
  method: 'GET',
  path: '/v1/contacts',
  pathParams: [],
  query: [],
  headers: [],
  body: null,
  keyId: null,
  collectionLink: null,
  ...over,
});

async function listIdOf(name: string): Promise<string | undefined> {
  const r = await call(INVOKE_CHANNELS.keysList);
  assertOk(r);
  return r.value.find((k) => k.name === name)?.id;
}

const TAB_A = 'tab_00000000000000aa';
const TAB_B = 'tab_00000000000000bb';

beforeAll(async () => {
  core = await start();
  const baseUrl = await sandbox.ensureStarted();
  ({ secret } = await createSandboxKey(baseUrl, ADMIN));
  const added = await call(INVOKE_CHANNELS.keysAdd, { name: 'Acme dev', environment: 'sandbox', secret });
  assertOk(added);
  keyId = added.value.id;
});

afterAll(async () => {
  await core.dispose();
  await keychain.cleanup();
  dir.cleanup();
});

describe('workspace:load / workspace:save', () => {
  it('starts with no tabs', async () => {
    const r = await call(INVOKE_CHANNELS.workspaceLoad);
    expect(r).toEqual({ ok: true, value: { tabs: [], activeTabId: null, warnings: [] } });
  });

  it('keeps two tabs and the active one, and scrubs a stored key typed into a draft', async () => {
    const r = await call(INVOKE_CHANNELS.workspaceSave, {
      tabs: [
        draft(TAB_A, { keyId, query: [{ name: 'limit', value: '5' }] }),
        draft(TAB_B, { method: 'POST', path: '/v1/contacts', body: `{"note":"${secret}"}`, headers: [{ name: 'X-API-Key', value: secret }] }),
      ],
      activeTabId: TAB_B,
    });
    assertOk(r);
    expect(r.value.activeTabId).toBe(TAB_B);
    expect(r.value.tabs.map((t) => t.id)).toEqual([TAB_A, TAB_B]);
    expect(r.value.tabs[1]!.body).toContain('[redacted]');
    expect(r.value.tabs[1]!.headers).toEqual([]);
    expect(r.value.warnings.length).toBeGreaterThan(0);
    expect(replies.join('\n')).not.toContain(secret);
  });

  it('scrubs a key added after the secrets were first read (the cache is refreshed on keys-changed)', async () => {
    const later = await createSandboxKey(await sandbox.ensureStarted(), ADMIN);
    assertOk(await call(INVOKE_CHANNELS.keysAdd, { name: 'Later', environment: 'sandbox', secret: later.secret }));
    // Cut into a form the key-shape check alone does not catch: only the stored secret finds it.
    const r = await call(INVOKE_CHANNELS.workspaceSave, { tabs: [draft(TAB_A, { body: later.secret.slice(3) })], activeTabId: TAB_A });
    assertOk(r);
    expect(r.value.tabs[0]!.body).not.toContain(later.secret.slice(3));
    assertOk(await call(INVOKE_CHANNELS.keysDelete, { id: (await listIdOf('Later'))! }));
  });

  it('refuses a draft that is not valid, naming the field', async () => {
    const r = await call(INVOKE_CHANNELS.workspaceSave, { tabs: [draft(TAB_A, { method: 'BREW' as 'GET' })], activeTabId: null });
    expect(r.ok).toBe(false);
  });

  it('brings the tabs back after a restart, and tabs.json holds no piece of the key', async () => {
    assertOk(
      await call(INVOKE_CHANNELS.workspaceSave, {
        tabs: [draft(TAB_A, { keyId, query: [{ name: 'limit', value: '5' }] }), draft(TAB_B, { method: 'POST', body: `{"note":"${secret}"}` })],
        activeTabId: TAB_B,
      }),
    );
    await core.dispose();
    const file = readFileSync(join(dataDir, 'workspace', 'tabs.json'), 'utf8');
    expect(file).not.toContain(secret);
    expect(file).not.toContain(secret.slice(-12));
    core = await start();
    const r = await call(INVOKE_CHANNELS.workspaceLoad);
    assertOk(r);
    expect(r.value.activeTabId).toBe(TAB_B);
    expect(r.value.tabs.map((t) => [t.id, t.method, t.keyId])).toEqual([
      [TAB_A, 'GET', keyId],
      [TAB_B, 'POST', null],
    ]);
    expect(r.value.tabs[0]!.query).toEqual([{ name: 'limit', value: '5' }]);
  });
});

describe('requests:importCurl', () => {
  it('selects the stored key a pasted X-API-Key equals, without returning the value', async () => {
    const r = await call(INVOKE_CHANNELS.requestImportCurl, {
      command: `curl -X POST 'https://api.helplane.io/v1/contacts?x=1' -H 'X-API-Key: ${secret}' -H 'Content-Type: application/json' --data-raw '{"name":"Ada"}'`,
    });
    assertOk(r);
    expect(r.value).toMatchObject({ method: 'POST', path: '/v1/contacts', query: [{ name: 'x', value: '1' }], body: '{"name":"Ada"}', key: { kind: 'matched', matchedKeyId: keyId } });
    expect(JSON.stringify(r)).not.toContain(secret);
  });

  it('offers Add key for a key no stored key has', async () => {
    const other = await createSandboxKey(await sandbox.ensureStarted(), ADMIN);
    const r = await call(INVOKE_CHANNELS.requestImportCurl, { command: `curl https://api.helplane.io/v1/contacts -H "X-API-Key: ${other.secret}"` });
    assertOk(r);
    expect(r.value.key).toEqual({ kind: 'offerAddKey', offerAddKey: true });
    expect(JSON.stringify(r)).not.toContain(other.secret);
  });

  it('refuses what it cannot import, in words', async () => {
    const r = await call(INVOKE_CHANNELS.requestImportCurl, { command: 'wget https://api.helplane.io/v1/contacts' });
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid_argument', message: expect.stringMatching(/curl/) } });
  });
});
