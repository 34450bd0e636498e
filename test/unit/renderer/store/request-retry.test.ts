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
