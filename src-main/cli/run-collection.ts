import type { CatalogEntry, HttpMethod, ResponseView, SendRequestInput } from '../../src-preload/contract';
import { HttpMethodSchema } from '../../src-preload/contract/requests';
import { runTests, type TestOutcome } from '../helplane/collection/assertions';
import { endpointSchemaCheck } from '../helplane/openapi/response-check';
import { applyCaptures } from '../helplane/collection/captures';
import type { CollectionFile, Entry, RequestFile } from '../helplane/collection/model';
import { resolveRequest, variableTable, type ResolvedRequest } from '../helplane/collection/variables';
import { AppFailure } from '../lib/errors';
import type { TreeFolder } from '../services/collections/collection-tree';
import type { BudgetPacer, BudgetReading } from '../services/rate-limit/budget-pacer';
import { budgetIdOf } from '../services/rate-limit/budget';
import type { KeyChooser } from './key-choice';
import { summarise, REPORT_SCHEMA_VERSION, type RequestReport, type RunReport } from './run-report';

/**
 * Runs a collection's requests one after another, as the window sends them: through the request
 * engine (origin rule, redaction, redirect policy, size caps), variables resolved in main (runtime
 * captures over the environment's over the collection's), captures after a 2xx feeding the
 * requests after, each request's tests by the one evaluator (helplane/collection/assertions.ts).
 * Paced by the one budget model (BudgetPacer: never a 429 the server's headers let it avoid); a
 * 429 (someone else spent the budget) is waited out as its Retry-After says and sent again.
 */

/** A 429 is sent again at most this many times (as the export and Fetch all pages do). */
export const MAX_RETRIES_PER_REQUEST = 20;
/** A Retry-After longer than this fails the request instead of holding a CI job for it. */
export const MAX_RETRY_AFTER_SECONDS = 300;
/** A 429 that says nothing of when to come back is retried after this. */
const BARE_429_WAIT_MS = 1000;

/** Failures that are the key's or the keychain's: the run stops with exit 3. */
export const KEY_FAILURE_CODES = new Set(['keychain_unavailable', 'keychain_locked', 'keychain_write_failed', 'secret_missing', 'key_not_found']);

export class KeyUnavailable extends Error {
  readonly code = 'key_unavailable';
}

export interface RunnerDeps {
  send: (input: SendRequestInput) => Promise<ResponseView>;
  /** The whole (scrubbed) body of a large reply, kept in main's response store. */
  largeBody: (responseId: string) => string;
  originFor: (keyId: string) => Promise<string>;
  /** The budget a key's next request spends from, as the tracker knows it (gateway.budgetFor). */
  budgetFor: (keyId: string) => Promise<string>;
  pacer: BudgetPacer;
  catalog: readonly CatalogEntry[];
  now: () => number;
  sleep: (ms: number) => Promise<void>;
}

export interface RunInput {
  folder: string;
  collection: CollectionFile;
  tree: TreeFolder;
  readRequest: (path: string) => RequestFile;
  environment: string;
  keys: KeyChooser;
  bail: boolean;
  onStart?: (index: number, total: number, file: string, name: string) => void;
  onDone?: (index: number, total: number, report: RequestReport) => void;
}

/** The requests in the order the Collection tree shows them: each folder's folders first, then its requests by `order` and name. */
export function runOrder(tree: TreeFolder): string[] {
  const paths: string[] = [];
  const walk = (folder: TreeFolder) => {
    for (const child of folder.children) {
      if (child.kind === 'folder') walk(child);
      else if (child.kind === 'request') paths.push(child.path);
    }
  };
  walk(tree);
  return paths;
}

/** The engine's input for a resolved request: a catalog endpoint's path filled from its parameters. */
function sendInput(keyId: string, resolved: ResolvedRequest, catalog: readonly CatalogEntry[]): SendRequestInput {
  const method = HttpMethodSchema.safeParse(resolved.method);
  if (!method.success) throw new AppFailure('invalid_argument', `The method ${resolved.method} cannot be sent; use one of ${HttpMethodSchema.options.join(', ')}.`);
  let path = resolved.path;
  if (path === undefined) {
    const entry = catalog.find((e) => e.id === resolved.endpoint);
    if (!entry) throw new AppFailure('invalid_collection_field', `There is no catalog endpoint “${resolved.endpoint}”; use a path instead.`);
    path = entry.path.replace(/\{([^}]+)\}/g, (_whole, name: string) => {
      const param = resolved.params.find((p) => p.name === name);
      if (!param || param.value === '') throw new AppFailure('invalid_collection_field', `The endpoint ${entry.id} needs its path parameter ${name} (params: ${name}: …).`);
      return encodeURIComponent(param.value);
    });
  }
  const query = resolved.query.flatMap((q) => (Array.isArray(q.value) ? q.value.map((v) => ({ name: q.name, value: v })) : [{ name: q.name, value: q.value }]));
  return {
    keyId,
    method: method.data as HttpMethod,
    path,
    ...(query.length ? { query } : {}),
    ...(resolved.headers.length ? { headers: resolved.headers } : {}),
    ...(resolved.body !== undefined ? { body: resolved.body } : {}),
  };
}

const readingOf = (view: ResponseView): BudgetReading => {
  const r = view.rateLimit;
  return { remaining: r.remaining, limit: r.limit, windowSeconds: r.windowSeconds ?? null, retryAfterSeconds: r.retryAfterSeconds, resetAt: r.resetAt, burst: r.burst };
};

export async function runCollection(deps: RunnerDeps, input: RunInput): Promise<RunReport> {
  const startedAt = deps.now();
  const order = runOrder(input.tree);
  const runtime = new Map<string, string>();
  const reports: RequestReport[] = [];
  const origins = new Map<string, string>();
  const budgets = new Map<string, string>();
  const originOf = async (keyId: string) => origins.get(keyId) ?? origins.set(keyId, await deps.originFor(keyId)).get(keyId)!;
  let bailed = false;

  // Every key first: a key that is missing stops the run before its first request (exit 3).
  const requests = order.map((file) => ({ file, request: input.readRequest(file) }));
  const choices = requests.map(({ request }) => input.keys.choose(request.key));
  const missing = choices.find((c) => !c.ok);
  if (missing && !missing.ok) throw new KeyUnavailable(missing.message);

  for (const [index, { file, request }] of requests.entries()) {
    const choice = choices[index]!;
    const key = choice.ok ? choice.key : null;
    const base: RequestReport = {
      file,
      name: request.name,
      method: request.method,
      url: null,
      key: key?.name ?? null,
      outcome: 'skipped',
      status: null,
      durationMs: null,
      attempts: 0,
      rateLimited: 0,
      error: null,
      tests: [],
      captured: [],
      notes: [],
    };
    if (bailed) {
      reports.push(base);
      continue;
    }
    input.onStart?.(index, requests.length, file, request.name);
    const report = await runOne(deps, { ...input, runtime, originOf, budgets }, file, request, key!.id, base);
    reports.push(report);
    input.onDone?.(index, requests.length, report);
    if (input.bail && (report.outcome === 'failed' || report.outcome === 'error')) bailed = true;
  }
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    collection: { name: input.collection.name, folder: input.folder },
    environment: input.environment,
    startedAt: new Date(startedAt).toISOString(),
    durationMs: Math.round(deps.now() - startedAt),
    bailed,
    requests: reports,
    summary: summarise(reports),
  };
}

async function runOne(
  deps: RunnerDeps,
  ctx: RunInput & PaceContext & { runtime: Map<string, string> },
  file: string,
  request: RequestFile,
  keyId: string,
  report: RequestReport,
): Promise<RequestReport> {
  const runtime: Entry[] = [...ctx.runtime].map(([name, value]) => ({ name, value }));
  const resolution = resolveRequest(request, variableTable(ctx.collection, ctx.environment, runtime), file);
  const blocking = resolution.problems[0];
  if (blocking) return { ...report, outcome: 'error', error: { code: blocking.code, message: blocking.message } };
  let view: ResponseView;
  const sentTo = { method: '', path: '' };
  try {
    const sent = sendInput(keyId, resolution.preview, deps.catalog);
    Object.assign(sentTo, { method: sent.method, path: sent.path });
    view = await sendPaced(deps, ctx, sent, report);
  } catch (error) {
    if (error instanceof KeyUnavailable) throw error;
    if (error instanceof AppFailure && KEY_FAILURE_CODES.has(error.code)) throw new KeyUnavailable(error.message);
    const failure = error instanceof AppFailure ? { code: error.code, message: error.message } : { code: 'unexpected', message: error instanceof Error ? error.message : String(error) };
    return { ...report, outcome: 'error', error: failure };
  }
  const body = view.large ? deps.largeBody(view.large.responseId) : view.body;
  // The same schema check as the window's Tests (the endpoint's response schema in the OpenAPI document).
  const tests: TestOutcome[] = runTests(
    request.tests,
    { status: view.status, headers: view.headers.map((h) => [h.name, h.value] as const), body, durationMs: view.durationMs },
    endpointSchemaCheck(sentTo.method, sentTo.path),
  );
  const captured = applyCaptures(request.captures, { status: view.status, body }, file);
  for (const variable of captured.variables) ctx.runtime.set(variable.name, variable.value);
  const passed = tests.every((t) => t.result === 'passed');
  // A 429 still there after the retries is no answer to test: the request did not get through.
  const outcome = view.status === 429 ? 'error' : passed ? 'passed' : 'failed';
  return {
    ...report,
    url: view.url,
    outcome,
    status: view.status,
    durationMs: Math.round(view.durationMs * 10) / 10,
    tests,
    captured: captured.variables.map((v) => v.name),
    notes: [...(view.notes ?? []), ...captured.problems.map((p) => p.message)],
    ...(view.status === 429 ? { error: { code: 'rate_limited', message: rateLimitedMessage(view, report.attempts) } } : {}),
  };
}

const rateLimitedMessage = (view: ResponseView, attempts: number) =>
  view.rateLimit.retryAfterSeconds !== null && view.rateLimit.retryAfterSeconds > MAX_RETRY_AFTER_SECONDS
    ? `The server asked to wait ${view.rateLimit.retryAfterSeconds} s (Retry-After), more than the runner waits (${MAX_RETRY_AFTER_SECONDS} s); run it later.`
    : `Still 429 Too Many Requests after ${attempts} attempts; the rate limit stayed exhausted.`;

interface PaceContext {
  originOf: (keyId: string) => Promise<string>;
  /** Key id → the budget its replies spend from, as learnt in this run. */
  budgets: Map<string, string>;
}

/** One request at the budget's pace; a 429 is waited out (Retry-After, by the pacer) and sent again. */
async function sendPaced(deps: RunnerDeps, ctx: PaceContext, sent: SendRequestInput, report: RequestReport): Promise<ResponseView> {
  // The budget the key's last reply named: the tracker learns it only after the reply's bookkeeping
  // (after-reply.ts), which may not have run yet when the next request of the run starts.
  let budget = ctx.budgets.get(sent.keyId) ?? (await deps.budgetFor(sent.keyId));
  for (;;) {
    await deps.pacer.beforeSend(budget);
    const sentAt = deps.now();
    report.attempts++;
    const view = await deps.send(sent);
    const workspace = view.rateLimit.workspaceId;
    // The tracker's rule (budgetOf): the workspace's budget when the reply names one.
    budget = workspace ? budgetIdOf(await ctx.originOf(sent.keyId), workspace, sent.keyId) : (ctx.budgets.get(sent.keyId) ?? budget);
    ctx.budgets.set(sent.keyId, budget);
    deps.pacer.afterReply(budget, readingOf(view), deps.now(), sentAt);
    if (view.status !== 429) return view;
    report.rateLimited++;
    const retryAfter = view.rateLimit.retryAfterSeconds;
    if (report.attempts > MAX_RETRIES_PER_REQUEST || (retryAfter !== null && retryAfter > MAX_RETRY_AFTER_SECONDS)) return view;
    if (retryAfter === null && (view.rateLimit.remaining === null || view.rateLimit.limit === null)) await deps.sleep(BARE_429_WAIT_MS);
  }
}
