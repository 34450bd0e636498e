import { EVENT_NAMES, OPERATIONS, listenerName } from '../../../src-preload/contract';
import type {
  AppInfo,
  CreatedKey,
  DesktopApi,
  KeyMeta,
  KeysChangedEvent,
  RateLimitState,
  ResponseView,
  Result,
  RevokeResult,
} from '../../../src-preload/contract';
import { RateLimitTracker } from '../../../src-main/services/rate-limit/rate-limit-tracker';
import { now, setNowForTests } from '../../../src-renderer/src/lib/clock';
import { setDesktopApiForTests } from '../../../src-renderer/src/lib/desktop-api';
import { resetStore } from '../../../src-renderer/src/store';

type Reply<T> = Result<T> | Promise<Result<T>>;

const NOT_SCRIPTED = { ok: false, error: { code: 'internal_error', message: 'not scripted' } } as const;

/** A scripted `window.helplane`: set replies per operation, inspect calls, emit events. */
export function createFakeDesktopApi() {
  const calls: { op: string; arg: unknown }[] = [];
  const listeners = new Set<(e: KeysChangedEvent) => void>();
  const rateLimitListeners = new Set<(state: RateLimitState) => void>();
  // Main's own tracker, on the renderer's clock (tests set it), against a stand-in server: every
  // reply updates its budget. The renderer treats the budget id as opaque.
  const tracker = new RateLimitTracker(() => now());
  const recordReply = (keyId: string, view: ResponseView): RateLimitState => tracker.record(keyId, 'http://127.0.0.1:4010', view.status, view.rateLimit);
  const emitRateLimitChanged = (state: RateLimitState) => rateLimitListeners.forEach((l) => l(state));
  const replies = {
    appInfo: (): Reply<AppInfo> => ({
      ok: true,
      value: {
        version: '0.1.0',
        host: 'web',
        platform: 'linux',
        sandbox: { state: 'ready', baseUrl: 'http://127.0.0.1:4010', message: null },
        keychain: { available: true, message: null },
      },
    }),
    keysList: (): Reply<KeyMeta[]> => ({ ok: true, value: [] }),
    keysRefresh: (): Reply<KeyMeta[]> => ({ ok: true, value: [] }),
    keysAdd: (_arg: unknown): Reply<KeyMeta> => ({ ok: false, error: { code: 'internal_error', message: 'not scripted' } }),
    keysCreate: (_arg: { name: string }): Reply<CreatedKey> => NOT_SCRIPTED,
    keysTest: (_arg: { id: string }): Reply<KeyMeta> => NOT_SCRIPTED,
    keysRename: (_arg: { id: string; name: string }): Reply<KeyMeta> => NOT_SCRIPTED,
    keysRevoke: (_arg: { id: string }): Reply<RevokeResult> => NOT_SCRIPTED,
    keysDelete: (_arg: { id: string }): Reply<{ deleted: boolean }> => NOT_SCRIPTED,
    requestSend: (_arg: unknown): Reply<ResponseView> => ({
      ok: false,
      error: { code: 'internal_error', message: 'not scripted' },
    }),
    rateLimitList: (): Reply<{ budgets: RateLimitState[] }> => NOT_SCRIPTED,
  };

  // Operations a test does not script answer "not scripted"; new channels need no change here.
  const unscripted = Object.fromEntries([
    ...OPERATIONS.map((op) => [
      op,
      async (arg: unknown) => {
        calls.push({ op, arg });
        return { ok: false, error: { code: 'internal_error', message: 'not scripted' } };
      },
    ]),
    ...EVENT_NAMES.map((event) => [listenerName(event), () => () => {}]),
  ]) as DesktopApi;

  const api: DesktopApi = {
    ...unscripted,
    appInfo: async () => {
      calls.push({ op: 'appInfo', arg: undefined });
      return replies.appInfo();
    },
    keysList: async () => {
      calls.push({ op: 'keysList', arg: undefined });
      return replies.keysList();
    },
    keysRefresh: async () => {
      calls.push({ op: 'keysRefresh', arg: undefined });
      return replies.keysRefresh();
    },
    keysAdd: async (arg) => {
      calls.push({ op: 'keysAdd', arg });
      return replies.keysAdd(arg);
    },
    keysCreate: async (arg) => {
      calls.push({ op: 'keysCreate', arg });
      return replies.keysCreate(arg);
    },
    keysTest: async (arg) => {
      calls.push({ op: 'keysTest', arg });
      return replies.keysTest(arg);
    },
    keysRename: async (arg) => {
      calls.push({ op: 'keysRename', arg });
      return replies.keysRename(arg);
    },
    keysRevoke: async (arg) => {
      calls.push({ op: 'keysRevoke', arg });
      return replies.keysRevoke(arg);
    },
    keysDelete: async (arg) => {
      calls.push({ op: 'keysDelete', arg });
      return replies.keysDelete(arg);
    },
    requestSend: async (arg) => {
      calls.push({ op: 'requestSend', arg });
      const result = await replies.requestSend(arg);
      // Like main: every reply updates its budget and is announced before the reply comes back.
      if (result.ok) emitRateLimitChanged(recordReply(arg.keyId, result.value));
      return result;
    },
    rateLimitList: async () => {
      calls.push({ op: 'rateLimitList', arg: undefined });
      return replies.rateLimitList();
    },
    onKeysChanged: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    onRateLimitChanged: (listener) => {
      rateLimitListeners.add(listener);
      return () => rateLimitListeners.delete(listener);
    },
  };

  return {
    api,
    calls,
    replies,
    listenerCount: () => listeners.size,
    emitKeysChanged: (keys: KeyMeta[]) => listeners.forEach((l) => l({ keys })),
    emitRateLimitChanged,
    callsOf: (op: string) => calls.filter((c) => c.op === op),
  };
}

export function makeKey(overrides: Partial<KeyMeta> = {}): KeyMeta {
  return {
    id: 'key_1',
    name: 'Sandbox demo',
    environment: 'sandbox',
    baseUrl: 'Embedded sandbox',
    prefix: 'hl_test_3fA9',
    createdAt: '2025-01-01T10:00:00.000Z',
    lastUsedAt: null,
    status: 'active',
    workspaceId: 'ws_acme',
    ...overrides,
  };
}

export function makeResponse(overrides: Partial<ResponseView> = {}): ResponseView {
  return {
    status: 200,
    statusText: 'OK',
    headers: [{ name: 'content-type', value: 'application/json' }],
    body: '{"object":"list","data":[],"has_more":false}',
    bodyTruncated: false,
    sizeBytes: 44,
    durationMs: 12,
    url: 'http://127.0.0.1:4010/v1/conversations?limit=5',
    rateLimit: { limit: 100, remaining: 199, burst: 200, resetAt: 1_700_000_060_000, retryAfterSeconds: null, workspaceId: 'ws_acme' },
    ...overrides,
  };
}

export type FakeDesktopApi = ReturnType<typeof createFakeDesktopApi>;

/** For a beforeEach: a fresh fake `window.helplane`, the renderer's clock stopped at `at`, an empty store. */
export function installFakeDesktopApi(at: number): FakeDesktopApi {
  const fake = createFakeDesktopApi();
  setDesktopApiForTests(fake.api);
  setNowForTests(() => at);
  resetStore();
  return fake;
}

/** For an afterEach: the real desktop API and clock again. */
export function uninstallFakeDesktopApi(): void {
  setDesktopApiForTests(null);
  setNowForTests(null);
}
