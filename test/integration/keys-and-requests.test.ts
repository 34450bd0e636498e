import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INVOKE_CHANNELS, type InvokeChannel } from '../../src-preload/contract';
import { createInProcessSandbox } from '../../src-main/adapters/in-process-sandbox';
import { createConfMetadataStore } from '../../src-main/adapters/conf-metadata-store';
import { createCore, type Core } from '../../src-main/core/create-core';
import { nodeHostAdapters } from '../../src-main/adapters/node-host';
import { budgetIdOf } from '../../src-main/services/rate-limit/budget';
import type { MetadataStore } from '../../src-main/ports';
import { tempDir } from '../helpers/temp-dir';
import { TRUSTED_SENDER, typedClient, type CallArg, type Reply } from '../helpers/typed-client';
import { testKeychain } from '../helpers/test-keychain';
import { createSandboxKey, revokeSandboxKey } from '../helpers/sandbox-admin';

const ADMIN = 'integration-admin-token';
const dir = tempDir('core');
const keychain = testKeychain();
const sandbox = createInProcessSandbox({ dataDir: join(dir.path, 'sandbox'), adminToken: ADMIN });
const sender = TRUSTED_SENDER;
const replies: unknown[] = [];
const emitted: unknown[] = [];
let core: Core;
let baseUrl: string;

function call<C extends InvokeChannel>(channel: C, ...arg: CallArg<C>): Promise<Reply<C>> {
  return typedClient(core.router, { onReply: (r) => replies.push(r) }).call(channel, ...arg);
}

function filesUnder(path: string): string[] {
  return readdirSync(path).flatMap((name) => {
    const full = join(path, name);
    return statSync(full).isDirectory() ? filesUnder(full) : [full];
  });
}

beforeAll(async () => {
  core = await createCore({
    host: 'web',
    dataDir: join(dir.path, 'data'),
    ...nodeHostAdapters(join(dir.path, 'data')),
    events: { emit: (_c, p) => emitted.push(p) },
    isTrustedSender: (s) => s.origin === 'app://helplane',
    metadata: createConfMetadataStore(join(dir.path, 'data')),
    secrets: keychain.store,
    sandbox,
    demoKey: false,
  });
  baseUrl = await sandbox.ensureStarted();
});

afterAll(async () => {
  await core.dispose();
  await keychain.cleanup();
  dir.cleanup();
});

describe('add a sandbox key and send a request (the thin slice)', () => {
  let secret: string;
  let keyId: string;

  it('adds a key: checked against the sandbox, stored in the keychain, never returned', async () => {
    ({ secret } = await createSandboxKey(baseUrl, ADMIN));
    const r = await call(INVOKE_CHANNELS.keysAdd, { name: 'Acme dev', environment: 'sandbox', secret });
    expect(r).toMatchObject({ ok: true, value: { name: 'Acme dev', environment: 'sandbox', status: 'active', prefix: secret.slice(0, 12), workspaceId: 'ws_acme', lastUsedAt: null } });
    keyId = r.ok ? r.value.id : '';
    expect(await keychain.store.get(keyId)).toBe(secret);
  });

  it('lists the key from metadata alone', async () => {
    const r = await call(INVOKE_CHANNELS.keysList);
    expect(r).toMatchObject({ ok: true, value: [{ id: keyId, baseUrl }] });
  });

  it('sends GET /v1/conversations and returns status, body and rate-limit values', async () => {
    const r = await call(INVOKE_CHANNELS.requestSend, { keyId, method: 'GET', path: '/v1/conversations', query: [{ name: 'limit', value: '3' }] });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.status).toBe(200);
    const body = JSON.parse(r.value.body);
    expect(body).toMatchObject({ object: 'list', has_more: true });
    expect(body.data).toHaveLength(3);
    expect(r.value.rateLimit).toMatchObject({ limit: 100, burst: 200, workspaceId: 'ws_acme' });
    expect(r.value.rateLimit.remaining).toBeLessThan(200);
    expect(r.value.rateLimit.resetAt).toBeGreaterThan(Date.now() - 1000);
  });

  it('records the use as Last used and tells the renderer', async () => {
    const r = await call(INVOKE_CHANNELS.keysList);
    const lastUsed = r.ok ? r.value[0]!.lastUsedAt : null;
    expect(lastUsed).not.toBeNull();
    expect(Date.now() - Date.parse(lastUsed!)).toBeLessThan(10_000);
    expect(emitted.length).toBeGreaterThanOrEqual(2);
  });

  it('History, Last used and the budget are there for the very next read, though kept after the reply', async () => {
    const before = await call(INVOKE_CHANNELS.keysList);
    const sent = await call(INVOKE_CHANNELS.requestSend, { keyId, method: 'GET', path: '/v1/contacts', query: [{ name: 'limit', value: '1' }] });
    expect(sent.ok).toBe(true);
    const historyId = sent.ok ? sent.value.historyId : undefined;
    expect(historyId).toMatch(/^[0-9a-f-]{36}$/);
    // No turn of the event loop between the reply and these reads.
    const [history, budgets, keys] = await Promise.all([call(INVOKE_CHANNELS.historyList), call(INVOKE_CHANNELS.rateLimitList), call(INVOKE_CHANNELS.keysList)]);
    expect(history.ok && history.value[0]).toMatchObject({ id: historyId, method: 'GET', path: '/v1/contacts', status: 200 });
    expect(budgets.ok && budgets.value.budgets[0]).toMatchObject({ budgetId: budgetIdOf(new URL(baseUrl).origin, 'ws_acme', keyId), keyIds: [keyId] });
    const total = budgets.ok ? budgets.value.budgets[0]!.recent.reduce((n: number, b: { count: number }) => n + b.count, 0) : 0;
    expect(total).toBe(2);
    const lastUsed = (r: typeof keys) => (r.ok ? r.value.find((k: { id: string }) => k.id === keyId)?.lastUsedAt : null);
    expect(Date.parse(lastUsed(keys)!)).toBeGreaterThanOrEqual(Date.parse(lastUsed(before)!));
  });

  it('refuses a key with a typo before any request', async () => {
    const typo = secret.slice(0, 20) + (secret[20] === 'a' ? 'b' : 'a') + secret.slice(21);
    const r = await call(INVOKE_CHANNELS.keysAdd, { name: 'Typo', environment: 'sandbox', secret: typo });
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid_key_format' } });
  });

  it('marks a revoked key Revoked and a starter-plan key Plan not eligible', async () => {
    const revoked = await createSandboxKey(baseUrl, ADMIN, 'ws_acme', 'soon revoked');
    await revokeSandboxKey(baseUrl, ADMIN, revoked.id);
    expect(await call(INVOKE_CHANNELS.keysAdd, { name: 'Old', environment: 'sandbox', secret: revoked.secret })).toMatchObject({ ok: true, value: { status: 'revoked' } });
    const tiny = await createSandboxKey(baseUrl, ADMIN, 'ws_tiny');
    expect(await call(INVOKE_CHANNELS.keysAdd, { name: 'Tiny', environment: 'sandbox', secret: tiny.secret })).toMatchObject({ ok: true, value: { status: 'plan_not_eligible' } });
  });

  it('shows the API error of a revoked key on send', async () => {
    const list = await call(INVOKE_CHANNELS.keysList);
    const old = list.ok ? list.value.find((k: { name: string }) => k.name === 'Old') : undefined;
    const r = await call(INVOKE_CHANNELS.requestSend, { keyId: old!.id, method: 'GET', path: '/v1/conversations' });
    expect(r).toMatchObject({ ok: true, value: { status: 401 } });
    expect(r.ok && JSON.parse(r.value.body).error.code).toBe('revoked_api_key');
  });

  it('a 401 revoked_api_key on send marks an Active key Revoked at once, and says so in a keys-changed event', async () => {
    const later = await createSandboxKey(baseUrl, ADMIN, 'ws_acme', 'revoked later');
    const added = await call(INVOKE_CHANNELS.keysAdd, { name: 'Later', environment: 'sandbox', secret: later.secret });
    expect(added).toMatchObject({ ok: true, value: { status: 'active' } });
    const id = added.ok ? added.value.id : '';
    // Revoked elsewhere (the dashboard): the console learns it from the next reply.
    await revokeSandboxKey(baseUrl, ADMIN, later.id);
    emitted.length = 0;
    const r = await call(INVOKE_CHANNELS.requestSend, { keyId: id, method: 'GET', path: '/v1/conversations' });
    expect(r).toMatchObject({ ok: true, value: { status: 401 } });
    const list = await call(INVOKE_CHANNELS.keysList);
    expect(list.ok && list.value.find((k: { id: string }) => k.id === id)).toMatchObject({ status: 'revoked' });
    const events = emitted as Array<{ keys?: Array<{ id: string; status: string }> }>;
    expect(events.some((e) => e.keys?.find((k) => k.id === id)?.status === 'revoked')).toBe(true);
  });

  it('rejects header injection and reserved headers before sending', async () => {
    const r1 = await call(INVOKE_CHANNELS.requestSend, { keyId, method: 'GET', path: '/v1/conversations', headers: [{ name: 'X-Test', value: 'a\r\nX-API-Key: x' }] });
    expect(r1).toMatchObject({ ok: false, error: { code: 'request_rejected' } });
    const r2 = await call(INVOKE_CHANNELS.requestSend, { keyId, method: 'GET', path: '/v1/conversations', headers: [{ name: 'X-API-Key', value: 'other' }] });
    expect(r2).toMatchObject({ ok: false, error: { code: 'request_rejected' } });
  });

  it('undoes the keychain entry when the metadata write fails', async () => {
    const failing: MetadataStore = {
      readKeys: () => [],
      writeKeys: () => {
        throw new Error('disk full');
      },
    };
    const broken = await createCore({
      host: 'web',
      dataDir: join(dir.path, 'broken'),
      ...nodeHostAdapters(join(dir.path, 'broken')),
      events: { emit: () => undefined },
      isTrustedSender: () => true,
      metadata: failing,
      secrets: keychain.store,
      sandbox,
      startSandbox: false,
    });
    const before = await keychain.store.accounts();
    const { secret: s } = await createSandboxKey(baseUrl, ADMIN);
    const r = await broken.router.handle(INVOKE_CHANNELS.keysAdd, sender, { name: 'x', environment: 'sandbox', secret: s });
    replies.push(r);
    expect(r).toMatchObject({ ok: false, error: { code: 'metadata_write_failed' } });
    expect((await keychain.store.accounts()).sort()).toEqual(before.sort());
  });

  it('canary: the secret appears in no reply, event or file', () => {
    const haystack = JSON.stringify(replies) + JSON.stringify(emitted);
    expect(haystack).toContain(secret.slice(0, 12));
    expect(haystack).not.toContain(secret);
    expect(haystack).not.toMatch(/hl_test_[0-9A-Za-z]{38}/);
    const files = filesUnder(dir.path);
    expect(files.some((f) => f.endsWith('keys.json'))).toBe(true);
    for (const file of files) expect(readFileSync(file, 'utf8')).not.toContain(secret.slice(12));
  });
});
