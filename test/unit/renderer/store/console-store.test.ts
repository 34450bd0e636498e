import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AddKeyInput, ResponseView, Result } from '../../../../src-preload/contract';
import { setNowForTests } from '../../../../src-renderer/src/lib/clock';
import {
  consoleStore,
  resetStore,
  selectActiveBudget,
  selectActiveKey,
} from '../../../../src-renderer/src/store';
import { installFakeDesktopApi, makeKey, makeResponse, uninstallFakeDesktopApi, type FakeDesktopApi } from '../fake-desktop-api';

const NOW = 1_700_000_000_000;
const SECRET = 'hl_test_ThisIsNotARealSecretButLooksLikeOne123456';
const state = () => consoleStore.getState();
/** The active key's latest rate-limit headers and when they arrived, read from its budget. */
const activeRateLimit = () => {
  const budget = selectActiveBudget(state());
  return budget ? { snapshot: budget.snapshot, receivedAt: budget.receivedAt } : null;
};

let fake: FakeDesktopApi;

beforeEach(() => {
  fake = installFakeDesktopApi(NOW);
});

afterEach(() => {
  uninstallFakeDesktopApi();
  vi.useRealTimers();
});

describe('keys', () => {
  it('loads the keys list', async () => {
    fake.replies.keysList = () => ({ ok: true, value: [makeKey()] });
    await state().refreshKeys();
    expect(state().keysStatus).toBe('ready');
    expect(state().keys.map((k) => k.name)).toEqual(['Sandbox demo']);
  });

  it('keeps the error in words when the list cannot be loaded', async () => {
    fake.replies.keysList = () => ({ ok: false, error: { code: 'internal_error', message: 'Metadata unreadable.' } });
    await state().refreshKeys();
    expect(state().keysStatus).toBe('error');
    expect(state().keysError?.message).toBe('Metadata unreadable.');
  });

  it('adds a key: the secret goes to the main process and never into the store', async () => {
    const added = makeKey({ id: 'key_2', name: 'Support bot' });
    fake.replies.keysAdd = () => ({ ok: true, value: added });
    fake.replies.keysList = () => ({ ok: true, value: [added] });
    const input: AddKeyInput = { name: 'Support bot', environment: 'sandbox', secret: SECRET };

    const result = await state().addKey(input);

    expect(result.ok).toBe(true);
    expect(fake.callsOf('keysAdd')).toEqual([{ op: 'keysAdd', arg: input }]);
    expect(state().keys).toContainEqual(added);
    expect(JSON.stringify(state())).not.toContain(SECRET);
    await vi.waitFor(() => expect(fake.callsOf('keysList')).toHaveLength(1));
  });

  it('returns a failed add as a Result and keeps no trace of the secret', async () => {
    fake.replies.keysAdd = () => ({ ok: false, error: { code: 'invalid_key_format', message: 'This key has a typo.' } });
    const result = await state().addKey({ name: 'Typo', environment: 'sandbox', secret: SECRET });
    expect(result).toEqual({ ok: false, error: { code: 'invalid_key_format', message: 'This key has a typo.' } });
    expect(state().keys).toEqual([]);
    expect(JSON.stringify(state())).not.toContain(SECRET);
  });

  it('follows keys-changed events during a session and stops listening after', async () => {
    const stop = state().startSession();
    expect(fake.listenerCount()).toBe(1);
    fake.emitKeysChanged([makeKey({ lastUsedAt: '2023-11-14T22:12:00.000Z' })]);
    expect(state().keys[0]?.lastUsedAt).toBe('2023-11-14T22:12:00.000Z');
    stop();
    expect(fake.listenerCount()).toBe(0);
  });
});

describe('keys: answers that cross', () => {
  it('drops a list reply asked before a keys-changed event that arrived first (the event is newer)', async () => {
    let answer!: (r: Result<ReturnType<typeof makeKey>[]>) => void;
    fake.replies.keysList = () => new Promise((r) => (answer = r));
    const stop = state().startSession();
    const recovered = makeKey({ id: 'key_recovered', name: 'Recovered key' });
    // Main wrote the recovered key and said so; the list it had answered before reaches the window late.
    fake.emitKeysChanged([makeKey(), recovered]);
    answer({ ok: true, value: [makeKey()] });
    // Every reply of that moment has been handled once a macrotask has run.
    await new Promise((r) => setTimeout(r, 0));
    expect(state().keysStatus).toBe('ready');
    expect(state().keys.map((k) => k.name)).toEqual(['Sandbox demo', 'Recovered key']);
    // The dropped reply may have seen what no event said (the sandbox's address): the list is asked once more, and shown.
    expect(fake.callsOf('keysList')).toHaveLength(2);
    answer({ ok: true, value: [makeKey({ baseUrl: 'http://127.0.0.1:4999' }), recovered] });
    await new Promise((r) => setTimeout(r, 0));
    expect(state().keys.map((k) => k.baseUrl)).toEqual(['http://127.0.0.1:4999', recovered.baseUrl]);
    expect(fake.callsOf('keysList')).toHaveLength(2);
    stop();
  });

  it('drops a plain list asked before the Keys page reconcile when it arrives after it', async () => {
    let answerList!: (r: Result<ReturnType<typeof makeKey>[]>) => void;
    fake.replies.keysList = () => new Promise((r) => (answerList = r));
    fake.replies.keysRefresh = () => ({ ok: true, value: [makeKey(), makeKey({ id: 'key_recovered', name: 'Recovered key' })] });
    const listed = state().refreshKeys();
    await state().syncKeys();
    answerList({ ok: true, value: [makeKey()] });
    await listed;
    expect(state().keys.map((k) => k.name)).toEqual(['Sandbox demo', 'Recovered key']);
    // A list asked after the reconcile is shown.
    fake.replies.keysList = () => ({ ok: true, value: [makeKey({ name: 'Renamed' })] });
    await state().refreshKeys();
    expect(state().keys.map((k) => k.name)).toEqual(['Renamed']);
  });

  it('an answer older than the list shown changes nothing: a late failed list, a late failed reconcile', async () => {
    let failList!: (r: Result<ReturnType<typeof makeKey>[]>) => void;
    fake.replies.keysList = () => new Promise((r) => (failList = r));
    const late = state().refreshKeys();
    let failSync!: (r: Result<ReturnType<typeof makeKey>[]>) => void;
    fake.replies.keysRefresh = () => new Promise((r) => (failSync = r));
    const lateSync = state().syncKeys();
    const firstSync = failSync;
    fake.replies.keysRefresh = () => ({ ok: true, value: [makeKey()] });
    await state().syncKeys();
    fake.replies.keysList = () => ({ ok: true, value: [makeKey()] });
    failList({ ok: false, error: { code: 'internal_error', message: 'Metadata unreadable.' } });
    firstSync({ ok: false, error: { code: 'keychain_unavailable', message: 'No OS keychain is reachable.' } });
    await Promise.all([late, lateSync]);
    expect(state().keysStatus).toBe('ready');
    expect(state().keysError).toBeNull();
    expect(state().keysSyncError).toBeNull();
    expect(state().keys.map((k) => k.name)).toEqual(['Sandbox demo']);
  });

  it('a reconcile that fails keeps the list and says why; the next one that works clears it', async () => {
    fake.replies.keysList = () => ({ ok: true, value: [makeKey()] });
    await state().refreshKeys();
    fake.replies.keysRefresh = () => ({ ok: false, error: { code: 'keychain_unavailable', message: 'No OS keychain is reachable.' } });
    await state().syncKeys();
    expect(state().keys.map((k) => k.name)).toEqual(['Sandbox demo']);
    expect(state().keysSyncError?.message).toBe('No OS keychain is reachable.');
    fake.replies.keysRefresh = () => ({ ok: true, value: [makeKey()] });
    await state().syncKeys();
    expect(state().keysSyncError).toBeNull();
  });
});

describe('app', () => {
  it('loads app info, and keeps an error in words when it cannot', async () => {
    await state().loadAppInfo();
    expect(state().appInfo?.sandbox.baseUrl).toBe('http://127.0.0.1:4010');
    fake.replies.appInfo = () => ({ ok: false, error: { code: 'internal_error', message: 'Host gone.' } });
    await state().loadAppInfo();
    expect(state().appInfoError?.message).toBe('Host gone.');
  });

  it('navigates between pages', () => {
    expect(state().page).toBe('keys');
    state().navigate('requests');
    expect(state().page).toBe('requests');
  });

  it('ticks the clock every second while a session runs', () => {
    vi.useFakeTimers({ now: NOW });
    setNowForTests(() => Date.now());
    const stop = state().startSession();
    expect(state().now).toBe(NOW);
    vi.advanceTimersByTime(3000);
    expect(state().now).toBe(NOW + 3000);
    stop();
    vi.advanceTimersByTime(3000);
    expect(state().now).toBe(NOW + 3000);
  });
});

describe('requests', () => {
  const keyA = makeKey({ id: 'key_a', name: 'A' });
  const keyB = makeKey({ id: 'key_b', name: 'B', environment: 'production' });

  it('uses the first key until another is picked, and falls back when the picked one goes away', () => {
    state().setKeys([keyA, keyB]);
    expect(selectActiveKey(state())?.id).toBe('key_a');
    state().selectKey('key_b');
    expect(selectActiveKey(state())?.id).toBe('key_b');
    state().setKeys([keyA]);
    expect(selectActiveKey(state())?.id).toBe('key_a');
  });

  it('sends GET /v1/conversations with the key and limit, and records the response and rate limit', async () => {
    state().setKeys([keyA, keyB]);
    state().selectKey('key_b');
    state().setQueryValue('limit', '5');
    fake.replies.requestSend = () => ({ ok: true, value: makeResponse() });
    // What startSession does: budgets come from main's rateLimitChanged events.
    fake.api.onRateLimitChanged((budget) => state().setBudget(budget));

    await state().sendRequest();

    expect(fake.callsOf('requestSend')).toEqual([
      { op: 'requestSend', arg: { keyId: 'key_b', method: 'GET', path: '/v1/conversations', query: [{ name: 'limit', value: '5' }], requestId: expect.any(String) } },
    ]);
    expect(state().inFlight).toBe(false);
    expect(state().response?.status).toBe(200);
    expect(state().responseError).toBeNull();
    expect(activeRateLimit()).toEqual({ snapshot: makeResponse().rateLimit, receivedAt: NOW });
    // A budget lists the keys that reported to it: the other key has reported to none.
    state().selectKey('key_a');
    expect(activeRateLimit()).toBeNull();
  });

  it('leaves out the query when no parameter is filled in', async () => {
    state().setKeys([keyA]);
    fake.replies.requestSend = () => ({ ok: true, value: makeResponse() });
    await state().sendRequest();
    expect(fake.callsOf('requestSend')[0]?.arg).toEqual({ keyId: 'key_a', method: 'GET', path: '/v1/conversations', requestId: expect.any(String) });
  });

  it('shows a failed send in words and drops the previous response', async () => {
    state().setKeys([keyA]);
    fake.replies.requestSend = () => ({ ok: true, value: makeResponse() });
    await state().sendRequest();
    fake.replies.requestSend = () => ({ ok: false, error: { code: 'network_error', message: 'The sandbox is not reachable.' } });
    await state().sendRequest();
    expect(state().response).toBeNull();
    expect(state().responseError).toEqual({ code: 'network_error', message: 'The sandbox is not reachable.' });
  });

  it('explains instead of sending when there are no keys', async () => {
    await state().sendRequest();
    expect(fake.callsOf('requestSend')).toHaveLength(0);
    expect(state().responseError?.message).toMatch(/Add a key/);
  });

  it('ignores a slow earlier reply that arrives after a later one', async () => {
    state().setKeys([keyA]);
    let releaseFirst: (r: Result<ResponseView>) => void = () => {};
    const first = new Promise<Result<ResponseView>>((resolve) => (releaseFirst = resolve));
    fake.replies.requestSend = () => first;
    const sending = state().sendRequest();
    fake.replies.requestSend = () => ({ ok: true, value: makeResponse({ status: 201 }) });
    await state().sendRequest();
    releaseFirst({ ok: true, value: makeResponse({ status: 500 }) });
    await sending;
    expect(state().response?.status).toBe(201);
  });

  it('resets to an empty store', async () => {
    state().setKeys([keyA]);
    state().navigate('history');
    resetStore();
    expect(state().keys).toEqual([]);
    expect(state().page).toBe('keys');
    expect(typeof state().sendRequest).toBe('function');
  });
});
