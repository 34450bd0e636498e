import type { CatalogEntry, ResponseView, SavedBody, SendRequestInput, SnippetLanguage } from '../../../src-preload/contract';
import { z } from 'zod';
import type { SnippetInputSchema } from '../../../src-preload/contract/requests';
import type {
  CollectionCreateInputSchema,
  CollectionMoveInputSchema,
  CollectionRenameInputSchema,
  CollectionSaveRequestInputSchema,
  CollectionSetVariablesInputSchema,
  RequestResolveInputSchema,
  SetRuntimeVariableInputSchema,
} from '../../../src-preload/contract/collections';
import type { ErrorCode } from '../../../src-preload/contract';
import { applyCaptures } from '../../helplane/collection/captures';
import { runTests } from '../../helplane/collection/assertions';
import { ENTRIES_MAX } from '../../helplane/collection/limits';
import { captureSchema, testSchema, VARIABLE_NAME, type Capture, type CollectionFile, type Entry, type RequestFile, type RequestTest } from '../../helplane/collection/model';
import { endpointSchemaCheck } from '../../helplane/openapi/response-check';
import { scrubPreview } from '../../helplane/collection/scrub-preview';
import type { CollectionProblem, CollectionProblemCode } from '../../helplane/collection/problems';
import { findSecrets, type KnownSecret } from '../../helplane/collection/secret-scan';
import { resolveRequest, variableTable, type Resolution } from '../../helplane/collection/variables';
import { AppFailure } from '../../lib/errors';
import type { EventSink, KeyRecord } from '../../ports';
import type { CollectionService, CollectionSnapshot, OpenedRequest, Outcome } from './collection-service';

/**
 * The collection operations as the IPC contract offers them: the CollectionService's outcomes turned
 * into AppFailures with the contract's codes, outside changes pushed as `collectionsChanged`, and the
 * variables a request is sent with (collection, the key's environment, runtime captures) resolved here,
 * in main. Runtime variables (captures, Use as variable) live for the open collection only.
 */

const CODES: Record<CollectionProblemCode, ErrorCode> = {
  parse_error: 'damaged_file',
  damaged_file: 'damaged_file',
  invalid_field: 'invalid_collection_field',
  too_large: 'collection_too_large',
  secret_in_file: 'secret_in_file',
  undefined_variable: 'undefined_variable',
  variable_loop: 'variable_loop',
  capture_failed: 'invalid_collection_field',
  name_taken: 'name_taken',
  not_found: 'not_found',
  changed_on_disk: 'changed_on_disk',
  invalid_path: 'invalid_argument',
  io_error: 'collection_io_error',
};

export const failureOf = (problem: CollectionProblem) => new AppFailure(CODES[problem.code], problem.message);

function value<T>(outcome: Outcome<T>): T {
  if (!outcome.ok) throw failureOf(outcome.problem);
  return outcome.value;
}

/** The name collections give a key's server: sandbox, production or custom:<origin>. */
export function environmentOf(record: Pick<KeyRecord, 'environment' | 'baseUrl'>): string {
  if (record.environment !== 'custom' || !record.baseUrl) return record.environment;
  try {
    return `custom:${new URL(record.baseUrl).origin}`;
  } catch {
    return 'custom';
  }
}

export interface CollectionWorkspaceDeps {
  collections: CollectionService;
  events: EventSink;
  keys: { find(id: string): KeyRecord };
  catalog: readonly CatalogEntry[];
  secrets: () => Promise<readonly KnownSecret[]>;
  send: (input: SendRequestInput, options?: { signal?: AbortSignal }) => Promise<ResponseView>;
  /** The whole text of a large body main keeps (ResponseView.large), for tests, captures and history. */
  largeBody?: (responseId: string) => string;
  /** Each tab's last responses (workspace/responses): a send with a tab id is kept there. */
  responses?: { add(tabId: string, response: HistoryResponse, secrets: readonly string[]): unknown };
  /** The stored keys' values, to scrub the responses kept. */
  secretValues?: () => Promise<readonly string[]>;
  onHistoryError?: (error: unknown) => void;
  snippet?: (input: Parsed<typeof SnippetInputSchema>) => Promise<{ language: SnippetLanguage; code: string }>;
  saveBody?: (input: SendRequestInput) => Promise<SavedBody>;
}

/** What the response history keeps of a reply. */
export type HistoryResponse = Pick<ResponseView, 'status' | 'statusText' | 'headers' | 'body' | 'bodyTruncated' | 'sizeBytes' | 'durationMs' | 'url'>;

const inlineCaptures = z.array(captureSchema).max(ENTRIES_MAX);
const inlineTests = z.array(testSchema).max(ENTRIES_MAX);

/** The tab's captures and tests, as the collection format checks them; refused in words naming the field. */
function checkedInline(context: NonNullable<SendRequestInput['collection']>): { captures?: Capture[]; tests?: RequestTest[] } {
  const out: { captures?: Capture[]; tests?: RequestTest[] } = {};
  for (const [field, schema] of [['captures', inlineCaptures], ['tests', inlineTests]] as const) {
    const given = context[field];
    if (given === undefined) continue;
    const parsed = schema.safeParse(given);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const at = [field, ...issue.path].map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? String(p) : `.${String(p)}`)).join('');
      throw new AppFailure('invalid_collection_field', `${at} ${issue.message}; fix it in the tab's ${field === 'tests' ? 'Tests' : 'captures'} before sending.`);
    }
    if (field === 'captures') out.captures = parsed.data as Capture[];
    else out.tests = parsed.data as RequestTest[];
  }
  return out;
}

type Parsed<S extends z.ZodType> = z.output<S>;

export class CollectionWorkspace {
  private readonly runtime = new Map<string, string>();

  constructor(private readonly deps: CollectionWorkspaceDeps) {
    deps.collections.onChange((change) => {
      deps.events.emit('collectionsChanged', {
        changed: change.changed,
        removed: change.removed,
        snapshot: change.snapshot ?? null,
        ...(change.gone ? { gone: change.gone } : {}),
      });
    });
  }

  async open(folder: string): Promise<CollectionSnapshot> {
    const opened = await this.deps.collections.open(folder);
    this.runtime.clear();
    if (!opened.ok && (opened.problem.code === 'not_found' || opened.problem.code === 'invalid_path')) {
      throw new AppFailure('not_a_folder', `${folder} is not an existing folder; choose a folder that exists.`);
    }
    return value(opened);
  }

  /** A collection file named `name` in the existing folder `folder`, then the folder opened. */
  async create(input: Parsed<typeof CollectionCreateInputSchema>): Promise<CollectionSnapshot> {
    await this.open(input.folder);
    value(await this.deps.collections.saveCollection({ name: input.name, variables: [], environments: [] }, { baseRevision: null }));
    return value(this.deps.collections.snapshot());
  }

  /** The open collection now: the window asks after its own changes (which the watcher does not report). */
  snapshot(): CollectionSnapshot {
    return value(this.deps.collections.snapshot());
  }

  readRequest(path: string): OpenedRequest {
    return value(this.deps.collections.readRequest(path));
  }

  async saveRequest(input: Parsed<typeof CollectionSaveRequestInputSchema>): Promise<OpenedRequest> {
    const request = input.request as RequestFile;
    if (input.path === undefined) return value(await this.deps.collections.createRequest(input.folder ?? '', request));
    return value(
      await this.deps.collections.saveRequest(input.path, request, {
        baseRevision: input.baseRevision,
        ...(input.replaceDiskVersion ? { replaceDiskVersion: true } : {}),
      }),
    );
  }

  async rename(input: Parsed<typeof CollectionRenameInputSchema>): Promise<OpenedRequest> {
    return value(await this.deps.collections.renameRequest(input.path, input.name));
  }

  async duplicate(path: string): Promise<OpenedRequest> {
    return value(await this.deps.collections.duplicateRequest(path));
  }

  async move(input: Parsed<typeof CollectionMoveInputSchema>): Promise<OpenedRequest> {
    return value(await this.deps.collections.moveRequest(input.path, input.folder));
  }

  async delete(path: string): Promise<{ path: string }> {
    return value(await this.deps.collections.deleteRequest(path));
  }

  /** Collection variables, and each given environment's (the others kept), in the collection file. */
  async setVariables(input: Parsed<typeof CollectionSetVariablesInputSchema>): Promise<{ collection: CollectionFile; revision: string }> {
    const current = value(this.deps.collections.snapshot()).collection;
    const given = new Map(input.environments.map((e) => [e.environment, e.variables]));
    const environments = current.environments.map((e) => ({ environment: e.environment, variables: given.get(e.environment) ?? e.variables }));
    for (const [environment, variables] of given) if (!current.environments.some((e) => e.environment === environment)) environments.push({ environment, variables });
    const next: CollectionFile = { name: current.name, variables: input.variables, environments: environments.filter((e) => e.variables.length > 0) };
    return value(
      await this.deps.collections.saveCollection(next, {
        baseRevision: input.baseRevision,
        ...(input.replaceDiskVersion ? { replaceDiskVersion: true } : {}),
      }),
    );
  }

  /** The draft as it would be sent with `keyId`: every `{{name}}` replaced, and what is missing. */
  async resolve(input: Parsed<typeof RequestResolveInputSchema>) {
    const record = this.deps.keys.find(input.keyId);
    const environment = environmentOf(record);
    const draft = input.request;
    const resolution = this.resolution({ name: 'draft', captures: [], tests: [], ...draft } as RequestFile, environment, input.variables ?? []);
    const preview = { ...resolution.preview };
    const entry = draft.endpoint !== undefined ? this.deps.catalog.find((e) => e.id === draft.endpoint) : undefined;
    if (entry && preview.path === undefined) {
      // The endpoint's path with its parameters filled in, as the builder will send it.
      preview.path = entry.path.replace(/\{([^}]+)\}/g, (whole, name: string) => {
        const param = preview.params.find((p) => p.name === name);
        return param && param.value !== '' ? encodeURIComponent(param.value) : whole;
      });
    }
    // The reply never carries a key (a value typed or put there by a variable): scrubbed as History is.
    // What the keychain gives (a refused read costs only that key), else the named list.
    const secrets = await (this.deps.secretValues?.() ?? this.deps.secrets().then((list) => list.map((k) => k.value))).catch(() => [] as readonly string[]);
    return { preview: scrubPreview(preview, secrets), used: resolution.used, undefinedVariables: resolution.undefinedNames, problems: resolution.problems, environment };
  }

  /** requests:send: resolved in main when a collection context or variables are given; captures after a 2xx, the tab's tests, its response history. */
  async send(input: SendRequestInput, options: { signal?: AbortSignal } = {}): Promise<ResponseView> {
    const { collection: context, tabId } = input;
    // The tab's own captures and tests are checked with the collection format before anything goes out.
    const inline = context ? checkedInline(context) : undefined;
    const resolved = this.resolvedInput(input);
    const view = await this.deps.send(resolved, options);
    const text = view.large ? this.largeText(view.large.responseId) : view.body;
    if (tabId !== undefined) await this.keep(tabId, view, text);
    if (context === undefined) return view;
    const saved = context.requestPath !== undefined && (inline?.captures === undefined || inline.tests === undefined) ? this.deps.collections.readRequest(context.requestPath) : undefined;
    const captures = inline?.captures ?? (saved?.ok ? saved.value.request.captures : []);
    const tests = inline?.tests ?? (saved?.ok ? saved.value.request.tests : []);
    let out = view;
    if (tests.length > 0) {
      const results = runTests(tests, { status: view.status, headers: view.headers.map((h) => [h.name, h.value] as const), body: text, durationMs: view.durationMs }, endpointSchemaCheck(resolved.method, resolved.path));
      out = { ...out, testResults: results };
    }
    if (captures.length === 0) return out;
    const where = context.requestPath ?? 'this tab';
    const result = applyCaptures(captures, { status: view.status, body: text }, where);
    if (!result.applied) return out;
    const kept = await this.withoutSecrets(result.variables);
    for (const entry of kept) this.runtime.set(entry.name, entry.value);
    const refused = result.variables.filter((v) => !kept.includes(v));
    // A name that is itself a key is not named in the words either.
    const safeNames = new Set((await this.withoutSecrets(refused.map((v) => ({ name: v.name, value: '' })))).map((v) => v.name));
    const dropped = refused.map((v) => ({
      code: 'capture_failed' as const,
      file: where,
      message: safeNames.has(v.name)
        ? `${where}: capture ${v.name} was not kept: its value holds an API key, which never leaves main.`
        : `${where}: a capture was not kept: its variable name holds an API key, which never leaves main.`,
    }));
    return { ...out, captured: { variables: kept, problems: [...result.problems, ...dropped] } };
  }

  /** The request as it goes out: `{{name}}` replaced when a context or variables are given; refused naming what is undefined. */
  resolvedInput(input: SendRequestInput): SendRequestInput {
    const { collection: context, variables, tabId: _tab, ...plain } = input;
    if (context === undefined && variables === undefined) return plain;
    const record = this.deps.keys.find(input.keyId);
    const resolution = this.resolution(
      { name: 'send', method: plain.method, path: plain.path, params: [], query: plain.query ?? [], headers: plain.headers ?? [], ...(plain.body !== undefined ? { body: plain.body } : {}), captures: [], tests: [] },
      environmentOf(record),
      variables ?? [],
    );
    const blocking = resolution.problems[0];
    if (blocking) throw failureOf(blocking.code === 'invalid_field' ? { ...blocking, code: 'invalid_path' } : blocking);
    return {
      ...plain,
      path: resolution.preview.path ?? plain.path,
      ...(plain.query ? { query: resolution.preview.query.flatMap((q) => (Array.isArray(q.value) ? q.value.map((v) => ({ name: q.name, value: v })) : [{ name: q.name, value: q.value }])) } : {}),
      ...(plain.headers ? { headers: resolution.preview.headers } : {}),
      ...(resolution.preview.body !== undefined ? { body: resolution.preview.body } : {}),
    };
  }

  /** Copy as code: the snippet of the resolved request (never a `{{name}}`). */
  async snippet(input: Parsed<typeof SnippetInputSchema>) {
    if (!this.deps.snippet) throw new AppFailure('internal_error', 'Copy as code is not available here.');
    return this.deps.snippet({ ...input, request: this.resolvedInput(input.request) });
  }

  /** Save to file: the resolved request's whole body. */
  async saveBody(input: SendRequestInput) {
    if (!this.deps.saveBody) throw new AppFailure('internal_error', 'Save to file is not available here.');
    return this.deps.saveBody(this.resolvedInput(input));
  }

  /** Use as variable: a runtime variable (highest precedence, until another collection is opened); a value holding a key is refused. */
  async setRuntimeVariable(input: Parsed<typeof SetRuntimeVariableInputSchema>): Promise<{ variables: Entry[] }> {
    if (!VARIABLE_NAME.test(input.name)) {
      throw new AppFailure('invalid_argument', `“${input.name}” is not a variable name: start with a letter or _, then letters, digits, _ . or -.`);
    }
    // The name is checked too: it is echoed back, and a name that is a key would carry it out.
    const kept = await this.withoutSecrets([{ name: 'name', value: input.name }, { name: input.name, value: input.value }]);
    if (kept.length < 2) throw new AppFailure('invalid_argument', `The variable was not set: its ${kept[0]?.name === 'name' ? 'value' : 'name'} holds an API key, and a key is never kept in a variable.`);
    this.runtime.set(input.name, input.value);
    return this.runtimeVariables();
  }

  runtimeVariables(): { variables: Entry[] } {
    return { variables: [...this.runtime].map(([name, v]) => ({ name, value: v })) };
  }

  private largeText(responseId: string): string {
    try {
      return this.deps.largeBody?.(responseId) ?? '';
    } catch {
      // Dropped from the store already (its cap): tests and captures then see no body, in words.
      return '';
    }
  }

  /** The reply goes into the tab's history (scrubbed there once more); a failure to keep it never fails the send. */
  private async keep(tabId: string, view: ResponseView, body: string): Promise<void> {
    if (!this.deps.responses) return;
    try {
      const secrets = await (this.deps.secretValues?.() ?? Promise.resolve([] as readonly string[]));
      this.deps.responses.add(tabId, { status: view.status, statusText: view.statusText, headers: view.headers, body, bodyTruncated: view.bodyTruncated, sizeBytes: view.sizeBytes, durationMs: view.durationMs, url: view.url }, secrets);
    } catch (error) {
      this.deps.onHistoryError?.(error);
    }
  }

  private resolution(request: RequestFile, environment: string, extra: readonly Entry[]): Resolution {
    const snapshot = this.deps.collections.snapshot();
    const runtime = [...[...this.runtime].map(([name, v]) => ({ name, value: v })), ...extra];
    return resolveRequest(request, variableTable(snapshot.ok ? snapshot.value.collection : undefined, environment, runtime));
  }

  /** A captured value that holds a key is not kept nor returned (a capture must never carry a secret out). */
  private async withoutSecrets(entries: readonly Entry[]): Promise<Entry[]> {
    const secrets = await this.deps.secrets().catch(() => [] as readonly KnownSecret[]);
    // The name too: a tab's capture names its variable freely, and names are echoed back.
    return entries.filter((e) => findSecrets(`n: ${JSON.stringify(e.name)}\nv: ${JSON.stringify(e.value)}\n`, 'capture', secrets).length === 0);
  }
}
