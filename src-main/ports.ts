import type { EventName, EventPayload, ProxyMode, RateLimitSnapshot } from '../src-preload/contract';

/** What services depend on: every port is here. Adapters implement these; tests may use the real adapters or fakes. */

/** The OS keychain. The only reader of secrets. */
export interface SecretStore {
  get(account: string): Promise<string | null>;
  set(account: string, secret: string): Promise<void>;
  delete(account: string): Promise<boolean>;
  /** Accounts that hold a secret under this app's service name (never the secrets). */
  accounts(): Promise<string[]>;
}

/** A key as stored on disk: metadata only, never the secret. */
export interface KeyRecord {
  id: string;
  name: string;
  environment: 'production' | 'sandbox' | 'custom';
  /** Fixed origin for production and custom keys; the sandbox's origin changes per launch. */
  baseUrl: string | null;
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  status: 'active' | 'revoked' | 'invalid' | 'plan_not_eligible' | 'unverified' | 'missing_secret';
  workspaceId: string | null;
  /** The sandbox's id for the key (admin routes), when the console created or found it. */
  serverKeyId?: string | null;
  lastCheckedAt?: string | null;
  /** Why the status is what it is when that is not plain (an Unverified key: what stopped the check). */
  statusReason?: string | null;
  serverLastUsedAt?: string | null;
  /** A recovered key whose environment cannot be known: sent nowhere until the user assigns one. */
  environmentUnknown?: boolean;
  /** Main refuses every request but GET and HEAD with this key. */
  readOnly?: boolean;
  /** Remind the user to rotate the key this many days after it was created (null or absent: no reminder). */
  rotationReminderDays?: number | null;
  /** A rotation gave this key's references to that key: it is never picked by default (the window, the runner). */
  replacedBy?: string | null;
}

export interface MetadataStore {
  readKeys(): KeyRecord[];
  writeKeys(keys: KeyRecord[]): void;
  /** One-time facts, e.g. that the first-run demo key was made (optional: simple stores may not keep them). */
  getFlag?(name: string): boolean;
  setFlag?(name: string): void;
  /** Stop watching the file (the core's dispose calls it). */
  close?(): void;
}

export interface Clock {
  now(): number;
}

export interface HttpRequest {
  url: string;
  method: string;
  headers: Record<string, string>;
  body?: string;
  timeoutMs: number;
  maxBodyBytes: number;
  signal?: AbortSignal;
  /** Connect timeout; the transport's default when absent. */
  connectTimeoutMs?: number;
}

export interface HttpResponse {
  status: number;
  statusText: string;
  headers: Array<{ name: string; value: string }>;
  body: Uint8Array;
  bodyTruncated: boolean;
  /** Milliseconds from send to the last body byte. */
  durationMs: number;
  /** Milliseconds from send to the response headers (time to first byte). */
  ttfbMs?: number;
  /** Bytes received on the wire (before decompression); `body` holds the decoded bytes. */
  wireBytes?: number;
}

/** One HTTP exchange, no redirects followed: the caller decides what a redirect may carry. */
export interface HttpTransport {
  send(request: HttpRequest): Promise<HttpResponse>;
}

/** The HTTP layer a host picks (undici), for the proxy setting the core reads from Settings on every send. */
export type HttpAdapterFactory = (proxyMode: () => ProxyMode) => {
  transport: HttpTransport;
  /** A transport that writes the body to a file (Save to file); absent, saving is unavailable. */
  toFile?(path: string): HttpTransport;
};

export interface SandboxStatus {
  state: 'starting' | 'ready' | 'failed' | 'stopped';
  baseUrl: string | null;
  message: string | null;
}

/** The embedded sandbox server, started on demand. */
export interface SandboxRunner {
  status(): SandboxStatus;
  /** Resolves with the base URL once the server listens. */
  ensureStarted(): Promise<string>;
  /** Admin calls (the dashboard's role); only main uses them. */
  adminToken(): string | null;
  stop(): Promise<void>;
  /** Where the sandbox keeps its SQLite database (shown in Settings); absent when not known. */
  readonly dataDir?: string;
}

/** Where log lines go (adapters/log-file.ts: a rotating file in the data folder; memory in tests). */
export interface LogSink {
  write(line: string): void;
}

/** Main -> renderer notifications (webContents.send in Electron, SSE in the web host), typed by the contract's EVENTS. */
export interface EventSink {
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void;
}

/** A small JSON document on disk (adapters/json-file-store.ts implements it). */
export interface JsonDocument {
  /** The parsed file; undefined when it is missing or unreadable (a file that does not parse is set aside first). */
  read(): unknown;
  write(value: unknown): void;
  /**
   * Keep the file as it is under a name of its own next to it (never deleted), so the next write
   * does not replace it: for a file that parses but holds data the reader had to drop. Its new
   * path, or null when there was no file.
   */
  setAside?(): string | null;
}

/** Where a file the user asked for (an export, a saved body) is written: a save dialog in Electron, a download in the web host. */
export interface ExportTargets {
  /** Null when the user cancelled the choice. */
  choose(exportId: string, suggestedName: string): Promise<{ path: string; downloadUrl: string | null } | null>;
}

/** Bookkeeping that runs once a reply has gone (lib/after-reply.ts says why and how). */
export interface AfterReply {
  run(task: () => void): void;
  /** Run every queued task now. */
  drain(): void;
}

/** Time and waiting for paced work (tests pass a fake that advances at once). */
export interface PacerClock {
  now(): number;
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

/** Timers a throttle uses (tests pass fake ones). */
export interface ThrottleTimers {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** One API reply as features other than the request builder need it. */
export interface ApiReply {
  status: number;
  body: string;
  rateLimit: RateLimitSnapshot;
  /** Epoch ms when the reply arrived. */
  receivedAt: number;
  /** The rate-limit budget the reply spent from (services/rate-limit/budget.ts), as the tracker counts it. */
  budgetId: string;
  /** The request builder's words for an API error (same sentence everywhere), or null. */
  explanation?: string | null;
}

/**
 * A GET through the request engine: the key is attached there, the call counts in the
 * rate-limit tracker and appears in History, exactly like a request from the builder.
 */
export interface ApiGateway {
  get(keyId: string, path: string, query: Record<string, string>, options?: { signal?: AbortSignal }): Promise<ApiReply>;
  /** The budget the key's next request spends from, as far as is known before its reply. */
  budgetFor(keyId: string): Promise<string>;
}

/** One entry of a collection folder, by its path from the folder's root (`/`-separated). */
export interface CollectionEntry {
  path: string;
  kind: 'file' | 'folder';
}

/**
 * A collection folder on disk (adapters/node-collection-files.ts: node fs and chokidar). Paths are
 * relative to `root` with `/`; the adapter refuses one that leaves the root. Failures throw errors
 * with Node's `code` (ENOENT, EEXIST, ENOTDIR, …); the collection service turns them into words.
 */
export interface CollectionFiles {
  /** Every file and folder below `root`, hidden names (`.git`, partial writes) left out. */
  list(root: string): Promise<CollectionEntry[]>;
  read(root: string, path: string): Promise<string>;
  /** Written beside and renamed into place, so a crash never leaves half a file; missing folders are made. */
  write(root: string, path: string, text: string): Promise<void>;
  /** Rename or move; EEXIST when `to` is taken (never replaced). */
  rename(root: string, from: string, to: string): Promise<void>;
  remove(root: string, path: string): Promise<void>;
  /** Reports each path added, changed or removed below `root` (unthrottled: the service debounces). */
  watch(root: string, onChange: (path: string) => void, onError: (error: Error) => void): CollectionWatch;
}

export interface CollectionWatch {
  /** Settles once the watcher sees every existing file, so a change after it is reported. */
  ready: Promise<void>;
  close(): Promise<void>;
}

// ─── Access log and exports that serve (issue 18, supb) ───

/** Who is using this computer, for the access log (adapters/os-user.ts: os.userInfo). */
export interface OsUser {
  /** The operating system's user name; never throws. */
  name(): string;
}

/** Show a finished file in the system's file manager (adapters/electron-show-in-folder.ts); absent in the web host. */
export interface FileReveal {
  showInFolder(path: string): void;
}

/** A file only ever added to at its end (the access log): lib/append-only-file.ts. */
export interface AppendOnlyFile {
  readonly path: string;
  /** The whole text, or null when there is no file yet. Throws when it exists but cannot be read. */
  read(): string | null;
  /** Add text at the end (created owner-only when missing). Throws when it cannot be written. */
  append(text: string): void;
}

/** The system's folder picker (Electron's dialog): the folder chosen, or null when cancelled. The web host has none. */
export interface FolderPicker {
  choose(): Promise<string | null>;
}
