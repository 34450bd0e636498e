import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { AppInfo } from '../../src-preload/contract';
import { createInProcessSandbox } from '../adapters/in-process-sandbox';
import { createKeytarSecretStore } from '../adapters/keytar-secret-store';
import { createUndiciTransport } from '../adapters/undici-transport';
import { createRouter, type IpcRouter, type SenderInfo } from '../ipc/router';
import type { Clock, EventSink, HttpTransport, MetadataStore, SandboxRunner, SecretStore } from '../ports';
import { appInfo, probeKeychain, type KeychainStatus } from '../services/app-info/app-info';
import { KeyService } from '../services/keys/key-service';
import { environmentKey, withEnvironmentKey } from '../services/keys/env-key';
import { DEFAULT_REQUEST_SETTINGS, RequestService } from '../services/requests/request-service';
import { BudgetPacer, systemPacerClock } from '../services/rate-limit/budget-pacer';
import { engineGateway } from '../services/inspector/api-gateway';
import { ExportService, folderExportTargets, type ExportTargets } from '../services/inspector/export-service';
import { InspectorService } from '../services/inspector/inspector-service';
import { createJsonFileStore } from '../adapters/json-file-store';
import { coalescedDocument } from '../lib/coalesced-document';
import { EVENT_CHANNELS } from '../../src-preload/contract';
import { buildCatalog } from '../helplane/catalog';
import { HistoryService } from '../services/history/history-service';
import { RateLimitTracker } from '../services/rate-limit/rate-limit-tracker';
import { PacingQueue } from '../services/rate-limit/pacing-queue';
import { keyedThrottle } from '../lib/event-throttle';
import { afterReplyQueue } from '../lib/after-reply';
import { SettingsService } from '../services/settings/settings-service';
import { generateSnippet } from '../services/requests/snippet-service';

export const APP_VERSION = '0.1.0';
/** At most one rate-limit event per budget this often (the first of a quiet spell goes at once). */
export const RATE_LIMIT_EVENT_MS = 150;

export interface CoreOptions {
  host: AppInfo['host'];
  dataDir: string;
  events: EventSink;
  isTrustedSender: (sender: SenderInfo) => boolean;
  metadata: MetadataStore;
  secrets?: SecretStore;
  transport?: HttpTransport;
  sandbox?: SandboxRunner;
  clock?: Clock;
  /** Start the embedded sandbox right away rather than on first use. */
  startSandbox?: boolean;
  /** Where exports are written: a save dialog (Electron) or a downloads folder (web host). */
  exportTargets?: ExportTargets;
  onUnexpectedError?: (channel: string, error: unknown) => void;
  /** Where HELPLANE_API_KEY / HELPLANE_BASE_URL are read from (the hosts pass process.env; tests {}). */
  env?: NodeJS.ProcessEnv;
  /** First run: create the "Sandbox demo" key (default on; tests that count keys turn it off). */
  demoKey?: boolean;
}

export interface Core {
  router: IpcRouter;
  keys: KeyService;
  /** The request engine itself (the router's requestSend calls it; benches time it). */
  requests: RequestService;
  sandbox: SandboxRunner;
  /** Paces API calls under the rate limit: `pacer.schedule(keyId, task)`. */
  pacer: PacingQueue;
  dispose(): Promise<void>;
}

/** Wire services to adapters. Both hosts call this; only the binding of the router differs. */
export async function createCore(options: CoreOptions): Promise<Core> {
  mkdirSync(options.dataDir, { recursive: true });
  const clock = options.clock ?? { now: () => Date.now() };
  const envKey = environmentKey(options.env ?? {}, new Date(clock.now()).toISOString());
  const secrets = withEnvironmentKey(options.secrets ?? createKeytarSecretStore(), envKey?.secret ?? null);
  const settings = new SettingsService(createJsonFileStore(join(options.dataDir, 'settings.json')));
  const undici = createUndiciTransport({ proxyMode: () => settings.get().proxyMode });
  const transport = options.transport ?? undici;
  const sandbox = options.sandbox ?? createInProcessSandbox({ dataDir: join(options.dataDir, 'sandbox') });
  let keychain: KeychainStatus = await probeKeychain(secrets);

  const keys = new KeyService({
    secrets,
    metadata: options.metadata,
    transport,
    sandbox,
    clock,
    events: options.events,
    environmentKey: envKey?.record ?? null,
  });
  const tracker = new RateLimitTracker(() => clock.now());
  const historyFile = coalescedDocument(createJsonFileStore(join(options.dataDir, 'history.json'), { pretty: false }));
  const history = new HistoryService(historyFile);
  // History, "Last used" and budgets are updated after each reply; their readers drain it first.
  const afterReply = afterReplyQueue((error) => options.onUnexpectedError?.('after a reply', error));
  /** A handler that reads what the after-reply work updates: it sees every exchange that has replied. */
  const settled =
    <A, R>(read: (arg: A) => Promise<R>) =>
    (arg: A): Promise<R> => {
      afterReply.drain();
      return read(arg);
    };
  /** The pacing queue other features schedule API calls through (see pacing-queue.ts). */
  const pacer = new PacingQueue(tracker, systemPacerClock, () => afterReply.drain());
  const requests = new RequestService({
    afterReply,
    keys,
    secrets,
    transport,
    sandbox,
    clock,
    settings: () => {
      const s = settings.get();
      return { ...DEFAULT_REQUEST_SETTINGS, timeoutMs: s.requestTimeoutSeconds * 1000, maxResponseBytes: s.maxResponseMb * 1024 * 1024, redirectPolicy: s.redirectPolicy };
    },
    tracker,
    history,
    ...(options.transport ? {} : { fileTransport: (path: string) => undici.toFile(path) }),
    saveTargets: options.exportTargets ?? folderExportTargets(join(options.dataDir, 'downloads')),
  });
  // A burst of replies (an export, a script) is one event per budget per RATE_LIMIT_EVENT_MS.
  const rateLimitEvents = keyedThrottle((budgetId) => {
    const state = tracker.state(budgetId);
    if (state) options.events.emit(EVENT_CHANNELS.rateLimitChanged, state);
  }, RATE_LIMIT_EVENT_MS);
  tracker.onChange((state) => rateLimitEvents.poke(state.budgetId));
  const catalog = buildCatalog();

  const gateway = engineGateway(requests, keys, () => clock.now());
  const inspector = new InspectorService(gateway);
  const exports = new ExportService({
    api: gateway,
    targets: options.exportTargets ?? folderExportTargets(join(options.dataDir, 'exports')),
    events: options.events,
    pacer: new BudgetPacer(systemPacerClock),
    now: () => clock.now(),
  });

  const router = createRouter(
    {
      appInfo: async () => {
        if (!keychain.available) keychain = await probeKeychain(secrets);
        return appInfo({ version: APP_VERSION, host: options.host, platform: process.platform, sandbox, keychain: () => keychain, dataDir: options.dataDir });
      },
      keysList: settled(async () => keys.list()),
      keysAdd: (input) => keys.add(input),
      keysCreate: (input) => keys.create(input.name),
      keysTest: (input) => keys.test(input.id),
      keysRename: async (input) => keys.rename(input.id, input.name),
      keysRevoke: (input) => keys.revoke(input.id),
      keysDelete: (input) => keys.delete(input.id),
      // Explicit refresh: reconcile with the keychain, then pull the sandbox's own last_used_at.
      keysRefresh: async () => {
        await keys.reconcile();
        return keys.refreshServerUsage();
      },
      requestSend: (input) => requests.send(input),
      requestCancel: async (input) => ({ cancelled: requests.cancel(input.requestId) }),
      requestSaveBody: (input) => requests.saveBody(input),
      requestSnippet: async (input) => {
        const { origin, record } = await requests.originFor(input.request.keyId);
        return { language: input.language, code: generateSnippet(origin, input.request, input.language, await secrets.get(record.id).catch(() => null)) };
      },
      requestBudgetCheck: settled(async (input) => ({ warning: tracker.warning(input.keyId) })),
      catalogGet: async () => ({ entries: catalog }),
      rateLimitList: settled(async () => ({ budgets: tracker.list() })),
      historyList: settled(async (input) => history.list(input?.filter)),
      historyClear: settled(async () => {
        history.clear();
        return { cleared: true };
      }),
      settingsGet: async () => settings.get(),
      settingsUpdate: async (input) => settings.update(input),
      responseSlice: async (input) => requests.responses.slice(input.responseId, input.fromLine, input.count),
      responseSearch: async (input) => requests.responses.search(input.responseId, input.query, input.limit),
      responseTree: async (input) => requests.responses.tree(input.responseId, input.line, input.offset, input.limit),
      responseSave: (input) => requests.saveStored(input.responseId),
      inspectorSearch: (input) => inspector.search(input.keyId, input.query, input.searchId),
      inspectorConversations: (input) => inspector.conversations(input.keyId, input.contactId, input.cursor),
      inspectorConversation: (input) => inspector.conversation(input.keyId, input.conversationId),
      exportStart: (input) => exports.start(input),
      exportCancel: async (input) => ({ cancelled: exports.cancel(input.exportId) }),
      sandboxReset: () => keys.resetSandbox(),
    },
    {
      isTrustedSender: options.isTrustedSender,
      ...(options.onUnexpectedError ? { onUnexpectedError: options.onUnexpectedError } : {}),
    },
  );

  if (options.startSandbox !== false) {
    // Failure is reported through appInfo().sandbox; a request retries the start.
    await sandbox.ensureStarted().catch(() => undefined);
  }
  if (keychain.available) {
    // Never fatal: a failure here leaves the keys as they were, and the app starts.
    await keys.reconcile().catch((error: unknown) => options.onUnexpectedError?.('start-up: reconcile keys', error));
    if (options.demoKey !== false && sandbox.status().state === 'ready') {
      await keys.ensureDemoKey().catch((error: unknown) => options.onUnexpectedError?.('start-up: demo key', error));
    }
  }

  return {
    router,
    requests,
    keys,
    sandbox,
    pacer,
    dispose: async () => {
      rateLimitEvents.cancel();
      afterReply.drain();
      historyFile.flush();
      keys.flush();
      options.metadata.close?.();
      await sandbox.stop();
    },
  };
}
