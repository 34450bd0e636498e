import type { CatalogEntry, ResponseView, SendRequestInput } from '../../../src-preload/contract';
import type { z } from 'zod';
import type {
  CollectionCreateInputSchema,
  CollectionMoveInputSchema,
  CollectionRenameInputSchema,
  CollectionSaveRequestInputSchema,
  CollectionSetVariablesInputSchema,
  RequestResolveInputSchema,
} from '../../../src-preload/contract/collections';
import type { ErrorCode } from '../../../src-preload/contract';
import { applyCaptures } from '../../helplane/collection/captures';
import type { CollectionFile, Entry, RequestFile } from '../../helplane/collection/model';
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
  resolve(input: Parsed<typeof RequestResolveInputSchema>) {
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
    return { preview, used: resolution.used, undefinedVariables: resolution.undefinedNames, problems: resolution.problems, environment };
  }

  /** requests:send: resolved in main when a collection context or variables are given; captures after a 2xx. */
  async send(input: SendRequestInput, options: { signal?: AbortSignal } = {}): Promise<ResponseView> {
    const { collection: context, variables, ...plain } = input;
    if (context === undefined && variables === undefined) return this.deps.send(plain, options);
    const record = this.deps.keys.find(input.keyId);
    const resolution = this.resolution(
      { name: 'send', method: plain.method, path: plain.path, params: [], query: plain.query ?? [], headers: plain.headers ?? [], ...(plain.body !== undefined ? { body: plain.body } : {}), captures: [], tests: [] },
      environmentOf(record),
      variables ?? [],
    );
    const blocking = resolution.problems[0];
    if (blocking) throw failureOf(blocking.code === 'invalid_field' ? { ...blocking, code: 'invalid_path' } : blocking);
    const resolved: SendRequestInput = {
      ...plain,
      path: resolution.preview.path ?? plain.path,
      ...(plain.query ? { query: resolution.preview.query.flatMap((q) => (Array.isArray(q.value) ? q.value.map((v) => ({ name: q.name, value: v })) : [{ name: q.name, value: q.value }])) } : {}),
      ...(plain.headers ? { headers: resolution.preview.headers } : {}),
      ...(resolution.preview.body !== undefined ? { body: resolution.preview.body } : {}),
    };
    const view = await this.deps.send(resolved, options);
    if (context?.requestPath === undefined) return view;
    const saved = this.deps.collections.readRequest(context.requestPath);
    if (!saved.ok || saved.value.request.captures.length === 0) return view;
    const result = applyCaptures(saved.value.request.captures, { status: view.status, body: view.large ? '' : view.body }, context.requestPath);
    if (!result.applied) return view;
    const kept = await this.withoutSecrets(result.variables);
    for (const entry of kept) this.runtime.set(entry.name, entry.value);
    const dropped = result.variables.filter((v) => !kept.includes(v)).map((v) => ({
      code: 'capture_failed' as const,
      file: context.requestPath,
      message: `${context.requestPath}: capture ${v.name} was not kept: its value holds an API key, which never leaves main.`,
    }));
    return { ...view, captured: { variables: kept, problems: [...result.problems, ...dropped] } };
  }

  private resolution(request: RequestFile, environment: string, extra: readonly Entry[]): Resolution {
    const snapshot = this.deps.collections.snapshot();
    const runtime = [...[...this.runtime].map(([name, v]) => ({ name, value: v })), ...extra];
    return resolveRequest(request, variableTable(snapshot.ok ? snapshot.value.collection : undefined, environment, runtime));
  }

  /** A captured value that holds a key is not kept nor returned (a capture must never carry a secret out). */
  private async withoutSecrets(entries: readonly Entry[]): Promise<Entry[]> {
    const secrets = await this.deps.secrets().catch(() => [] as readonly KnownSecret[]);
    return entries.filter((e) => findSecrets(`v: ${JSON.stringify(e.value)}\n`, 'capture', secrets).length === 0);
  }
}
