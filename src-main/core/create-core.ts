import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { AppInfo, EventPayload } from '../../src-preload/contract';
import type { ApiGateway, Clock, CollectionFiles, EventSink, ExportTargets, FileReveal, FolderPicker, HttpAdapterFactory, JsonDocument, MetadataStore, OsUser, SandboxRunner, SecretStore } from '../ports';
import { createRouter, type IpcRouter, type SenderInfo } from '../ipc/router';
import { createHandlers } from '../ipc/handlers';
import { afterReplyQueue } from '../lib/after-reply';
import { coalescedDocument } from '../lib/coalesced-document';
import { keyedThrottle } from '../lib/event-throttle';
import { saveProblems } from '../lib/save-problems';
import { buildCatalog } from '../helplane/catalog';
import { AppInfoService } from '../services/app-info/app-info';
import { HistoryService } from '../services/history/history-service';
import { KeyUsage } from '../services/keys/key-usage';
import { engineGateway } from '../services/inspector/engine-gateway';
import { ExportService } from '../services/inspector/export-service';
import { InspectorService } from '../services/inspector/inspector-service';
import { ContactScanService } from '../services/inspector/contact-scan';
import { TimelineService } from '../services/inspector/timeline-service';
import { environmentKey, withEnvironmentKey } from '../services/keys/env-key';
import { KeyRecords } from '../services/keys/key-records';
import { KeyService } from '../services/keys/key-service';
import { SandboxAdmin } from '../services/keys/sandbox-admin';
import { SandboxKeys } from '../services/keys/sandbox-keys';
import { KeyRotation, type KeyReferences } from '../services/keys/rotation/key-rotation';
import { RotationPlans } from '../services/keys/rotation/rotation-plans';
import { PageWalker } from '../services/pagination/page-walker';
import { PaginationService } from '../services/pagination/pagination-service';
import { BudgetPacer, systemPacerClock } from '../services/rate-limit/budget-pacer';
import { RateLimitTracker } from '../services/rate-limit/rate-limit-tracker';
import { RequestService } from '../services/requests/request-service';
import { requestSettingsOf } from '../services/requests/request-settings';
import { SnippetService } from '../services/requests/snippet-service';
import { SettingsService } from '../services/settings/settings-service';
import { CollectionService } from '../services/collections/collection-service';
import { CollectionWorkspace } from '../services/collections/collection-workspace';
import { pickFolderWith } from '../services/collections/pick-folder';
import { importCurlWithKeys, keyServers } from '../services/workspace/curl-import-service';
import { KeySecretsCache } from '../services/workspace/key-secrets-cache';
import { WorkspaceService } from '../services/workspace/workspace-service';
import { appendOnlyFile } from '../lib/append-only-file';
import { AccessLogService } from '../services/access-log/access-log-service';
import { ContactDirectory } from '../services/inspector/contact-directory';
import { FinishedFiles } from '../services/inspector/finished-files';

export const APP_VERSION = '0.1.0';
/** At most one rate-limit event per budget this often (the first of a quiet spell goes at once). */
export const RATE_LIMIT_EVENT_MS = 150;

/** What a host passes in: it chooses every adapter, so loading the core loads no keytar, undici or electron. */
export interface CoreOptions {
  host: AppInfo['host'];
  dataDir: string;
  events: EventSink;
  isTrustedSender: (sender: SenderInfo) => boolean;
  metadata: MetadataStore;
  secrets: SecretStore;
  http: HttpAdapterFactory;
  sandbox: SandboxRunner;
  /** A JSON document in the data folder (adapters/json-file-store.ts): settings, History. */
  document: (path: string, options?: { pretty?: boolean }) => JsonDocument;
  /** Where exports and saved bodies go: a save dialog (Electron) or a downloads folder (web host). */
  exportTargets: ExportTargets;
  clock?: Clock;
  /** Start the embedded sandbox right away rather than on first use. */
  startSandbox?: boolean;
  onUnexpectedError?: (channel: string, error: unknown) => void;
  /** Where HELPLANE_API_KEY / HELPLANE_BASE_URL are read from (the hosts pass process.env; tests {}). */
  env?: NodeJS.ProcessEnv;
  /** First run: create the "Sandbox demo" key (default on; tests that count keys turn it off). */
  demoKey?: boolean;
  /** Collection folders on disk (adapters/node-collection-files.ts); without it, opening a collection fails in words. */
  collectionFiles?: CollectionFiles;
  /** Access log (issue 18): the OS user name (adapters/os-user.ts); without it the log says the user is not known. */
  osUser?: OsUser;
  /** Show in folder (Electron's shell); absent in the web host, which offers a download instead. */
  fileReveal?: FileReveal;
  /** The desktop's system folder picker for Open/New collection; the web host has none (the folder is typed). */
  folderPicker?: FolderPicker;
  /** Requests go to History (default on); the command line runner turns it off: its report is the record, and a CI run must not push a developer's last 500 requests out. */
  keepHistory?: boolean;
  /** Take up the rotations the last run left (default on); the command line runner leaves them to the console. */
  resumeRotations?: boolean;
  /** The timer that revokes an old key when its overlap ends (default on; tests call core.rotation.runDue instead). */
  rotationTimers?: boolean;
}

export interface Core {
  router: IpcRouter;
  keys: KeyService;
  /** The request engine itself (the router's requestSend calls it; benches time it). */
  requests: RequestService;
  sandbox: SandboxRunner;
  /** GETs through the request engine (tracker, History), as the Inspector, exports and page walks use them. */
  gateway: ApiGateway;
  /** The one pacer of paced jobs (exports, Fetch all pages): what one learns of a budget, the other waits by. */
  pacer: BudgetPacer;
  /** The open collection (issue 16): the CLI runner and tests reach it here. */
  collections: CollectionService;
  /** Key rotation (issue 19): tests drive the overlap's end through it (runDue). */
  rotation: KeyRotation;
  dispose(): Promise<void>;
}

/** Build the services from the adapters a host passed in, and the router over them. Every host calls this. */
export async function createCore(options: CoreOptions): Promise<Core> {
  mkdirSync(options.dataDir, { recursive: true });
  const { sandbox } = options;
  // The drafts' secrets cache hears keys-changed on its way to the window (set once the keys exist).
  let onKeysChanged: ((keys: EventPayload<'keysChanged'>['keys']) => void) | null = null;
  const events: EventSink = {
    emit(event, payload) {
      if (event === 'keysChanged') onKeysChanged?.((payload as EventPayload<'keysChanged'>).keys);
      options.events.emit(event, payload);
    },
  };
  const clock = options.clock ?? { now: () => Date.now() };
  const envKey = environmentKey(options.env ?? {}, new Date(clock.now()).toISOString());
  const secrets = withEnvironmentKey(options.secrets, envKey?.secret ?? null);
  const settings = new SettingsService(options.document(join(options.dataDir, 'settings.json')));
  const http = options.http(() => settings.get().proxyMode);
  const app = new AppInfoService({ version: APP_VERSION, host: options.host, platform: process.platform, sandbox, secrets, dataDir: options.dataDir });
  const keychain = await app.probe();

  const admin = new SandboxAdmin(sandbox, http.transport);
  // Background writes (History, Last used) never throw out of their timers: a failure is logged
  // (the first in a row), shown in the window until a retry works (saveProblemsChanged), and retried.
  const problems = saveProblems((list) => events.emit('saveProblemsChanged', { problems: list }));
  const writes = (file: string, what: string) => problems.listener(file, what, (error) => options.onUnexpectedError?.(`writing ${file} (kept in memory, retrying)`, error));
  const records = new KeyRecords({ metadata: options.metadata, sandbox, clock, events, environmentKey: envKey?.record ?? null, lastUsedWrites: writes('keys.json', 'The keys’ “Last used” times') });
  const keys = new KeyService({ secrets, records, transport: http.transport, sandbox, admin });
  const sandboxKeys = new SandboxKeys({
    keys,
    records,
    admin,
    secrets,
    metadata: options.metadata,
    // Bound late: the rotation and the tabs are built below (a reset only comes from the window, after).
    afterReset: ({ from, to }) => {
      rotation.sandboxWasReset();
      if (to) for (const id of from) keyReferences.move(id, to);
    },
  });
  const tracker = new RateLimitTracker(() => clock.now());
  const historyFile = coalescedDocument(options.document(join(options.dataDir, 'history.json'), { pretty: false }), 500, writes('history.json', 'History'));
  const history = new HistoryService(historyFile);
  const usageFile = coalescedDocument(options.document(join(options.dataDir, 'key-usage.json'), { pretty: false }), 500, writes('key-usage.json', 'Key usage'));
  const usage = new KeyUsage({ document: usageFile, now: () => clock.now(), history: () => history.list() });
  // History, "Last used" and budgets are updated after each reply; their readers drain it first (ipc/handlers.ts).
  const afterReply = afterReplyQueue((error) => options.onUnexpectedError?.('after a reply', error));
  const requests = new RequestService({
    afterReply,
    keys,
    secrets,
    transport: http.transport,
    sandbox,
    clock,
    settings: () => requestSettingsOf(settings.get()),
    tracker,
    // The command line runner keeps neither: its report is the record (and a run beside an open console must not overwrite these files).
    ...(options.keepHistory === false ? {} : { history, usage }),
    ...(http.toFile ? { fileTransport: (path: string) => http.toFile!(path) } : {}),
    saveTargets: options.exportTargets,
  });
  // A burst of replies (an export, a script) is one event per budget per RATE_LIMIT_EVENT_MS.
  const rateLimitEvents = keyedThrottle((budgetId) => {
    const state = tracker.state(budgetId);
    if (state) events.emit('rateLimitChanged', state);
  }, RATE_LIMIT_EVENT_MS);
  tracker.onChange((state) => rateLimitEvents.poke(state.budgetId));

  // The stored keys' secrets, read once and kept in main: drafts are scrubbed of them, collection
  // saves refused for them. Dropped when keys-changed says the keys (not their times) changed.
  const keySecrets = new KeySecretsCache({ keys: () => keys.list(), secrets });
  onKeysChanged = (list) => keySecrets.keysChanged(list);
  mkdirSync(join(options.dataDir, 'workspace'), { recursive: true });
  const workspace = new WorkspaceService({
    dataDir: options.dataDir,
    // A burst of keystrokes is one write of tabs.json; dispose flushes.
    document: (path) => coalescedDocument(options.document(path), 500, writes(path.endsWith('tabs.json') ? 'workspace/tabs.json' : 'workspace/responses', 'The open tabs')),
  });

  // ─── Collections (issue 16, c16) ───
  const collectionService = new CollectionService({
    files: options.collectionFiles ?? missingCollectionFiles,
    secrets: () => keySecrets.named(),
    onUnexpectedError: (error) => options.onUnexpectedError?.('watching the collection folder', error),
  });
  const catalog = buildCatalog();
  const snippets = new SnippetService({ requests, secrets });
  const collections = new CollectionWorkspace({
    collections: collectionService,
    events,
    keys,
    catalog,
    secrets: () => keySecrets.named(),
    send: (input, sendOptions) => requests.send(input, sendOptions),
    // Response history, tests on large bodies, and the resolved Copy as code / Save to file (issue 16, resp).
    largeBody: (responseId) => requests.responses.body(responseId).text,
    responses: workspace.responses,
    secretValues: () => keySecrets.secrets(),
    onHistoryError: (error) => options.onUnexpectedError?.('keeping a response in the tab history', error),
    snippet: (input) => snippets.snippet(input),
    saveBody: (input) => requests.saveBody(input),
  });

  const gateway = engineGateway(requests, keys, tracker, () => clock.now());
  const pacer = new BudgetPacer(systemPacerClock);

  // ─── Access log and exports that serve (issue 18, supb) ───
  const finishedFiles = new FinishedFiles(options.fileReveal ?? null);
  const accessLog = new AccessLogService({
    file: appendOnlyFile(join(options.dataDir, 'access-log.jsonl')),
    head: options.document(join(options.dataDir, 'access-log.head.json'), { pretty: false }),
    user: options.osUser ?? { name: () => '(unknown user)' },
    now: () => clock.now(),
    keyName: (keyId) => keys.list().find((k) => k.id === keyId)?.name ?? null,
    writes: writes('access-log.jsonl', 'The access log'),
    targets: options.exportTargets,
    finished: finishedFiles,
  });
  const contactDirectory = new ContactDirectory();

  // ─── Key rotation (issue 19) ───
  // Collections and saved requests name a key by name and environment, which the replacement takes: the tabs are what hold ids.
  const keyReferences: KeyReferences = {
    move: (from, to) => {
      // On disk before the rotation records the move as done (a failed write fails the step): a quit right after must not bring the old ids back.
      const tabs = workspace.replaceKey(from, to);
      events.emit('keyReferencesMoved', { from, to });
      return { tabs };
    },
  };
  const rotation = new KeyRotation({
    plans: new RotationPlans(options.document(join(options.dataDir, 'rotation.json'))),
    keys,
    records,
    secrets,
    transport: http.transport,
    sandbox,
    admin,
    references: keyReferences,
    events,
    clock,
    ...(options.rotationTimers === false
      ? {}
      : {
          setTimer: (run: () => void, ms: number) => {
            const timer = setTimeout(run, ms);
            timer.unref?.();
            return { cancel: () => clearTimeout(timer) };
          },
        }),
  });
  const router = createRouter(
    createHandlers({
      app,
      keys,
      sandboxKeys,
      requests,
      snippets,
      catalog,
      tracker,
      history,
      settings,
      inspector: new InspectorService(gateway, { access: accessLog, contacts: contactDirectory }, pacer),
      exports: new ExportService({
        api: gateway,
        targets: options.exportTargets,
        events,
        pacer,
        now: () => clock.now(),
        mask: () => settings.get().maskPersonalData,
        access: accessLog,
        contacts: contactDirectory,
        finished: finishedFiles,
      }),
      accessLog,
      finishedFiles,
      pagination: new PaginationService({
        requests,
        walker: new PageWalker({ api: gateway, pacer, now: () => clock.now() }),
        events,
        targets: options.exportTargets,
        now: () => clock.now(),
      }),
      afterReply,
      collections,
      pickFolder: pickFolderWith(options.folderPicker),
      workspace,
      keySecrets,
      usage,
      importCurl: (command) => importCurlWithKeys(command, { keyIds: keys.list().map((k) => k.id), secrets, servers: keyServers(keys.list(), sandbox) }),
      // Support staff (issue 18, supa): paced through the one pacer, like exports and Fetch all pages.
      contactScan: new ContactScanService({ api: gateway, pacer, events, now: () => clock.now() }),
      timeline: new TimelineService({ api: gateway, pacer, events, now: () => clock.now() }),
      rotation,
    }),
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
      await sandboxKeys.ensureDemoKey().catch((error: unknown) => options.onUnexpectedError?.('start-up: demo key', error));
    }
    // A rotation the last run left half-way resumes (or is undone) before the window reads the keys and tabs.
    if (options.resumeRotations !== false) await rotation.resume().catch((error: unknown) => options.onUnexpectedError?.('start-up: resume rotations', error));
  }

  return {
    router,
    requests,
    keys,
    sandbox,
    gateway,
    pacer,
    collections: collectionService,
    rotation,
    dispose: async () => {
      rotation.dispose();
      await collectionService.close();
      rateLimitEvents.cancel();
      afterReply.drain();
      historyFile.flush();
      usageFile.flush();
      workspace.flush();
      accessLog.flush();
      keys.flush();
      options.metadata.close?.();
      await sandbox.stop();
    },
  };
}

/** A host without a file system for collections: every call fails with a sentence, nothing throws. */
const missingCollectionFiles: CollectionFiles = {
  list: async () => {
    throw Object.assign(new Error('Collections are not available in this host.'), { code: 'ENOSYS' });
  },
  read: async () => {
    throw Object.assign(new Error('Collections are not available in this host.'), { code: 'ENOSYS' });
  },
  write: async () => {
    throw Object.assign(new Error('Collections are not available in this host.'), { code: 'ENOSYS' });
  },
  rename: async () => {
    throw Object.assign(new Error('Collections are not available in this host.'), { code: 'ENOSYS' });
  },
  remove: async () => {
    throw Object.assign(new Error('Collections are not available in this host.'), { code: 'ENOSYS' });
  },
  watch: () => ({ ready: Promise.resolve(), close: async () => {} }),
};
