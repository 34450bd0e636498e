import { z } from 'zod';
import type { EventName, Operation } from './channels';
import { AppInfoSchema } from './app';
import {
  ExportIdInputSchema,
  ExportProgressSchema,
  ExportStartInputSchema,
  ExportStartedSchema,
} from './exports';
import { HistoryEntrySchema, HistoryListInputSchema } from './history';
import {
  ConversationDetailSchema,
  ConversationPageSchema,
  InspectorConversationInputSchema,
  InspectorConversationsInputSchema,
  InspectorSearchInputSchema,
  InspectorSearchResultSchema,
  // Support staff (issue 18, supa)
  ContactScanIdInputSchema,
  ContactScanInputSchema,
  ContactScanProgressSchema,
  ContactScanStartedSchema,
  TimelineIdInputSchema,
  TimelineMoreInputSchema,
  TimelineOpenInputSchema,
  TimelineProgressSchema,
  TimelineStartedSchema,
} from './inspector';
import {
  AddKeyInputSchema,
  CreateKeyInputSchema,
  CreatedKeySchema,
  DeleteResultSchema,
  KeyIdInputSchema,
  KeyMetaSchema,
  KeysChangedEventSchema,
  RenameKeyInputSchema,
  EditKeyInputSchema,
  RevokeResultSchema,
  KeyOptionsInputSchema,
  KeyUsageSchema,
} from './keys';
import { ScanFolderInputSchema, ScanReportSchema } from './scan';
import { NextPageInputSchema, ListRequestInputSchema, PagesExportInputSchema, PagesProgressSchema, WalkIdInputSchema, WalkStartedSchema } from './pagination';
import { RateLimitListSchema, RateLimitStateSchema } from './rate-limit';
import {
  BudgetCheckInputSchema,
  BudgetCheckSchema,
  CatalogSchema,
  RequestCancelInputSchema,
  ResponseViewSchema,
  SaveBodyInputSchema,
  SavedBodySchema,
  SendRequestInputSchema,
  SnippetInputSchema,
  SnippetSchema,
} from './requests';
import {
  ResponseSaveInputSchema,
  ResponseSearchInputSchema,
  ResponseSearchSchema,
  ResponseSliceInputSchema,
  ResponseSliceSchema,
  ResponseTreeInputSchema,
  ResponseTreeSchema,
} from './responses';
import { SandboxResetSchema } from './sandbox';
import { SaveProblemsEventSchema } from './save-problems';
import { SettingsSchema, SettingsUpdateSchema } from './settings';
import {
  CollectionCreateInputSchema,
  CollectionDeletedSchema,
  CollectionMoveInputSchema,
  CollectionOpenInputSchema,
  CollectionPathInputSchema,
  CollectionRenameInputSchema,
  CollectionSaveRequestInputSchema,
  CollectionSetVariablesInputSchema,
  CollectionSnapshotSchema,
  CollectionsChangedEventSchema,
  CollectionVariablesSavedSchema,
  OpenedRequestSchema,
  PickedFolderSchema,
  RequestResolutionSchema,
  RequestResolveInputSchema,
} from './collections';
import { AccessLogExportedSchema, AccessLogListInputSchema, AccessLogPageSchema } from './access-log';
import { ShowInFolderResultSchema } from './exports';
import { ImportCurlInputSchema, ImportedRequestSchema, WorkspaceSaveInputSchema, WorkspaceStateSchema } from './workspace';
import { RuntimeVariablesViewSchema, SetRuntimeVariableInputSchema } from './collections';
import { ResponseHistoryEntrySchema, ResponseHistoryGetInputSchema, ResponseHistoryListInputSchema, ResponseHistoryListSchema } from './response-history';
import { KeyReferencesMovedSchema, RotateGuidedInputSchema, RotateInputSchema, RotationIdInputSchema, RotationViewSchema, RotationsSchema } from './rotation';

/** For operations that take no argument. */
const NoInput = z.undefined();

/** Each operation's argument and reply schema. Main parses both; the renderer trusts the types. */
export const CONTRACT = {
  appInfo: { input: NoInput, output: AppInfoSchema },
  keysList: { input: NoInput, output: z.array(KeyMetaSchema) },
  keysAdd: { input: AddKeyInputSchema, output: KeyMetaSchema },
  keysCreate: { input: CreateKeyInputSchema, output: CreatedKeySchema },
  keysTest: { input: KeyIdInputSchema, output: KeyMetaSchema },
  keysRename: { input: RenameKeyInputSchema, output: KeyMetaSchema },
  keysEdit: { input: EditKeyInputSchema, output: KeyMetaSchema },
  keysRevoke: { input: KeyIdInputSchema, output: RevokeResultSchema },
  keysDelete: { input: KeyIdInputSchema, output: DeleteResultSchema },
  keysRefresh: { input: NoInput, output: z.array(KeyMetaSchema) },
  keysSetOptions: { input: KeyOptionsInputSchema, output: KeyMetaSchema },
  keysUsage: { input: KeyIdInputSchema, output: KeyUsageSchema },
  scanFolder: { input: ScanFolderInputSchema, output: ScanReportSchema },
  requestSend: { input: SendRequestInputSchema, output: ResponseViewSchema },
  inspectorSearch: { input: InspectorSearchInputSchema, output: InspectorSearchResultSchema },
  inspectorConversations: { input: InspectorConversationsInputSchema, output: ConversationPageSchema },
  inspectorConversation: { input: InspectorConversationInputSchema, output: ConversationDetailSchema },
  exportStart: { input: ExportStartInputSchema, output: ExportStartedSchema },
  exportCancel: { input: ExportIdInputSchema, output: z.object({ cancelled: z.boolean() }) },
  requestCancel: { input: RequestCancelInputSchema, output: z.object({ cancelled: z.boolean() }) },
  requestSnippet: { input: SnippetInputSchema, output: SnippetSchema },
  requestSaveBody: { input: SaveBodyInputSchema, output: SavedBodySchema },
  requestBudgetCheck: { input: BudgetCheckInputSchema, output: BudgetCheckSchema },
  catalogGet: { input: NoInput, output: CatalogSchema },
  rateLimitList: { input: NoInput, output: RateLimitListSchema },
  historyList: { input: HistoryListInputSchema, output: z.array(HistoryEntrySchema) },
  historyClear: { input: NoInput, output: z.object({ cleared: z.boolean() }) },
  settingsGet: { input: NoInput, output: SettingsSchema },
  settingsUpdate: { input: SettingsUpdateSchema, output: SettingsSchema },
  responseSlice: { input: ResponseSliceInputSchema, output: ResponseSliceSchema },
  responseSearch: { input: ResponseSearchInputSchema, output: ResponseSearchSchema },
  responseTree: { input: ResponseTreeInputSchema, output: ResponseTreeSchema },
  responseSave: { input: ResponseSaveInputSchema, output: SavedBodySchema },
  sandboxReset: { input: NoInput, output: SandboxResetSchema },
  requestNextPage: { input: NextPageInputSchema, output: ResponseViewSchema },
  requestFetchAllPages: { input: ListRequestInputSchema, output: WalkStartedSchema },
  requestCancelFetchAll: { input: WalkIdInputSchema, output: z.object({ cancelled: z.boolean() }) },
  requestExportPages: { input: PagesExportInputSchema, output: SavedBodySchema },
  // ─── Collections and variables (issue 16, c16) ───
  collectionsOpen: { input: CollectionOpenInputSchema, output: CollectionSnapshotSchema },
  collectionsCreate: { input: CollectionCreateInputSchema, output: CollectionSnapshotSchema },
  collectionsReadRequest: { input: CollectionPathInputSchema, output: OpenedRequestSchema },
  collectionsSaveRequest: { input: CollectionSaveRequestInputSchema, output: OpenedRequestSchema },
  collectionsRename: { input: CollectionRenameInputSchema, output: OpenedRequestSchema },
  collectionsDuplicate: { input: CollectionPathInputSchema, output: OpenedRequestSchema },
  collectionsMove: { input: CollectionMoveInputSchema, output: OpenedRequestSchema },
  collectionsDelete: { input: CollectionPathInputSchema, output: CollectionDeletedSchema },
  collectionsSetVariables: { input: CollectionSetVariablesInputSchema, output: CollectionVariablesSavedSchema },
  requestsResolve: { input: RequestResolveInputSchema, output: RequestResolutionSchema },
  collectionsPickFolder: { input: NoInput, output: PickedFolderSchema },
  /** The open collection as main has it now (after the window's own saves, renames and moves). */
  collectionsSnapshot: { input: NoInput, output: CollectionSnapshotSchema },
  workspaceLoad: { input: NoInput, output: WorkspaceStateSchema },
  workspaceSave: { input: WorkspaceSaveInputSchema, output: WorkspaceStateSchema },
  requestImportCurl: { input: ImportCurlInputSchema, output: ImportedRequestSchema },
  // ─── Access log and exports that serve (issue 18, supb) ───
  accessLogList: { input: AccessLogListInputSchema, output: AccessLogPageSchema },
  accessLogExport: { input: NoInput, output: AccessLogExportedSchema },
  exportShowInFolder: { input: ExportIdInputSchema, output: ShowInFolderResultSchema },
  // ─── Chaining and response history (issue 16, resp) ───
  collectionsSetRuntimeVariable: { input: SetRuntimeVariableInputSchema, output: RuntimeVariablesViewSchema },
  responsesHistoryList: { input: ResponseHistoryListInputSchema, output: ResponseHistoryListSchema },
  responsesHistoryGet: { input: ResponseHistoryGetInputSchema, output: ResponseHistoryEntrySchema },
  // ─── Support staff: contact scans and the Timeline (issue 18, supa) ───
  inspectorScanStart: { input: ContactScanInputSchema, output: ContactScanStartedSchema },
  inspectorScanCancel: { input: ContactScanIdInputSchema, output: z.object({ cancelled: z.boolean() }) },
  inspectorTimelineOpen: { input: TimelineOpenInputSchema, output: TimelineStartedSchema },
  inspectorTimelineMore: { input: TimelineMoreInputSchema, output: z.object({ resumed: z.boolean() }) },
  inspectorTimelineClose: { input: TimelineIdInputSchema, output: z.object({ closed: z.boolean() }) },
  // ─── Key rotation (issue 19) ───
  keysRotations: { input: NoInput, output: RotationsSchema },
  keysRotate: { input: RotateInputSchema, output: RotationViewSchema },
  keysRotateGuided: { input: RotateGuidedInputSchema, output: RotationViewSchema },
  keysRotationConfirm: { input: RotationIdInputSchema, output: RotationViewSchema },
  keysRotationRetry: { input: RotationIdInputSchema, output: RotationViewSchema },
  keysRotationDismiss: { input: RotationIdInputSchema, output: RotationsSchema },
} as const satisfies Record<Operation, { input: z.ZodType; output: z.ZodType }>;

export const EVENTS = {
  keysChanged: KeysChangedEventSchema,
  exportProgress: ExportProgressSchema,
  rateLimitChanged: RateLimitStateSchema,
  saveProblemsChanged: SaveProblemsEventSchema,
  pagesProgress: PagesProgressSchema,
  collectionsChanged: CollectionsChangedEventSchema,
  // Support staff (issue 18, supa)
  contactScanProgress: ContactScanProgressSchema,
  timelineProgress: TimelineProgressSchema,
  // Key rotation (issue 19)
  rotationsChanged: RotationsSchema,
  keyReferencesMoved: KeyReferencesMovedSchema,
} as const satisfies Record<EventName, z.ZodType>;

export type Input<O extends Operation> = z.input<(typeof CONTRACT)[O]['input']>;
export type ParsedInput<O extends Operation> = z.output<(typeof CONTRACT)[O]['input']>;
export type Output<O extends Operation> = z.output<(typeof CONTRACT)[O]['output']>;
export type EventPayload<E extends EventName> = z.output<(typeof EVENTS)[E]>;
