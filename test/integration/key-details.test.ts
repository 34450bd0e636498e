import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createConfMetadataStore } from '../../src-main/adapters/conf-metadata-store';
import { createInProcessSandbox } from '../../src-main/adapters/in-process-sandbox';
import { nodeHostAdapters } from '../../src-main/adapters/node-host';
import { undiciHttp } from '../../src-main/adapters/undici-transport';
import { createCore, type Core } from '../../src-main/core/create-core';
import type { HttpAdapterFactory } from '../../src-main/ports';
import { tempDir } from '../helpers/temp-dir';
import { testKeychain } from '../helpers/test-keychain';
import { assertOk, typedClient } from '../helpers/typed-client';

// Details of a key through the whole core: Read only refused in main before anything is sent,
// the rotation reminder kept in keys.json, and Key usage counted per day from this computer's sends.

const dir = tempDir('key-details');
const keychain = testKeychain();
const sandbox = createInProcessSandbox({ dataDir: join(dir.path, 'sandbox'), adminToken: 'key-details-admin' });
const sent: string[] = [];
const countingHttp: HttpAdapterFactory = (proxy) => {
  const real = undiciHttp(proxy);
  return { ...real, transport: { send: (request) => (sent.push(`${request.method} ${new URL(request.url).pathname}`), real.transport.send(request)) } };
};
let core: Core;
const dataDir = join(dir.path, 'data');

beforeAll(async () => {
  await sandbox.ensureStarted();
  core = await createCore({
    host: 'web', dataDir, ...nodeHostAdapters(dataDir), events: { emit: () => undefined }, isTrustedSender: () => true,
    metadata: createConfMetadataStore(dataDir), secrets: keychain.store, http: countingHttp,
    sandbox: { ...sandbox, stop: async () => undefined }, env: {}, demoKey: false,
  });
});

afterAll(async () => {
  await core.dispose();
  await sandbox.stop();
  await keychain.cleanup();
  dir.cleanup();
});

describe('a key’s Details', () => {
  it('Read only: main refuses every method but GET and HEAD before anything is sent, in words; GET still goes', async () => {
    const client = typedClient(core.router);
    const created = await client.call('keys:create', { name: 'Support viewer' });
    assertOk(created);
    const id = created.value.key.id;
    const set = await client.call('keys:setOptions', { id, readOnly: true });
    assertOk(set);
    expect(set.value.readOnly).toBe(true);

    sent.length = 0;
    for (const method of ['POST', 'PATCH', 'DELETE', 'PUT'] as const) {
      const refused = await client.call('request:send', { keyId: id, method, path: '/v1/contacts', body: '{}' });
      expect(refused.ok).toBe(false);
      if (refused.ok) continue;
      expect(refused.error.code).toBe('key_read_only');
      expect(refused.error.message).toContain('Support viewer');
      expect(refused.error.message).toContain(method);
    }
    expect(sent).toEqual([]);
    const read = await client.call('request:send', { keyId: id, method: 'GET', path: '/v1/contacts' });
    assertOk(read);
    expect(read.value.status).toBe(200);
    // Nothing refused is counted as used.
    const usage = await client.call('keys:usage', { id });
    assertOk(usage);
    expect(usage.value.days.at(-1)).toMatchObject({ requests: 1, errors: 0, rateLimited: 0 });

    const off = await client.call('keys:setOptions', { id, readOnly: false });
    assertOk(off);
    const write = await client.call('request:send', { keyId: id, method: 'POST', path: '/v1/contacts', body: '{"name":"Ada","email":"ada.details@example.com"}' });
    assertOk(write);
    expect(write.value.status).toBe(201);
  });

  it('keeps the rotation reminder in keys.json, refuses a bad number in words, and turns it off with null', async () => {
    const client = typedClient(core.router);
    const created = await client.call('keys:create', { name: 'Reminded' });
    assertOk(created);
    const id = created.value.key.id;
    const set = await client.call('keys:setOptions', { id, rotationReminderDays: 90 });
    assertOk(set);
    expect(set.value.rotationReminderDays).toBe(90);
    expect(readFileSync(join(dataDir, 'keys.json'), 'utf8')).toMatch(/"rotationReminderDays": ?90/);
    const bad = await client.call('keys:setOptions', { id, rotationReminderDays: 0 });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.message).toContain('at least 1 day');
    const cleared = await client.call('keys:setOptions', { id, rotationReminderDays: null });
    assertOk(cleared);
    expect(cleared.value.rotationReminderDays).toBeNull();
  });

  it('Key usage: each send counted today (errors and 429s apart), 30 days, and Last used here', async () => {
    const client = typedClient(core.router);
    const created = await client.call('keys:create', { name: 'Counted' });
    assertOk(created);
    const id = created.value.key.id;
    for (const path of ['/v1/contacts', '/v1/contacts', '/v1/contacts/ct_nope']) {
      const r = await client.call('request:send', { keyId: id, method: 'GET', path });
      assertOk(r);
    }
    const usage = await client.call('keys:usage', { id });
    assertOk(usage);
    expect(usage.value.days).toHaveLength(30);
    expect(usage.value.days.at(-1)).toMatchObject({ requests: 3, errors: 1, rateLimited: 0 });
    expect(usage.value.days.slice(0, -1).every((d) => d.requests === 0)).toBe(true);
    expect(usage.value.lastUsedHere).toBeGreaterThan(Date.now() - 60_000);
    const unknown = await client.call('keys:usage', { id: 'key_nope' });
    expect(unknown.ok).toBe(false);
  });
});
