import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventName, EventPayload } from '../../../src-preload/contract';
import { createConfMetadataStore } from '../../../src-main/adapters/conf-metadata-store';
import { createInProcessSandbox } from '../../../src-main/adapters/in-process-sandbox';
import { folderExportTargets } from '../../../src-main/adapters/folder-export-targets';
import { nodeHostAdapters } from '../../../src-main/adapters/node-host';
import { createCore, type Core } from '../../../src-main/core/create-core';
import { generateKey } from '../../../src-main/helplane/key-format';
import { createSandboxKey } from '../../helpers/sandbox-admin';
import { tempDir } from '../../helpers/temp-dir';
import { tempDirPerTest } from '../../helpers/temp-dir-per-test';
import { testKeychain } from '../../helpers/test-keychain';
import { assertOk, typedClient, type TypedClient } from '../../helpers/typed-client';

// The collection operations end to end through the router: real folders, the real sandbox, the keychain.
const ADMIN = 'collections-ipc-admin';
const dir = tempDir('collections-ipc');
const newDir = tempDirPerTest('collection');
const keychain = testKeychain();
const sandbox = createInProcessSandbox({ dataDir: join(dir.path, 'sandbox'), adminToken: ADMIN });
const events: { event: EventName; payload: unknown }[] = [];
let core: Core;
let client: TypedClient;
let keyId = '';
let secret = '';
const replies: unknown[] = [];

beforeAll(async () => {
  core = await createCore({
    host: 'web',
    dataDir: join(dir.path, 'data'),
    ...nodeHostAdapters(join(dir.path, 'data')),
    events: { emit: (event, payload) => void events.push({ event, payload }) },
    isTrustedSender: () => true,
    metadata: createConfMetadataStore(join(dir.path, 'data')),
    secrets: keychain.store,
    sandbox,
    exportTargets: folderExportTargets(join(dir.path, 'exports')),
    demoKey: false,
  });
  client = typedClient(core.router, { onReply: (r) => replies.push(r) });
  const baseUrl = await sandbox.ensureStarted();
  ({ secret } = await createSandboxKey(baseUrl, ADMIN));
  const added = await client.call('keys:add', { name: 'Chain key', environment: 'sandbox', secret });
  assertOk(added);
  keyId = added.value.id;
}, 60_000);

afterAll(async () => {
  await core.dispose();
  await keychain.cleanup();
  dir.cleanup();
  // No reply of any call in this file held the stored key.
  expect(JSON.stringify(replies)).not.toContain(secret);
});

const CREATE = `name: Create contact
order: 1
method: POST
path: /v1/contacts
headers:
  Content-Type: application/json
body: |
  {"name": "{{contact_name}}", "email": "{{email}}"}
captures:
  - variable: contact_id
    path: $.id
`;

function folder(): string {
  const root = newDir();
  mkdirSync(join(root, 'chain'), { recursive: true });
  writeFileSync(join(root, 'collection.yaml'), 'name: Onboarding\nvariables:\n  contact_name: Ada Lovelace\n');
  writeFileSync(join(root, 'chain/create-contact.request.yaml'), CREATE);
  writeFileSync(join(root, 'broken.request.yaml'), 'name: Broken\nmethod: [GET\n');
  return root;
}

const changedEvent = () =>
  new Promise<EventPayload<'collectionsChanged'>>((resolve, reject) => {
    const start = events.length;
    const timer = setInterval(() => {
      const found = events.slice(start).find((e) => e.event === 'collectionsChanged');
      if (found) {
        clearInterval(timer);
        resolve(found.payload as EventPayload<'collectionsChanged'>);
      }
    }, 20);
    setTimeout(() => {
      clearInterval(timer);
      reject(new Error('no collections:changed event'));
    }, 10_000);
  });

describe('collections through the router', () => {
  it('opens a folder: the tree, and a damaged file listed with its line; bad folders refused in words', async () => {
    const root = folder();
    const opened = await client.call('collections:open', { folder: root });
    assertOk(opened);
    expect(opened.value.collection.name).toBe('Onboarding');
    const names = JSON.stringify(opened.value.tree);
    expect(names).toContain('Create contact');
    expect(opened.value.problems).toEqual([expect.objectContaining({ file: 'broken.request.yaml', line: expect.any(Number) })]);

    const relative = await client.call('collections:open', { folder: 'relative/path' });
    expect(relative.ok ? null : relative.error.code).toBe('invalid_argument');
    const missing = await client.call('collections:open', { folder: join(root, 'nope') });
    expect(missing.ok ? null : missing.error.code).toBe('not_a_folder');
    const file = await client.call('collections:open', { folder: join(root, 'collection.yaml') });
    expect(file.ok ? null : file.error.code).toBe('not_a_folder');
  });

  it('re-saves an unchanged request byte-identically; a stale baseRevision is changed_on_disk', async () => {
    const root = folder();
    assertOk(await client.call('collections:open', { folder: root }));
    const read = await client.call('collections:readRequest', { path: 'chain/create-contact.request.yaml' });
    assertOk(read);
    const saved = await client.call('collections:saveRequest', { path: read.value.path, request: read.value.request, baseRevision: read.value.revision });
    assertOk(saved);
    expect(readFileSync(join(root, 'chain/create-contact.request.yaml'), 'utf8')).toBe(CREATE);
    const stale = await client.call('collections:saveRequest', { path: read.value.path, request: { ...read.value.request, name: 'Other' }, baseRevision: '0000000000000000' });
    expect(stale.ok ? null : stale.error.code).toBe('changed_on_disk');
    const created = await client.call('collections:saveRequest', { folder: 'chain', request: { name: 'List contacts', method: 'GET', path: '/v1/contacts' }, baseRevision: null });
    assertOk(created);
    expect(created.value.path).toBe('chain/list-contacts.request.yaml');
  });

  it('refuses a stored key’s value and a checksum-valid hl_ key, naming file, field and line but never the key', async () => {
    const root = folder();
    assertOk(await client.call('collections:open', { folder: root }));
    const stored = await client.call('collections:saveRequest', {
      folder: '',
      request: { name: 'Leaky', method: 'GET', path: '/v1/contacts', headers: [{ name: 'X-API-Key', value: secret }] },
      baseRevision: null,
    });
    expect(stored.ok).toBe(false);
    if (stored.ok) return;
    expect(stored.error.code).toBe('secret_in_file');
    expect(stored.error.message).toContain('leaky.request.yaml');
    expect(stored.error.message).toContain('headers.X-API-Key');
    expect(stored.error.message).toMatch(/line \d+/);
    expect(stored.error.message).toContain('Chain key');
    expect(stored.error.message).not.toContain(secret);

    const other = generateKey('live');
    const variable = await client.call('collections:setVariables', { variables: [{ name: 'token', value: other }], baseRevision: null, replaceDiskVersion: true });
    expect(variable.ok ? null : variable.error.code).toBe('secret_in_file');
    if (!variable.ok) {
      expect(variable.error.message).toContain('collection.yaml');
      expect(variable.error.message).toContain('a Helplane API key');
      expect(variable.error.message).not.toContain(other);
    }
  });

  it('refuses a key added after the stored keys were cached (the cache follows the key list)', async () => {
    const root = folder();
    assertOk(await client.call('collections:open', { folder: root }));
    // A first save reads (and caches) the stored keys.
    assertOk(await client.call('collections:saveRequest', { folder: '', request: { name: 'Plain', method: 'GET', path: '/v1/contacts' }, baseRevision: null }));
    const later = await createSandboxKey(await sandbox.ensureStarted(), ADMIN, 'ws_acme', 'later key');
    const added = await client.call('keys:add', { name: 'Later key', environment: 'sandbox', secret: later.secret });
    assertOk(added);
    const refused = await client.call('collections:saveRequest', {
      folder: '',
      request: { name: 'Later', method: 'GET', path: '/v1/contacts', query: [{ name: 'k', value: later.secret }] },
      baseRevision: null,
    });
    expect(refused.ok ? null : refused.error.code).toBe('secret_in_file');
    if (!refused.ok) expect(refused.error.message).toContain('Later key');
    assertOk(await client.call('keys:delete', { id: added.value.id }));
  });

  it('creates a collection, then renames, duplicates, moves and deletes a request through the router', async () => {
    const root = newDir();
    const created = await client.call('collections:create', { folder: root, name: 'Fresh' });
    assertOk(created);
    expect(readFileSync(join(root, 'collection.yaml'), 'utf8')).toContain('name: Fresh');
    const again = await client.call('collections:create', { folder: root, name: 'Fresh' });
    expect(again.ok ? null : again.error.code).toBe('name_taken');
    const first = await client.call('collections:saveRequest', { folder: '', request: { name: 'One', method: 'GET', path: '/v1/contacts' }, baseRevision: null });
    assertOk(first);
    const renamed = await client.call('collections:rename', { path: first.value.path, name: 'Uno' });
    assertOk(renamed);
    expect(renamed.value.path).toBe('uno.request.yaml');
    const copy = await client.call('collections:duplicate', { path: renamed.value.path });
    assertOk(copy);
    expect(copy.value.request.name).toBe('Uno copy');
    const moved = await client.call('collections:move', { path: copy.value.path, folder: 'archive' });
    assertOk(moved);
    expect(readFileSync(join(root, 'archive/uno-copy.request.yaml'), 'utf8')).toContain('name: Uno copy');
    const escape = await client.call('collections:move', { path: moved.value.path, folder: '../outside' });
    expect(escape.ok ? null : escape.error.code).toBe('invalid_argument');
    assertOk(await client.call('collections:delete', { path: moved.value.path }));
    const gone = await client.call('collections:readRequest', { path: moved.value.path });
    expect(gone.ok ? null : gone.error.code).toBe('not_found');
    const stale = await client.call('collections:setVariables', { variables: [{ name: 'a', value: '1' }], baseRevision: '0000000000000000' });
    expect(stale.ok ? null : stale.error.code).toBe('changed_on_disk');
  });

  it('collections:snapshot gives the tree after the window\'s own changes (the watcher reports only outside ones)', async () => {
    const root = newDir();
    assertOk(await client.call('collections:create', { folder: root, name: 'Snap' }));
    const saved = await client.call('collections:saveRequest', { folder: 'inbox', request: { name: 'Mine', method: 'GET', path: '/v1/contacts' }, baseRevision: null });
    assertOk(saved);
    const snapshot = await client.call('collections:snapshot', undefined);
    assertOk(snapshot);
    expect(snapshot.value.root).toBe(root);
    expect(JSON.stringify(snapshot.value.tree)).toContain('"path":"inbox/mine.request.yaml"');
  });

  it('collections:pickFolder is refused in words where there is no system folder picker (the web host)', async () => {
    const picked = await client.call('collections:pickFolder', undefined);
    expect(picked.ok ? null : picked.error).toMatchObject({ code: 'request_rejected', message: expect.stringContaining('type the folder') });
  });

  it('pushes collections:changed when a file is edited outside the console', async () => {
    const root = folder();
    assertOk(await client.call('collections:open', { folder: root }));
    const next = changedEvent();
    writeFileSync(join(root, 'chain/create-contact.request.yaml'), CREATE.replace('Create contact', 'Create a contact'));
    const change = await next;
    expect(change.changed).toEqual(['chain/create-contact.request.yaml']);
    expect(JSON.stringify(change.snapshot?.tree)).toContain('Create a contact');
  });

  it('resolves variables per environment; an undefined one blocks Send naming it; a capture feeds the next request', async () => {
    const root = folder();
    const opened = await client.call('collections:open', { folder: root });
    assertOk(opened);
    const email = `ada-${Date.now()}@example.com`;
    const vars = await client.call('collections:setVariables', {
      variables: [{ name: 'contact_name', value: 'Ada "the first" Lovelace' }],
      environments: [{ environment: 'sandbox', variables: [{ name: 'email', value: email }] }],
      baseRevision: opened.value.collectionRevision,
    });
    assertOk(vars);
    expect(readFileSync(join(root, 'collection.yaml'), 'utf8')).toContain('sandbox');

    const preview = await client.call('requests:resolve', {
      keyId,
      request: { method: 'GET', endpoint: 'listConversations', query: [{ name: 'contact_id', value: '{{contact_id}}' }], headers: [{ name: 'X-Mail', value: '{{email}}' }] },
    });
    assertOk(preview);
    expect(preview.value.environment).toBe('sandbox');
    expect(preview.value.preview.headers).toEqual([{ name: 'X-Mail', value: email }]);
    expect(preview.value.undefinedVariables).toEqual(['contact_id']);

    const blocked = await client.call('request:send', { keyId, method: 'GET', path: '/v1/conversations', query: [{ name: 'contact_id', value: '{{contact_id}}' }], collection: {} });
    expect(blocked.ok ? null : blocked.error.code).toBe('undefined_variable');
    if (!blocked.ok) expect(blocked.error.message).toContain('{{contact_id}}');

    const read = await client.call('collections:readRequest', { path: 'chain/create-contact.request.yaml' });
    assertOk(read);
    const r = read.value.request;
    const created = await client.call('request:send', {
      keyId,
      method: 'POST',
      path: r.path ?? '/',
      headers: r.headers,
      ...(r.body !== undefined ? { body: r.body } : {}),
      collection: { requestPath: read.value.path },
    });
    assertOk(created);
    expect(created.value.status).toBe(201);
    const contact = JSON.parse(created.value.body) as { id: string; name: string; email: string };
    // The JSON string stayed valid with the quotes in the value, and the environment's email was used.
    expect(contact).toMatchObject({ name: 'Ada "the first" Lovelace', email });
    expect(created.value.captured).toEqual({ variables: [{ name: 'contact_id', value: contact.id }], problems: [] });

    const after = await client.call('requests:resolve', { keyId, request: { method: 'GET', path: '/v1/conversations', query: [{ name: 'contact_id', value: '{{contact_id}}' }] } });
    assertOk(after);
    expect(after.value.undefinedVariables).toEqual([]);
    expect(after.value.used).toContainEqual({ name: 'contact_id', scope: 'runtime' });
    const listed = await client.call('request:send', { keyId, method: 'GET', path: '/v1/conversations', query: [{ name: 'contact_id', value: '{{contact_id}}' }], collection: {} });
    assertOk(listed);
    expect(listed.value.status).toBe(200);
    expect(listed.value.url).toContain(`contact_id=${contact.id}`);
  }, 30_000);
});
