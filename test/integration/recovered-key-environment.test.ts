import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createConfMetadataStore } from '../../src-main/adapters/conf-metadata-store';
import { createInProcessSandbox } from '../../src-main/adapters/in-process-sandbox';
import { nodeHostAdapters } from '../../src-main/adapters/node-host';
import { undiciHttp } from '../../src-main/adapters/undici-transport';
import { createCore, type Core } from '../../src-main/core/create-core';
import { generateKey } from '../../src-main/helplane/key-format';
import type { HttpAdapterFactory } from '../../src-main/ports';
import { startRecordingServer, type RecordingServer } from '../helpers/recording-server';
import { tempDir } from '../helpers/temp-dir';
import { testKeychain } from '../helpers/test-keychain';
import { assertOk, typedClient } from '../helpers/typed-client';

const dir = tempDir('recovered-env');
const keychain = testKeychain();
const sandbox = createInProcessSandbox({ dataDir: join(dir.path, 'sandbox'), adminToken: 'recovered-admin-token' });
/** Every origin the console sent a request to (a request anywhere, api.helplane.io included, shows here). */
const sentTo: string[] = [];
const countingHttp: HttpAdapterFactory = (proxy) => {
  const real = undiciHttp(proxy);
  return { ...real, transport: { send: (request) => (sentTo.push(new URL(request.url).origin), real.transport.send(request)) } };
};
let server: RecordingServer;
let core: Core;
const STAGING_SECRET = 'staging-Secret-7fQ2xZ9k';

beforeAll(async () => {
  await sandbox.ensureStarted();
  server = await startRecordingServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end('{"object":"list","data":[],"has_more":false}');
  });
  const dataDir = join(dir.path, 'data');
  core = await createCore({
    host: 'web', dataDir, ...nodeHostAdapters(dataDir), events: { emit: () => undefined }, isTrustedSender: () => true,
    metadata: createConfMetadataStore(dataDir), secrets: keychain.store, http: countingHttp,
    sandbox: { ...sandbox, stop: async () => undefined }, env: {}, demoKey: false,
  });
});

afterAll(async () => {
  await core.dispose();
  await server.close();
  await sandbox.stop();
  await keychain.cleanup();
  dir.cleanup();
});

describe('a recovered key (secret in the keychain, no metadata)', () => {
  it('is never guessed to be Production: environment unknown, refused by Test, Send, Copy as code and the Inspector until the user assigns one', async () => {
    const client = typedClient(core.router);
    // A custom "Staging" key whose keys.json was lost, and an hl_live_ key (it may be a staging server's too).
    await keychain.store.set('key_staging', STAGING_SECRET);
    const live = generateKey('live');
    await keychain.store.set('key_live', live);
    const refreshed = await client.call('keys:refresh');
    assertOk(refreshed);
    for (const id of ['key_staging', 'key_live']) {
      const meta = refreshed.value.find((k) => k.id === id);
      expect(meta).toMatchObject({ name: 'Recovered key', environmentUnknown: true, baseUrl: '' });
      expect(meta!.environment).not.toBe('production');
    }
    sentTo.length = 0;
    const request = { keyId: 'key_staging', method: 'GET' as const, path: '/v1/contacts' };
    const replies = [
      await client.call('keys:test', { id: 'key_staging' }),
      await client.call('request:send', request),
      await client.call('request:snippet', { request, language: 'curl' }),
      await client.call('inspector:search', { keyId: 'key_staging', query: 'ada' }),
      await client.call('request:send', { ...request, keyId: 'key_live' }),
    ];
    for (const reply of replies) {
      expect(reply).toMatchObject({ ok: false, error: { code: 'key_environment_unknown' } });
      if (!reply.ok) expect(reply.error.message).toContain('choose Edit');
    }
    expect(sentTo).toEqual([]);
  });

  it('Edit key assigns it an environment and base URL (checked in main); it then goes to that origin only', async () => {
    const client = typedClient(core.router);
    expect(await client.call('keys:edit', { id: 'key_staging', environment: 'custom', baseUrl: 'ftp://staging.example.com' })).toMatchObject({ ok: false, error: { code: 'invalid_base_url' } });
    expect(await client.call('keys:edit', { id: 'key_staging', environment: 'custom' })).toMatchObject({ ok: false, error: { code: 'invalid_argument' } });
    // Not a Helplane key: it cannot be Production.
    expect(await client.call('keys:edit', { id: 'key_staging', environment: 'production' })).toMatchObject({ ok: false, error: { code: 'invalid_key_format' } });
    expect(sentTo).toEqual([]);
    const edited = await client.call('keys:edit', { id: 'key_staging', environment: 'custom', baseUrl: server.origin });
    assertOk(edited);
    expect(edited.value).toMatchObject({ environment: 'custom', baseUrl: server.origin, status: 'unverified' });
    expect(edited.value.environmentUnknown).toBeUndefined();
    const sent = await client.call('request:send', { keyId: 'key_staging', method: 'GET', path: '/v1/contacts' });
    expect(sent).toMatchObject({ ok: true, value: { status: 200 } });
    expect(sentTo).toEqual([server.origin]);
    expect(server.seen.at(-1)!.headers['x-api-key']).toBe(STAGING_SECRET);
    // A later start keeps the assignment (it is in keys.json, not guessed again).
    expect((await core.keys.reconcile()).find((k) => k.id === 'key_staging')).toMatchObject({ environment: 'custom', baseUrl: server.origin });
  });

  it('Edit key changes the base URL of a custom key, and refuses the key from HELPLANE_API_KEY', async () => {
    const client = typedClient(core.router);
    const other = await startRecordingServer((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{}'));
    try {
      const edited = await client.call('keys:edit', { id: 'key_staging', environment: 'custom', baseUrl: `${other.origin}/` });
      expect(edited).toMatchObject({ ok: true, value: { baseUrl: other.origin } });
      sentTo.length = 0;
      await client.call('request:send', { keyId: 'key_staging', method: 'GET', path: '/v1/contacts' });
      expect(sentTo).toEqual([other.origin]);
    } finally {
      await other.close();
    }
    expect(await client.call('keys:edit', { id: 'env:HELPLANE_API_KEY', environment: 'sandbox' })).toMatchObject({ ok: false });
  });
});
