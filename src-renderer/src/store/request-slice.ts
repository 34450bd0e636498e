import type { AppError, CatalogEntry, HistoryEntry, HttpMethod, KeyMeta, RequestResolutionView, ResponseHistoryEntryView, ResponseSummaryView, ResponseSearch, ResponseSlice, ResponseTree, ResponseView, Result, SavedBody, SendRequestInput, SnippetLanguage } from '../../../src-preload/contract';
import { buildPath, buildQuery, CUSTOM_ENDPOINT_ID, DEFAULT_ENDPOINT_ID, ENDPOINT_CATALOG, findEndpoint } from '../lib/endpoint-catalog';
import { getDesktopApi } from '../lib/desktop-api';
import { now } from '../lib/clock';
import { isUsableKey, unusableKeyMessage } from '../lib/key-labels';
import { selectActiveKey } from './selectors';
import type { SliceCreator } from './types';

export interface HeaderRow {
  name: string;
  value: string;
}

/** The request file (in the open collection) a tab was opened from or last saved to. */
export interface SavedRequestLink {
  /** The collection's folder, as main opened it. */
  collection: string;
  /** The file's path inside the collection (`/`-separated). */
  path: string;
  /** The text on disk the tab's edits started from (collections:readRequest's revision). */
  revision: string;
}

/** A capture of a saved request: variable ← JSONPath of a 2xx response. */
export interface CaptureRow {
  variable: string;
  path: string;
}

/** A test of a saved request, as the collection format holds it (status / header / jsonpath / schema / duration_under_ms). */
export type RequestTestRow = Record<string, unknown>;

export interface RequestSlice {
  /** The key the user picked; the active key falls back to the first one (see selectActiveKey). */
  selectedKeyId: string | null;
  catalog: readonly CatalogEntry[];
  endpointId: string;
  pathValues: Record<string, string>;
  /** Query parameter values by name, for the current endpoint. */
  queryValues: Record<string, string>;
  headerRows: HeaderRow[];
  body: string;
  /** A Custom request's method and path (with ?query), as typed. */
  customMethod: HttpMethod;
  customPath: string;
  /** The request file this tab belongs to; null for a tab never saved to a collection. */
  savedRequest: SavedRequestLink | null;
  /** The saved request's captures and tests: edited in the tab, written by Save. */
  captures: CaptureRow[];
  tests: RequestTestRow[];
  /** POSTs carry an Idempotency-Key unless the user turns it off. */
  idempotencyEnabled: boolean;
  /** The key the next new request carries: every Send (and every Copy as code) takes a fresh one after it. */
  idempotencyKey: string;
  /** Exactly what the latest send sent (its Idempotency-Key too): Retry and the automatic retry send it again. */
  lastSent: SendRequestInput | null;
  /** Which attempt of the latest request is shown: 1 for a Send or a Retry, then one more per automatic retry. */
  attempt: number;
  /** Words after the automatic retry gave up (the attempts ran out), until the next send. */
  autoRetryStopped: string | null;
  inFlight: boolean;
  requestId: string | null;
  response: ResponseView | null;
  responseError: AppError | null;
  budgetWarning: string | null;
  /** After a 429: when a retry is allowed (ms epoch), and whether one is scheduled. */
  retryAt: number | null;
  /** The key the 429 behind `retryAt` was sent with: the countdown is that key's budget's, not another key's. */
  retryKeyId: string | null;
  autoRetryPending: boolean;
  selectKey(keyId: string): void;
  loadCatalog(): Promise<void>;
  selectEndpoint(endpointId: string): void;
  setPathValue(name: string, value: string): void;
  setQueryValue(name: string, value: string): void;
  setHeaderRow(index: number, row: HeaderRow): void;
  addHeaderRow(): void;
  removeHeaderRow(index: number): void;
  setBody(body: string): void;
  setCustomMethod(method: HttpMethod): void;
  setCustomPath(path: string): void;
  setIdempotencyEnabled(enabled: boolean): void;
  setCaptures(captures: CaptureRow[]): void;
  setTests(tests: RequestTestRow[]): void;
  /** Runtime variables main holds (Use as variable, captures); bumped version = tabs resolve again. */
  runtimeVariables: { name: string; value: string }[];
  runtimeVersion: number;
  /** Use as variable: main sets the runtime variable (a value holding a key is refused in words). */
  setRuntimeVariable(name: string, value: string): Promise<{ error?: AppError }>;
  /** The tab's last responses main keeps (newest first), and one of them whole, for Compare. */
  listTabResponses(tabId: string): Promise<Result<ResponseSummaryView[]>>;
  getTabResponse(tabId: string, responseId: string): Promise<Result<ResponseHistoryEntryView>>;
  /** The request as main will send it (`{{name}}` replaced), for the preview; null while it cannot be built. */
  resolveDraft(input: SendRequestInput): Promise<Result<RequestResolutionView>>;
  /** Send the request as built now, as a new request (a new Idempotency-Key). */
  sendRequest(): Promise<void>;
  /** Send the latest request again as it was sent (the same Idempotency-Key, so the server may replay it). */
  retryRequest(options?: { automatic?: boolean }): Promise<void>;
  cancelRequest(): Promise<void>;
  cancelAutoRetry(): void;
  /** The request as it would be sent now, or an error to show. */
  buildRequest(): { input: SendRequestInput } | { error: AppError };
  /** Save to file: the whole body of the current GET, written by main. */
  saveBody(): Promise<{ saved: SavedBody } | { error: AppError }>;
  copySnippet(language: SnippetLanguage): Promise<{ code: string } | { error: AppError }>;
  replayHistory(entry: HistoryEntry): void;
  /** A large body's display lines, from main (it keeps the body; see ResponseView.large). */
  fetchResponseLines(responseId: string, fromLine: number, count: number): Promise<Result<ResponseSlice>>;
  /** Search a large body in main; the reply names the display line of each match. */
  searchResponse(responseId: string, query: string): Promise<Result<ResponseSearch>>;
  /** The children of a large JSON body's object or array, a page at a time. */
  expandResponseNode(responseId: string, line: number, offset: number): Promise<Result<ResponseTree>>;
  /** Save to file for a large body: main writes the copy it keeps (no second request). */
  saveResponse(responseId: string): Promise<{ saved: SavedBody } | { error: AppError }>;
}

/**
 * A Custom request: the typed path (and its ?query) under the key's base URL. Main builds the URL
 * from the key's origin and refuses anything that leaves it; a typed scheme or host is refused
 * here first, in words.
 */
function buildCustom(state: RequestSlice, keyId: string): { input: SendRequestInput } | { error: AppError } {
  const typed = state.customPath.trim();
  if (/^[a-z][a-z0-9+.-]*:/i.test(typed) || typed.startsWith('//')) {
    return { error: { code: 'invalid_argument', message: 'Type only the path, such as /v1/contacts: the server comes from the key, so a URL with a scheme or host is not sent.' } };
  }
  if (!typed.startsWith('/')) return { error: { code: 'invalid_argument', message: 'The path must start with /, such as /v1/contacts.' } };
  const at = typed.indexOf('?');
  const path = at < 0 ? typed : typed.slice(0, at);
  const query = at < 0 ? [] : [...new URLSearchParams(typed.slice(at + 1))].map(([name, value]) => ({ name, value }));
  const headers = state.headerRows.filter((h) => h.name.trim() !== '' || h.value !== '');
  if (state.customMethod === 'POST' && state.idempotencyEnabled) headers.push({ name: 'Idempotency-Key', value: state.idempotencyKey });
  const hasBody = state.customMethod !== 'GET' && state.customMethod !== 'HEAD' && state.body.trim() !== '';
  return {
    input: {
      keyId,
      method: state.customMethod,
      path,
      ...(query.length > 0 ? { query } : {}),
      ...(headers.length > 0 ? { headers } : {}),
      ...(hasBody ? { body: state.body } : {}),
    },
  };
}

/**
 * The collection context main resolves and checks with: the saved file, the tab's own captures and
 * tests. Only a request that needs it carries it (a `{{name}}`, a saved tab, captures or tests), so
 * a plain request is sent as before.
 */
function withContext(built: { input: SendRequestInput } | { error: AppError }, state: RequestSlice & { collectionRoot: string | null }): { input: SendRequestInput } | { error: AppError } {
  if ('error' in built) return built;
  // A saved tab's file counts only while its collection is the open one (main reads the file from there).
  const saved = state.savedRequest && state.savedRequest.collection === state.collectionRoot ? state.savedRequest : null;
  const { input } = built;
  const usesVariables = /\{\{/.test(JSON.stringify([input.path, input.query ?? [], input.headers ?? [], input.body ?? '']));
  if (!usesVariables && !saved && state.captures.length === 0 && state.tests.length === 0) return built;
  const collection: NonNullable<SendRequestInput['collection']> = {
    ...(saved ? { requestPath: saved.path } : {}),
    captures: state.captures,
    tests: state.tests,
  };
  return { input: { ...input, collection } };
}

/** What every new request starts with besides its endpoint (the first form, a new tab): nothing sent, nothing shown. */
export function freshExchange() {
  return {
    customMethod: 'GET',
    customPath: '/v1/',
    idempotencyKey: newIdempotencyKey(),
    lastSent: null,
    attempt: 1,
    autoRetryStopped: null,
    inFlight: false,
    requestId: null,
    response: null,
    responseError: null,
    budgetWarning: null,
    retryAt: null,
    retryKeyId: null,
  } as const;
}

function newIdempotencyKey(): string {
  return crypto.randomUUID();
}

/**
 * The key a History entry is replayed with: its own, or, when that key was rotated, the key that
 * replaced it (the old one is revoked or about to be). Null when none of them is stored any more.
 */
export function replayKeyId(keyId: string, keys: readonly Pick<KeyMeta, 'id' | 'replacedBy'>[]): string | null {
  let current = keys.find((k) => k.id === keyId);
  // A replacement rotated again is followed too; a loop (a damaged keys file) stops at the bound.
  for (let hops = 0; current?.replacedBy && hops < 10; hops++) {
    const next = keys.find((k) => k.id === current!.replacedBy);
    if (!next) break;
    current = next;
  }
  return current?.id ?? null;
}

export const createRequestSlice: SliceCreator<RequestSlice> = (set, get) => {
  // Only the latest send may write the response: an older, slower reply must not overwrite it.
  let sequence = 0;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;

  /** One exchange: `input` exactly as sent (a retry passes the same object), then the 429 follow-up. */
  const dispatch = async (input: SendRequestInput, options: { automatic: boolean; attempt: number }): Promise<void> => {
    clearTimeout(retryTimer);
    const api = getDesktopApi();
    const check = options.automatic ? null : await api.requestBudgetCheck({ keyId: input.keyId });
    const requestId = crypto.randomUUID();
    const mine = ++sequence;
    // The tab that sent it: a reply after a tab switch goes to that tab, not the one now shown.
    const tabId = get().activeTabId;
    const setForTab = (patch: Partial<RequestSlice>) => (tabId !== null && get().activeTabId !== tabId ? get().patchTab(tabId, patch) : set(patch));
    set({
      inFlight: true,
      requestId,
      lastSent: input,
      attempt: options.attempt,
      responseError: null,
      autoRetryPending: false,
      autoRetryStopped: null,
      retryAt: null,
      budgetWarning: check?.ok ? check.value.warning : null,
    });
    // The tab id lets main keep the reply in that tab's response history.
    const result = await api.requestSend({ ...input, requestId, ...(tabId !== null ? { tabId } : {}) });
    if (result.ok && result.value.captured && result.value.captured.variables.length > 0) set({ runtimeVersion: get().runtimeVersion + 1 });
    if (tabId !== null && get().activeTabId !== tabId) {
      setForTab(result.ok ? { inFlight: false, requestId: null, response: result.value, responseError: null } : { inFlight: false, requestId: null, response: null, responseError: result.error });
      return;
    }
    if (mine !== sequence) return;
    if (result.ok) {
      const view = result.value;
      set({ inFlight: false, requestId: null, response: view, responseError: null });
      if (view.status === 429 && view.rateLimit.retryAfterSeconds !== null) {
        const retryAt = now() + view.rateLimit.retryAfterSeconds * 1000;
        const { autoRetryOn429, autoRetryMaxAttempts } = get().settings;
        const more = options.attempt < autoRetryMaxAttempts;
        set({
          retryAt,
          retryKeyId: input.keyId,
          autoRetryPending: autoRetryOn429 && more,
          autoRetryStopped:
            autoRetryOn429 && !more ? `Automatic retry stopped: all ${autoRetryMaxAttempts} attempts were answered 429 Too Many Requests.` : null,
        });
        // The same request again once Retry-After has passed (its Idempotency-Key too, so a POST is never doubled).
        if (autoRetryOn429 && more) retryTimer = setTimeout(() => void get().retryRequest({ automatic: true }), Math.max(0, retryAt - now()));
      }
    } else {
      set({ inFlight: false, requestId: null, response: null, responseError: result.error });
    }
    // The first request may have started the embedded sandbox: refresh the header.
    void get().loadAppInfo();
  };

  const endpointState = (entry: CatalogEntry | undefined) => ({
    pathValues: {},
    queryValues: {},
    body: entry?.template ?? '',
    idempotencyKey: newIdempotencyKey(),
  });

  return {
    selectedKeyId: null,
    catalog: ENDPOINT_CATALOG,
    endpointId: DEFAULT_ENDPOINT_ID,
    pathValues: {},
    queryValues: {},
    headerRows: [],
    body: '',
    savedRequest: null,
    captures: [],
    tests: [],
    idempotencyEnabled: true,
    ...freshExchange(),
    autoRetryPending: false,
    runtimeVariables: [],
    runtimeVersion: 0,

    selectKey: (keyId) => set({ selectedKeyId: keyId }),

    loadCatalog: async () => {
      const result = await getDesktopApi().catalogGet();
      if (result.ok && result.value.entries.length > 0) {
        const catalog = result.value.entries;
        set({ catalog, ...(findEndpoint(get().endpointId, catalog) ? {} : { endpointId: catalog[0]!.id, ...endpointState(catalog[0]) }) });
      }
    },

    selectEndpoint: (endpointId) => {
      if (endpointId === get().endpointId) return;
      set({ endpointId, ...endpointState(findEndpoint(endpointId, get().catalog)) });
    },

    setPathValue: (name, value) => set({ pathValues: { ...get().pathValues, [name]: value } }),
    setQueryValue: (name, value) => set({ queryValues: { ...get().queryValues, [name]: value } }),
    setHeaderRow: (index, row) => set({ headerRows: get().headerRows.map((r, i) => (i === index ? row : r)) }),
    addHeaderRow: () => set({ headerRows: [...get().headerRows, { name: '', value: '' }] }),
    removeHeaderRow: (index) => set({ headerRows: get().headerRows.filter((_, i) => i !== index) }),
    setBody: (body) => set({ body }),
    setCustomMethod: (customMethod) => set({ customMethod }),
    setCustomPath: (customPath) => set({ customPath }),
    setIdempotencyEnabled: (enabled) => set({ idempotencyEnabled: enabled, idempotencyKey: newIdempotencyKey() }),
    setCaptures: (captures) => set({ captures }),
    setTests: (tests) => set({ tests }),

    setRuntimeVariable: async (name, value) => {
      const result = await getDesktopApi().collectionsSetRuntimeVariable({ name, value });
      if (!result.ok) return { error: result.error };
      set({ runtimeVariables: result.value.variables, runtimeVersion: get().runtimeVersion + 1 });
      return {};
    },

    listTabResponses: async (tabId) => {
      const result = await getDesktopApi().responsesHistoryList({ tabId });
      return result.ok ? { ok: true, value: result.value.responses } : result;
    },
    getTabResponse: (tabId, responseId) => getDesktopApi().responsesHistoryGet({ tabId, responseId }),

    resolveDraft: (input) =>
      getDesktopApi().requestsResolve({
        keyId: input.keyId,
        request: { method: input.method, path: input.path, query: input.query ?? [], headers: input.headers ?? [], ...(input.body !== undefined ? { body: input.body } : {}) },
      }),

    buildRequest: () => {
      const state = get();
      const key = selectActiveKey(state);
      const endpoint = findEndpoint(state.endpointId, state.catalog);
      if (!key) return { error: { code: 'not_found', message: 'Add a key on the Keys page first, then send.' } };
      if (!isUsableKey(key)) return { error: { code: 'invalid_argument', message: unusableKeyMessage(key) } };
      if (state.endpointId === CUSTOM_ENDPOINT_ID) return withContext(buildCustom(state, key.id), state);
      if (!endpoint) return { error: { code: 'invalid_argument', message: 'Pick an endpoint first.' } };
      const path = buildPath(endpoint, state.pathValues);
      if ('missing' in path) return { error: { code: 'invalid_argument', message: `Fill in the path parameter “${path.missing}”.` } };
      const query = buildQuery(endpoint, state.queryValues);
      const headers = state.headerRows.filter((h) => h.name.trim() !== '' || h.value !== '');
      if (endpoint.method === 'POST' && state.idempotencyEnabled) headers.push({ name: 'Idempotency-Key', value: state.idempotencyKey });
      const hasBody = endpoint.bodySchema !== null || (endpoint.method !== 'GET' && state.body.trim() !== '');
      return withContext({
        input: {
          keyId: key.id,
          method: endpoint.method,
          path: path.path,
          ...(query.length > 0 ? { query } : {}),
          ...(headers.length > 0 ? { headers } : {}),
          ...(hasBody ? { body: state.body } : {}),
        },
      }, state);
    },

    sendRequest: async () => {
      const built = get().buildRequest();
      if ('error' in built) {
        clearTimeout(retryTimer);
        set({ response: null, responseError: built.error, lastSent: null, autoRetryPending: false, autoRetryStopped: null });
        return;
      }
      // This send takes the shown key; the next new request gets its own (an edited body never meets a 409).
      set({ idempotencyKey: newIdempotencyKey() });
      await dispatch(built.input, { automatic: false, attempt: 1 });
    },

    retryRequest: async (options = {}) => {
      const input = get().lastSent;
      if (!input) return;
      await dispatch(input, { automatic: options.automatic === true, attempt: options.automatic ? get().attempt + 1 : 1 });
    },

    cancelRequest: async () => {
      const id = get().requestId;
      if (id) await getDesktopApi().requestCancel({ requestId: id });
    },

    cancelAutoRetry: () => {
      clearTimeout(retryTimer);
      set({ autoRetryPending: false, autoRetryStopped: 'Automatic retry stopped. Press Retry to send the request again.' });
    },

    saveBody: async () => {
      const built = get().buildRequest();
      if ('error' in built) return { error: built.error };
      const result = await getDesktopApi().requestSaveBody(built.input);
      return result.ok ? { saved: result.value } : { error: result.error };
    },

    copySnippet: async (language) => {
      const built = get().buildRequest();
      if ('error' in built) return { error: built.error };
      const result = await getDesktopApi().requestSnippet({ request: built.input, language });
      if (!result.ok) return { error: result.error };
      // The copied code now owns that key: a Send after it must not replay (or collide with) what the code sends.
      if (built.input.headers?.some((h) => h.name === 'Idempotency-Key')) set({ idempotencyKey: newIdempotencyKey() });
      return { code: result.value.code };
    },

    fetchResponseLines: (responseId, fromLine, count) => getDesktopApi().responseSlice({ responseId, fromLine, count }),
    searchResponse: (responseId, query) => getDesktopApi().responseSearch({ responseId, query, limit: 10_000 }),
    expandResponseNode: (responseId, line, offset) => getDesktopApi().responseTree({ responseId, line, offset, limit: 500 }),
    saveResponse: async (responseId) => {
      const result = await getDesktopApi().responseSave({ responseId });
      return result.ok ? { saved: result.value } : { error: result.error };
    },

    replayHistory: (entry) => {
      const state = get();
      const endpoint =
        state.catalog.find((e) => e.method === entry.method && e.path === entry.path) ??
        state.catalog.find((e) => e.method === entry.method && new RegExp(`^${e.path.replace(/\{[^}]+\}/g, '[^/]+')}$`).test(entry.path));
      const headerRows = entry.headers.filter((h) => h.name.toLowerCase() !== 'idempotency-key');
      const selectedKeyId = replayKeyId(entry.keyId, state.keys) ?? state.selectedKeyId;
      const common = { selectedKeyId, headerRows, body: entry.body ?? '', idempotencyKey: newIdempotencyKey() };
      let form: Partial<RequestSlice>;
      if (!endpoint) {
        // Not in the catalog (a free-form request): a Custom request with the same method, path and query.
        const search = new URLSearchParams(entry.query.map((q): [string, string] => [q.name, q.value])).toString();
        form = { ...common, endpointId: CUSTOM_ENDPOINT_ID, customMethod: entry.method, customPath: `${entry.path}${search ? `?${search}` : ''}` };
      } else {
        const pathValues: Record<string, string> = {};
        const names = [...endpoint.path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!);
        const parts = entry.path.split('/');
        endpoint.path.split('/').forEach((seg, i) => {
          const name = /^\{([^}]+)\}$/.exec(seg)?.[1];
          if (name && names.includes(name)) pathValues[name] = decodeURIComponent(parts[i] ?? '');
        });
        form = { ...common, endpointId: endpoint.id, pathValues, queryValues: Object.fromEntries(entry.query.map((q) => [q.name, q.value])) };
      }
      // In a tab of its own, as Import curl does: the tab in use may be a saved request's, whose
      // Save would otherwise write the replayed request over its file, or hold edits of its own.
      if (state.tabs.length > 0) state.newTab(form);
      else set(form);
      set({ page: 'requests' });
    },
  };
};
