/**
 * Channel names: the only place a channel string is written. Plain constants, no imports,
 * so the sandboxed preload can bundle them without zod.
 */
export const INVOKE_CHANNELS = {
  appInfo: 'app:info',
  keysList: 'keys:list',
  keysAdd: 'keys:add',
  keysCreate: 'keys:create',
  keysTest: 'keys:test',
  keysRename: 'keys:rename',
  keysEdit: 'keys:edit',
  keysRevoke: 'keys:revoke',
  keysDelete: 'keys:delete',
  keysRefresh: 'keys:refresh',
  keysSetOptions: 'keys:setOptions',
  keysUsage: 'keys:usage',
  scanFolder: 'scan:folder',
  requestSend: 'request:send',
  inspectorSearch: 'inspector:search',
  inspectorConversations: 'inspector:conversations',
  inspectorConversation: 'inspector:conversation',
  exportStart: 'export:start',
  exportCancel: 'export:cancel',
  requestCancel: 'request:cancel',
  requestSaveBody: 'request:save-body',
  requestSnippet: 'request:snippet',
  requestBudgetCheck: 'request:budget-check',
  catalogGet: 'catalog:get',
  rateLimitList: 'rate-limit:list',
  historyList: 'history:list',
  historyClear: 'history:clear',
  settingsGet: 'settings:get',
  settingsUpdate: 'settings:update',
  responseSlice: 'response:slice',
  responseSearch: 'response:search',
  responseTree: 'response:tree',
  responseSave: 'response:save',
  sandboxReset: 'sandbox:reset',
  requestNextPage: 'requests:nextPage',
  requestFetchAllPages: 'requests:fetchAllPages',
  requestCancelFetchAll: 'requests:cancelFetchAll',
  requestExportPages: 'requests:exportPages',
  // ─── Collections and variables (issue 16, c16) ───
  collectionsOpen: 'collections:open',
  collectionsCreate: 'collections:create',
  collectionsReadRequest: 'collections:readRequest',
  collectionsSaveRequest: 'collections:saveRequest',
  collectionsRename: 'collections:rename',
  collectionsDuplicate: 'collections:duplicate',
  collectionsMove: 'collections:move',
  collectionsDelete: 'collections:delete',
  collectionsSetVariables: 'collections:setVariables',
  requestsResolve: 'requests:resolve',
  collectionsPickFolder: 'collections:pickFolder',
  collectionsSnapshot: 'collections:snapshot',
  workspaceLoad: 'workspace:load',
  workspaceSave: 'workspace:save',
  requestImportCurl: 'requests:importCurl',
  // ─── Access log and exports that serve (issue 18, supb) ───
  accessLogList: 'access-log:list',
  accessLogExport: 'access-log:export',
  exportShowInFolder: 'export:show-in-folder',
  // ─── Chaining and response history (issue 16, resp) ───
  collectionsSetRuntimeVariable: 'collections:setRuntimeVariable',
  responsesHistoryList: 'responses:historyList',
  responsesHistoryGet: 'responses:historyGet',
  // ─── Support staff: contact scans and the Timeline (issue 18, supa) ───
  inspectorScanStart: 'inspector:scanStart',
  inspectorScanCancel: 'inspector:scanCancel',
  inspectorTimelineOpen: 'inspector:timelineOpen',
  inspectorTimelineMore: 'inspector:timelineMore',
  inspectorTimelineClose: 'inspector:timelineClose',
  // ─── Key rotation (issue 19) ───
  keysRotations: 'keys:rotations',
  keysRotate: 'keys:rotate',
  keysRotateGuided: 'keys:rotateGuided',
  keysRotationConfirm: 'keys:rotationConfirm',
  keysRotationRetry: 'keys:rotationRetry',
  keysRotationDismiss: 'keys:rotationDismiss',
} as const;

export const EVENT_CHANNELS = {
  keysChanged: 'event:keys-changed',
  exportProgress: 'event:export-progress',
  rateLimitChanged: 'event:rate-limit-changed',
  saveProblemsChanged: 'event:save-problems-changed',
  pagesProgress: 'event:pages-progress',
  // Collections (issue 16, c16): files changed outside the console.
  collectionsChanged: 'event:collections-changed',
  // Support staff (issue 18, supa): a contact scan's and a timeline's progress.
  contactScanProgress: 'event:contact-scan-progress',
  timelineProgress: 'event:timeline-progress',
  // Key rotation (issue 19): the rotations' steps, and references main moved from one key to another.
  rotationsChanged: 'event:rotations-changed',
  keyReferencesMoved: 'event:key-references-moved',
} as const;

export type Operation = keyof typeof INVOKE_CHANNELS;
export type InvokeChannel = (typeof INVOKE_CHANNELS)[Operation];
export type EventName = keyof typeof EVENT_CHANNELS;
export type EventChannel = (typeof EVENT_CHANNELS)[EventName];

/** The channel string of one operation: `ChannelOf<'keysList'>` is `'keys:list'`. */
export type ChannelOf<O extends Operation> = (typeof INVOKE_CHANNELS)[O];
/** The operation a channel string names: `OperationOf<'keys:list'>` is `'keysList'`. */
export type OperationOf<C extends InvokeChannel> = {
  [O in Operation]: (typeof INVOKE_CHANNELS)[O] extends C ? O : never;
}[Operation];
/** The channel an event is sent on: `EventChannelOf<'keysChanged'>` is `'event:keys-changed'`. */
export type EventChannelOf<E extends EventName> = (typeof EVENT_CHANNELS)[E];

export const OPERATIONS = Object.keys(INVOKE_CHANNELS) as Operation[];
export const EVENT_NAMES = Object.keys(EVENT_CHANNELS) as EventName[];

const byChannel = new Map<string, Operation>(
  OPERATIONS.map((op) => [INVOKE_CHANNELS[op], op] as const),
);

/** The operation a channel string names, or undefined for anything unknown. */
export function operationForChannel(channel: string): Operation | undefined {
  return byChannel.get(channel);
}

/** The name of the function on `window.helplane` that subscribes to an event: `onKeysChanged`. */
export function listenerName(event: EventName): `on${Capitalize<EventName>}` {
  return `on${event.charAt(0).toUpperCase()}${event.slice(1)}` as `on${Capitalize<EventName>}`;
}
