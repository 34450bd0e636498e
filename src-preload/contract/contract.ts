import { z } from 'zod';
import type { EventName, Operation } from './channels';
import {
  AddKeyInputSchema,
  AppInfoSchema,
  KeyMetaSchema,
  KeysChangedEventSchema,
  ResponseViewSchema,
  SendRequestInputSchema,
} from './schemas';
import {
  ConversationDetailSchema,
  ConversationPageSchema,
  ExportIdInputSchema,
  ExportProgressSchema,
  ExportStartInputSchema,
  ExportStartedSchema,
  InspectorConversationInputSchema,
  InspectorConversationsInputSchema,
  InspectorSearchInputSchema,
  InspectorSearchResultSchema,
} from './schemas-inspector';
import {
  BudgetCheckInputSchema,
  BudgetCheckSchema,
  CatalogSchema,
  HistoryEntrySchema,
  HistoryListInputSchema,
  RateLimitListSchema,
  RateLimitStateSchema,
  RequestCancelInputSchema,
  SaveBodyInputSchema,
  SavedBodySchema,
  SettingsSchema,
  SettingsUpdateSchema,
  SnippetInputSchema,
  SnippetSchema,
} from './schemas-requests';

/** For operations that take no argument. */
const NoInput = z.undefined();

/** Each operation's argument and reply schema. Main parses both; the renderer trusts the types. */
export const CONTRACT = {
  appInfo: { input: NoInput, output: AppInfoSchema },
  keysList: { input: NoInput, output: z.array(KeyMetaSchema) },
  keysAdd: { input: AddKeyInputSchema, output: KeyMetaSchema },
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
} as const satisfies Record<Operation, { input: z.ZodType; output: z.ZodType }>;

export const EVENTS = {
  keysChanged: KeysChangedEventSchema,
  exportProgress: ExportProgressSchema,
  rateLimitChanged: RateLimitStateSchema,
} as const satisfies Record<EventName, z.ZodType>;

export type Input<O extends Operation> = z.input<(typeof CONTRACT)[O]['input']>;
export type ParsedInput<O extends Operation> = z.output<(typeof CONTRACT)[O]['input']>;
export type Output<O extends Operation> = z.output<(typeof CONTRACT)[O]['output']>;
export type EventPayload<E extends EventName> = z.output<(typeof EVENTS)[E]>;
