import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CatalogEntry, ResponseView } from '../../../../src-preload/contract';
import { setDesktopApiForTests } from '../../../../src-renderer/src/lib/desktop-api';
import { consoleStore, resetStore } from '../../../../src-renderer/src/store';
import { createFakeDesktopApi, makeKey, makeResponse } from '../fake-desktop-api';

const state = () => consoleStore.getState();
let fake: ReturnType<typeof createFakeDesktopApi>;

const limited = (): ResponseView =>
  makeResponse({ status: 429, statusText: 'Too Many Requests', rateLimit: { limit: 100, remaining: 0, burst: 200, resetAt: null, retryAfterSeconds: 3, workspaceId: 'ws_acme' } });

beforeEach(() => {
  vi.useFakeTimers();
  fake = createFakeDesktopApi();
  setDesktopApiForTests(fake.api);
  resetStore();
  state().setKeys([makeKey()]);
});

afterEach(() => {
  setDesktopApiForTests(null);
  vi.useRealTimers();
});

describe('429 and the automatic retry', () => {
  it('counts down from Retry-After and sends the same request again when allowed', async () => {
    consoleStore.setState({ settings: { ...state().settings, autoRetryOn429: true } });
    let n = 0;
    fake.replies.requestSend = () => ({ ok: true, value: n++ === 0 ? limited() : makeResponse() });
    await state().sendRequest();
    expect(state().response?.status).toBe(429);
    expect(state().retryAt).toBe(Date.now() + 3000);
    expect(state().autoRetryPending).toBe(true);
    await vi.advanceTimersByTimeAsync(2900);
    expect(fake.callsOf('requestSend')).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(200);
    expect(fake.callsOf('requestSend')).toHaveLength(2);
    expect(state().response?.status).toBe(200);
    expect(state().autoRetryPending).toBe(false);
  });

  it('does not retry unless the user opted in', async () => {
    fake.replies.requestSend = () => ({ ok: true, value: limited() });
    await state().sendRequest();
    expect(state().autoRetryPending).toBe(false);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(fake.callsOf('requestSend')).toHaveLength(1);
  });
});

describe('the builder', () => {
  const createContact: CatalogEntry = {
    id: 'createContact', method: 'POST', path: '/v1/contacts', summary: 'Create a contact', description: '', pathParams: [], queryParams: [],
    bodySchema: '{"type":"object"}', template: '{\n  "name": "Ada"\n}', needsKey: true,
  };

  it('adds an Idempotency-Key to POSTs unless turned off, and starts from the template', () => {
    consoleStore.setState({ catalog: [createContact] });
    state().selectEndpoint('createContact');
    expect(state().body).toBe(createContact.template);
    const built = state().buildRequest();
    if ('error' in built) throw new Error(built.error.message);
    expect(built.input.headers).toEqual([{ name: 'Idempotency-Key', value: state().idempotencyKey }]);
    expect(built.input.body).toBe(createContact.template);
    state().setIdempotencyEnabled(false);
    const off = state().buildRequest();
    if ('error' in off) throw new Error(off.error.message);
    expect(off.input.headers).toBeUndefined();
  });

  it('replays a History entry into the builder with a fresh Idempotency-Key', () => {
    consoleStore.setState({ catalog: [createContact] });
    state().replayHistory({
      id: 'h1', time: 0, method: 'POST', path: '/v1/contacts', query: [], headers: [{ name: 'Idempotency-Key', value: 'old' }, { name: 'X-Note', value: 'n' }],
      body: '{"name":"Grace"}', bodyTruncated: false, status: 201, errorCode: null, errorMessage: null, durationMs: 5, keyId: 'key_1', keyName: 'K',
      keyPrefix: 'hl_test_3fA9', rateLimit: null, responsePreview: null,
    });
    expect(state()).toMatchObject({ endpointId: 'createContact', body: '{"name":"Grace"}', page: 'requests', headerRows: [{ name: 'X-Note', value: 'n' }] });
    expect(state().idempotencyKey).not.toBe('old');
  });
});

describe('Replay from History', () => {
  const entry = (over: Record<string, unknown>) => ({
    id: 'h2', time: 0, method: 'GET' as const, path: '/v1/conversations', query: [], headers: [], body: null, bodyTruncated: false, status: 200, errorCode: null,
    errorMessage: null, durationMs: 5, keyId: 'key_old', keyName: 'K', keyPrefix: 'hl_test_3fA9', rateLimit: null, responsePreview: null, ...over,
  });

  it('a free-form request (not in the catalog) comes back as a Custom request with its method, path and query', () => {
    consoleStore.setState({ catalog: [] });
    state().replayHistory(entry({ method: 'PATCH', path: '/v1/tags/tg_1', query: [{ name: 'dry run', value: 'a&b' }], headers: [{ name: 'X-Note', value: 'n' }], body: '{"x":1}' }));
    expect(state()).toMatchObject({ endpointId: 'custom', customMethod: 'PATCH', customPath: '/v1/tags/tg_1?dry+run=a%26b', body: '{"x":1}', page: 'requests', headerRows: [{ name: 'X-Note', value: 'n' }] });
    expect(state().responseError).toBeNull();
  });

  it('an entry of a rotated key is replayed with the key that replaced it (followed through a second rotation)', () => {
    state().setKeys([
      makeKey({ id: 'key_newest', name: 'Support' }),
      makeKey({ id: 'key_mid', name: 'Support (rotated 2026-11-30)', replacedBy: 'key_newest' }),
      makeKey({ id: 'key_old', name: 'Support (rotated 2026-11-01)', status: 'revoked', replacedBy: 'key_mid' }),
      makeKey({ id: 'key_other', name: 'Other' }),
    ]);
    consoleStore.setState({ catalog: [], selectedKeyId: 'key_other' });
    state().replayHistory(entry({}));
    expect(state().selectedKeyId).toBe('key_newest');
    // A key whose replacement is gone stays itself; an entry of a deleted key keeps the key in use.
    state().setKeys([makeKey({ id: 'key_old', replacedBy: 'key_gone' }), makeKey({ id: 'key_other', name: 'Other' })]);
    state().replayHistory(entry({}));
    expect(state().selectedKeyId).toBe('key_old');
    consoleStore.setState({ selectedKeyId: 'key_other' });
    state().replayHistory(entry({ keyId: 'key_deleted' }));
    expect(state().selectedKeyId).toBe('key_other');
  });
});

describe('the automatic retry is bounded', () => {
  it('stops after the set number of attempts, counting them, and says so', async () => {
    consoleStore.setState({ settings: { ...state().settings, autoRetryOn429: true, autoRetryMaxAttempts: 3 } });
    fake.replies.requestSend = () => ({ ok: true, value: limited() });
    await state().sendRequest();
    expect(state()).toMatchObject({ attempt: 1, autoRetryPending: true, autoRetryStopped: null });
    await vi.advanceTimersByTimeAsync(3100);
    expect(state()).toMatchObject({ attempt: 2, autoRetryPending: true });
    await vi.advanceTimersByTimeAsync(3100);
    expect(state().attempt).toBe(3);
    expect(state().autoRetryPending).toBe(false);
    expect(state().autoRetryStopped).toContain('all 3 attempts');
    await vi.advanceTimersByTimeAsync(60_000);
    expect(fake.callsOf('requestSend')).toHaveLength(3);
    // Every attempt is the same request: the same Idempotency-Key.
    const keys = fake.callsOf('requestSend').map((c) => JSON.stringify((c.arg as { headers?: unknown }).headers ?? null));
    expect(new Set(keys).size).toBe(1);
  });

  it('a new Send starts counting again', async () => {
    consoleStore.setState({ settings: { ...state().settings, autoRetryOn429: true, autoRetryMaxAttempts: 2 } });
    fake.replies.requestSend = () => ({ ok: true, value: limited() });
    await state().sendRequest();
    await vi.advanceTimersByTimeAsync(3100);
    expect(state().autoRetryStopped).not.toBeNull();
    await state().sendRequest();
    expect(state()).toMatchObject({ attempt: 1, autoRetryPending: true, autoRetryStopped: null });
  });
});

describe('Idempotency-Key: one per request, the same for its retries', () => {
  const createContact: CatalogEntry = {
    id: 'createContact', method: 'POST', path: '/v1/contacts', summary: 'Create a contact', description: '', pathParams: [], queryParams: [],
    bodySchema: '{"type":"object"}', template: '{\n  "name": "Ada"\n}', needsKey: true,
  };
  const sentKey = (i: number) => (fake.callsOf('requestSend')[i]!.arg as { headers: { name: string; value: string }[] }).headers.find((h) => h.name === 'Idempotency-Key')!.value;

  beforeEach(() => {
    consoleStore.setState({ catalog: [createContact] });
    state().selectEndpoint('createContact');
    fake.replies.requestSend = () => ({ ok: true, value: makeResponse({ status: 201, statusText: 'Created' }) });
  });

  it('each Send carries a new key, shown before it is sent', async () => {
    const shown = state().idempotencyKey;
    await state().sendRequest();
    expect(sentKey(0)).toBe(shown);
    expect(state().idempotencyKey).not.toBe(shown);
    state().setBody('{"name":"Grace"}');
    await state().sendRequest();
    expect(sentKey(1)).not.toBe(sentKey(0));
  });

  it('Retry sends the same request with the same key, even after the body was edited', async () => {
    await state().sendRequest();
    state().setBody('{"name":"Edited"}');
    await state().retryRequest();
    const [first, second] = fake.callsOf('requestSend').map((c) => c.arg as { body: string; headers: unknown });
    expect(second!.headers).toEqual(first!.headers);
    expect(second!.body).toBe(first!.body);
    expect(state().attempt).toBe(1);
  });

  it('Copy as code takes the shown key; the next Send gets a new one', async () => {
    fake.api.requestSnippet = async (arg) => ({ ok: true, value: { language: arg.language, code: JSON.stringify(arg.request.headers) } });
    const shown = state().idempotencyKey;
    const copied = await state().copySnippet('curl');
    expect('code' in copied && copied.code).toContain(shown);
    await state().sendRequest();
    expect(sentKey(0)).not.toBe(shown);
  });
});
