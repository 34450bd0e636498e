import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createConfMetadataStore } from '../../../src-main/adapters/conf-metadata-store';
import { createInProcessSandbox } from '../../../src-main/adapters/in-process-sandbox';
import { nodeHostAdapters } from '../../../src-main/adapters/node-host';
import { createCore, type Core } from '../../../src-main/core/create-core';
import { createSandboxKey } from '../../helpers/sandbox-admin';
import { tempDir } from '../../helpers/temp-dir';
import { testKeychain } from '../../helpers/test-keychain';
import { assertOk, typedClient, type TypedClient } from '../../helpers/typed-client';

// Issue 16 (resp) through the router: a tab's inline captures and tests on the real sandbox, its
// response history kept and removed with the tab, Use as variable refusing a key.
const ADMIN = 'chaining-ipc-admin';
const dir = tempDir('chaining-ipc');
const keychain = testKeychain();
const sandbox = createInProcessSandbox({ dataDir: join(dir.path, 'sandbox'), adminToken: ADMIN });
const replies: unknown[] = [];
const TAB = 'tab_00000000000000c1';
let core: Core;
let client: TypedClient;
let keyId = '';
let secret = '';

beforeAll(async () => {
  core = await createCore({
    host: 'web',
    dataDir: join(dir.path, 'data'),
    ...nodeHostAdapters(join(dir.path, 'data')),
    events: { emit: () => undefined },
    isTrustedSender: () => true,
    metadata: createConfMetadataStore(join(dir.path, 'data')),
    secrets: keychain.store,
    sandbox,
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
  expect(JSON.stringify(replies)).not.toContain(secret);
});

describe('chaining and response history through the router', () => {
  it('a tab’s captures and tests run on Send; the capture feeds the next request; both replies are in the tab’s history', async () => {
    const email = `chain-${Date.now()}@example.com`;
    const created = await client.call('request:send', {
      keyId,
      method: 'POST',
      path: '/v1/contacts',
      headers: [{ name: 'Content-Type', value: 'application/json' }],
      body: JSON.stringify({ name: 'Chain', email }),
      tabId: TAB,
      collection: { captures: [{ variable: 'contact_id', path: '$.id' }], tests: [{ status: 201 }, { jsonpath: '$.email', equals: email }, { schema: 'endpoint' }] },
    });
    assertOk(created);
    expect(created.value.testResults?.map((r) => r.result)).toEqual(['passed', 'passed', 'passed']);
    const id = (JSON.parse(created.value.body) as { id: string }).id;
    expect(created.value.captured?.variables).toEqual([{ name: 'contact_id', value: id }]);

    const listed = await client.call('request:send', { keyId, method: 'GET', path: '/v1/conversations', query: [{ name: 'contact_id', value: '{{contact_id}}' }], tabId: TAB, collection: {} });
    assertOk(listed);
    expect(listed.value.url).toContain(`contact_id=${id}`);

    const history = await client.call('responses:historyList', { tabId: TAB });
    assertOk(history);
    expect(history.value.responses.map((r) => r.status)).toEqual([200, 201]);
    const first = await client.call('responses:historyGet', { tabId: TAB, responseId: history.value.responses[1]!.id });
    assertOk(first);
    expect(JSON.parse(first.value.body)).toMatchObject({ id, email });

    // The strip without the tab (it was closed): its responses go.
    assertOk(await client.call('workspace:save', { tabs: [{ id: TAB, unsaved: false, name: 'x', target: { kind: 'free' }, method: 'GET', path: '/v1/contacts', pathParams: [], query: [], headers: [], body: null, keyId: null, collectionLink: null }], activeTabId: TAB }));
    assertOk(await client.call('workspace:save', { tabs: [], activeTabId: null }));
    const after = await client.call('responses:historyList', { tabId: TAB });
    assertOk(after);
    expect(after.value.responses).toEqual([]);
  }, 30_000);

  it('Use as variable refuses a value holding the stored key, and a tab id of another shape', async () => {
    const refused = await client.call('collections:setRuntimeVariable', { name: 'token', value: `key=${secret}` });
    expect(refused.ok ? null : refused.error.code).toBe('invalid_argument');
    const set = await client.call('collections:setRuntimeVariable', { name: 'greeting', value: 'hello' });
    assertOk(set);
    expect(set.value.variables).toContainEqual({ name: 'greeting', value: 'hello' });
    const bad = await client.call('responses:historyList', { tabId: '../../etc' });
    expect(bad.ok ? null : bad.error.code).toBe('invalid_argument');
  });
});
