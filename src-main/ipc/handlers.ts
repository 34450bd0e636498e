import type { CatalogEntry, ImportedRequestView, Operation } from '../../src-preload/contract';
import type { AfterReply } from '../ports';
import type { AppInfoService } from '../services/app-info/app-info';
import type { HistoryService } from '../services/history/history-service';
import type { ExportService } from '../services/inspector/export-service';
import type { InspectorService } from '../services/inspector/inspector-service';
import type { ContactScanService } from '../services/inspector/contact-scan';
import type { TimelineService } from '../services/inspector/timeline-service';
import type { KeyService } from '../services/keys/key-service';
import type { KeyUsage } from '../services/keys/key-usage';
import type { KeyRotation } from '../services/keys/rotation/key-rotation';
import { scanFolder } from '../services/scan/leak-scanner';
import { AppFailure } from '../lib/errors';
import type { SandboxKeys } from '../services/keys/sandbox-keys';
import type { PaginationService } from '../services/pagination/pagination-service';
import type { RateLimitTracker } from '../services/rate-limit/rate-limit-tracker';
import type { RequestService } from '../services/requests/request-service';
import type { SnippetService } from '../services/requests/snippet-service';
import type { SettingsService } from '../services/settings/settings-service';
import type { CollectionWorkspace } from '../services/collections/collection-workspace';
import type { KeySecretsCache } from '../services/workspace/key-secrets-cache';
import type { WorkspaceService } from '../services/workspace/workspace-service';
import type { AccessLogService } from '../services/access-log/access-log-service';
import type { FinishedFiles } from '../services/inspector/finished-files';
import type { Handlers } from './router';

/** The services the handlers call (core/create-core.ts builds them). */
export interface Services {
  app: AppInfoService;
  keys: KeyService;
  sandboxKeys: SandboxKeys;
  requests: RequestService;
  snippets: SnippetService;
  /** The endpoint catalog, built once from the OpenAPI document. */
  catalog: CatalogEntry[];
  tracker: RateLimitTracker;
  history: HistoryService;
  settings: SettingsService;
  inspector: InspectorService;
  exports: ExportService;
  pagination: PaginationService;
  /** History, "Last used" and budgets are updated after each reply (lib/after-reply.ts). */
  afterReply: AfterReply;
  /** The open collection and variable resolution (issue 16). */
  collections: CollectionWorkspace;
  /** The system folder picker (desktop); refuses in words where there is none. */
  pickFolder: () => Promise<{ folder: string | null }>;
  /** Open tabs and drafts (scrubbed of the secrets `keySecrets` holds). */
  workspace: WorkspaceService;
  keySecrets: KeySecretsCache;
  /** Import curl with the stored keys: the reply names a matched key by id, never the pasted value. */
  importCurl: (command: string) => Promise<ImportedRequestView>;
  /** Requests per key and day from this computer (Details → Key usage). */
  usage: KeyUsage;
  /** Access log (issue 18): contacts and conversations opened, exports. */
  accessLog: AccessLogService;
  /** Finished exports by id, for Show in folder. */
  finishedFiles: FinishedFiles;
  // Support staff (issue 18, supa): paced contact scans (company, phone, id) and contact timelines.
  contactScan: ContactScanService;
  timeline: TimelineService;
  /** Key rotation (issue 19): plans in rotation.json, resumed or rolled back on start. */
  rotation: KeyRotation;
}

/**
 * The operations that read what the after-reply work updates: each drains it first, so it sees
 * every exchange that has replied. Declared once, here; a new reader of History, the key list or a
 * budget is added to this list.
 */
export const SETTLED_READS: ReadonlySet<Operation> = new Set<Operation>(['keysList', 'requestBudgetCheck', 'rateLimitList', 'historyList', 'historyClear', 'keysUsage']);

/** Each operation is one service call: no logic here. */
export function createHandlers(s: Services): Handlers {
  const handlers: Handlers = {
    appInfo: () => s.app.info(),
    keysList: async () => s.keys.list(),
    keysAdd: (input) => s.keys.add(input),
    keysCreate: (input) => s.keys.create(input.name),
    keysTest: (input) => s.keys.test(input.id),
    keysRename: async (input) => s.keys.rename(input.id, input.name),
    keysEdit: async (input) => s.keys.edit(input),
    keysRevoke: async (input) => {
      s.rotation.refuseLosing(input.id, 'revoked');
      return s.keys.revoke(input.id);
    },
    keysDelete: async (input) => {
      s.rotation.refuseLosing(input.id, 'deleted');
      const result = await s.keys.delete(input.id);
      // Its usage counts go with it (a key of the same id never comes back).
      if (result.deleted) s.usage.forget(input.id);
      return result;
    },
    keysRefresh: () => s.sandboxKeys.refresh(),
    keysSetOptions: async (input) => s.keys.setOptions(input),
    scanFolder: async (input) => {
      // The stored keys' values are read here, in main, and searched for; the reply names keys, never values.
      const secrets = await s.keySecrets.named().catch((error: unknown) => {
        throw new AppFailure('keychain_unavailable', `The scan needs the stored keys to look for them, and the keychain refused: ${error instanceof Error ? error.message : String(error)}`);
      });
      return scanFolder({ folder: input.folder, secrets, maxFileBytes: input.maxFileMb * 1024 * 1024 });
    },
    keysUsage: async (input) => {
      s.keys.find(input.id);
      return s.usage.usage(input.id);
    },
    // Plain sends go straight to the engine; with a collection context, variables are resolved first.
    requestSend: (input) => s.collections.send(input),
    requestCancel: async (input) => ({ cancelled: s.requests.cancel(input.requestId) }),
    // Both show the request as sent: `{{name}}` resolved by the collection workspace first.
    requestSaveBody: (input) => s.collections.saveBody(input),
    requestSnippet: (input) => s.collections.snippet(input),
    requestBudgetCheck: async (input) => ({ warning: s.tracker.warning(input.keyId) }),
    catalogGet: async () => ({ entries: s.catalog }),
    rateLimitList: async () => ({ budgets: s.tracker.list() }),
    historyList: async (input) => s.history.list(input?.filter),
    historyClear: async () => s.history.clear(),
    settingsGet: async () => s.settings.get(),
    settingsUpdate: async (input) => s.settings.update(input),
    responseSlice: async (input) => s.requests.responses.slice(input.responseId, input.fromLine, input.count),
    responseSearch: async (input) => s.requests.responses.search(input.responseId, input.query, input.limit),
    responseTree: async (input) => s.requests.responses.tree(input.responseId, input.line, input.offset, input.limit),
    responseSave: (input) => s.requests.saveStored(input.responseId),
    inspectorSearch: (input) => s.inspector.search(input.keyId, input.query, input.searchId, input.cursor),
    inspectorConversations: (input) => s.inspector.conversations(input.keyId, input.contactId, input.cursor),
    inspectorConversation: (input) => s.inspector.conversation(input.keyId, input.conversationId),
    exportStart: (input) => s.exports.start(input),
    exportCancel: async (input) => ({ cancelled: s.exports.cancel(input.exportId) }),
    sandboxReset: () => s.sandboxKeys.resetSandbox(),
    requestNextPage: (input) => s.pagination.nextPage(input),
    requestFetchAllPages: async (input) => s.pagination.fetchAll(input),
    requestCancelFetchAll: async (input) => ({ cancelled: s.pagination.cancel(input.walkId) }),
    requestExportPages: (input) => s.pagination.export(input),
    // ─── Collections and variables (issue 16, c16) ───
    collectionsOpen: (input) => s.collections.open(input.folder),
    collectionsCreate: (input) => s.collections.create(input),
    collectionsReadRequest: async (input) => s.collections.readRequest(input.path),
    collectionsSaveRequest: (input) => s.collections.saveRequest(input),
    collectionsRename: (input) => s.collections.rename(input),
    collectionsDuplicate: (input) => s.collections.duplicate(input.path),
    collectionsMove: (input) => s.collections.move(input),
    collectionsDelete: (input) => s.collections.delete(input.path),
    collectionsSetVariables: (input) => s.collections.setVariables(input),
    requestsResolve: async (input) => s.collections.resolve(input),
    collectionsPickFolder: () => s.pickFolder(),
    collectionsSnapshot: async () => s.collections.snapshot(),
    workspaceLoad: async () => ({ ...s.workspace.tabs.state(), warnings: [] }),
    workspaceSave: async (input) => s.workspace.save(input, await s.keySecrets.secrets()),
    requestImportCurl: (input) => s.importCurl(input.command),
    // ─── Access log and exports that serve (issue 18, supb) ───
    accessLogList: async (input) => s.accessLog.list(input.offset, input.limit),
    accessLogExport: () => s.accessLog.exportCopy(),
    exportShowInFolder: async (input) => s.finishedFiles.showInFolder(input.exportId),
    // ─── Chaining and response history (issue 16, resp) ───
    collectionsSetRuntimeVariable: (input) => s.collections.setRuntimeVariable(input),
    responsesHistoryList: async (input) => ({ responses: s.workspace.responses.list(input.tabId) }),
    responsesHistoryGet: async (input) => s.workspace.responses.get(input.tabId, input.responseId),
    // ─── Support staff: contact scans and the Timeline (issue 18, supa) ───
    inspectorScanStart: async (input) => s.contactScan.start(input.keyId, input.by, input.value),
    inspectorScanCancel: async (input) => ({ cancelled: s.contactScan.cancel(input.scanId) }),
    inspectorTimelineOpen: async (input) => s.timeline.open(input.keyId, input.contactId, input.window),
    inspectorTimelineMore: async (input) => ({ resumed: s.timeline.more(input.timelineId, input.window) }),
    inspectorTimelineClose: async (input) => ({ closed: s.timeline.close(input.timelineId) }),
    // Key rotation (issue 19)
    keysRotations: async () => ({ rotations: s.rotation.list() }),
    keysRotate: (input) => s.rotation.rotate(input),
    keysRotateGuided: (input) => s.rotation.rotateGuided(input),
    keysRotationConfirm: (input) => s.rotation.confirm(input.id),
    keysRotationRetry: (input) => s.rotation.retry(input.id),
    keysRotationDismiss: async (input) => {
      s.rotation.dismiss(input.id);
      return { rotations: s.rotation.list() };
    },
  };
  for (const op of SETTLED_READS) settle(handlers, op, s.afterReply);
  return handlers;
}

/** Wrap one handler so it drains the after-reply work before it reads. */
function settle<O extends Operation>(handlers: Handlers, op: O, afterReply: AfterReply): void {
  const read = handlers[op];
  handlers[op] = ((arg: Parameters<Handlers[O]>[0]) => {
    afterReply.drain();
    return read(arg);
  }) as Handlers[O];
}
