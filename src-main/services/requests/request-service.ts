import { randomUUID } from 'node:crypto';
import type { ResponseView, SavedBody, SendRequestInput } from '../../../src-preload/contract';
import type { AfterReply, Clock, ExportTargets, HttpTransport, KeyRecord, SandboxRunner, SecretStore } from '../../ports';
import { RUN_NOW } from '../../lib/after-reply';
import { AppFailure } from '../../lib/errors';
import type { HistoryService, NewHistoryEntry } from '../history/history-service';
import { resolveKeyOrigin } from '../keys/key-origin';
import type { KeyUsage } from '../keys/key-usage';
import { refuseWriteWithReadOnlyKey } from '../keys/read-only';
import type { KeyService } from '../keys/key-service';
import type { RateLimitTracker } from '../rate-limit/rate-limit-tracker';
import { ResponseStore } from '../responses/response-store';
import { callApi } from '../http/call-api';
import { InFlightRequests } from './in-flight';
import { prepareRequest } from './prepare';
import { responseView } from './response-view';
import { BodySaver } from './save-body';
import type { RequestSettings } from './request-settings';

export interface RequestServiceDeps {
  keys: KeyService;
  secrets: SecretStore;
  transport: HttpTransport;
  sandbox: SandboxRunner;
  clock: Clock;
  settings: () => RequestSettings;
  tracker?: RateLimitTracker;
  history?: HistoryService;
  /** A transport that writes the body to a file (Save to file); absent, saving is unavailable. */
  fileTransport?: (path: string) => HttpTransport;
  /** Where a saved body goes: a save dialog (desktop) or the exports folder (web host). */
  saveTargets?: ExportTargets;
  /** Waits between network-error retries (tests pass a fast one). */
  sleep?: (ms: number) => Promise<void>;
  /** Where large bodies are kept (a default store when absent). */
  responses?: ResponseStore;
  /** Runs the bookkeeping after the reply (absent: at once, before it). */
  afterReply?: AfterReply;
  /** Counts each send per key and day (Details → Key usage). */
  usage?: Pick<KeyUsage, 'record'>;
}

/** How much of a large body History keeps a preview of (it keeps only the start anyway). */
const HISTORY_PREVIEW_SOURCE = 64 * 1024;
const IDEMPOTENT = new Set(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE']);
const NETWORK_RETRIES = 2;

/** Epoch ms with sub-millisecond precision, comparable with a browser's timeOrigin + now(). */
function preciseNow(): number {
  return performance.timeOrigin + performance.now();
}

type HistoryFields = Pick<NewHistoryEntry, 'status' | 'errorCode' | 'errorMessage' | 'durationMs' | 'rateLimit' | 'responseBody'>;

/** Sends one request with a stored key: the secret is read here and handed only to callApi (services/http/call-api.ts). */
export class RequestService {
  private readonly inFlight = new InFlightRequests();
  /** Whole bodies of large responses, for responseSlice / responseSearch / responseTree. */
  readonly responses: ResponseStore;
  private readonly saver: BodySaver;

  constructor(private readonly deps: RequestServiceDeps) {
    this.responses = deps.responses ?? new ResponseStore();
    this.saver = new BodySaver({ ...deps, responses: this.responses, inFlight: this.inFlight });
  }

  /** Cancel a request the renderer started; false when it already finished. */
  cancel(requestId: string): boolean {
    return this.inFlight.cancel(requestId);
  }

  async send(input: SendRequestInput, options: { signal?: AbortSignal } = {}): Promise<ResponseView> {
    const record = this.deps.keys.find(input.keyId);
    // Refused before anything is sent, so it counts nowhere (History, budget, usage).
    refuseWriteWithReadOnlyKey(record, input.method);
    // A controller of our own only when the renderer may cancel by id; else the caller's signal.
    const controller = input.requestId ? new AbortController() : null;
    const onOuterAbort = () => controller?.abort();
    if (controller) {
      options.signal?.addEventListener('abort', onOuterAbort, { once: true });
      this.inFlight.add(input.requestId!, controller);
    }
    const signal = controller?.signal ?? options.signal;
    const started = this.deps.clock.now();
    // Set as the request is prepared: which server's budget it spends, and what History scrubs.
    let origin: string | null = null;
    let secret: string | null = null;
    const after = this.deps.afterReply ?? RUN_NOW;
    const entryOf = (fields: HistoryFields): NewHistoryEntry => ({
      time: started,
      method: input.method,
      path: input.path,
      query: input.query ?? [],
      headers: input.headers ?? [],
      body: input.body ?? null,
      keyId: record.id,
      keyName: record.name,
      keyPrefix: record.prefix,
      ...fields,
    });
    try {
      // Known before anything else can fail, so a failure after it still counts in that server's budget.
      origin = await resolveKeyOrigin(record, this.deps.sandbox);
      const result = await this.exchange(record, origin, input, signal, (s) => (secret = s));
      const historyId = this.deps.history ? randomUUID() : null;
      const usedSecret = secret;
      const usedOrigin = origin;
      // The reply goes first; "Last used", the budget and History follow (after-reply.ts).
      after.run(() => {
        this.deps.keys.touch(record.id, result.rateLimit.workspaceId ? { workspaceId: result.rateLimit.workspaceId } : {}, record);
        this.deps.tracker?.record(record.id, usedOrigin, result.status, result.rateLimit);
        this.deps.usage?.record(record.id, result.status);
        if (historyId === null) return;
        const responseBody = result.bodyKind === 'binary' ? null : result.large ? result.large.firstLines.join('\n').slice(0, HISTORY_PREVIEW_SOURCE) : result.body;
        this.deps.history?.add(entryOf({ status: result.status, errorCode: null, errorMessage: null, durationMs: result.durationMs, rateLimit: result.rateLimit, responseBody }), usedSecret, historyId);
      });
      // A 401 revoked/invalid (or a 2xx for a key marked otherwise) updates the key's status now; its
      // own task, so a metadata write that fails does not cost the budget or History their entry.
      if (result.status === 401 || result.status === 403 || record.status !== 'active') after.run(() => this.deps.keys.noteReplyStatus(record.id, result.status, result.body));
      // The view is this exchange's own object: the id goes on it rather than into a copy.
      if (historyId) result.historyId = historyId;
      return result;
    } catch (error) {
      if (error instanceof AppFailure && error.code !== 'request_rejected') {
        const durationMs = this.deps.clock.now() - started;
        const usedSecret = secret;
        const usedOrigin: string | null = origin;
        after.run(() => {
          // A budget belongs to a server: a send whose server is unknown (the sandbox did not start) has none to count in.
          if (usedOrigin !== null) this.deps.tracker?.record(record.id, usedOrigin, null, null);
          this.deps.usage?.record(record.id, null);
          this.deps.history?.add(entryOf({ status: null, errorCode: error.code, errorMessage: error.message, durationMs, rateLimit: null, responseBody: null }), usedSecret);
        });
      }
      throw error;
    } finally {
      if (controller) {
        options.signal?.removeEventListener('abort', onOuterAbort);
        this.inFlight.delete(input.requestId!);
      }
    }
  }

  private async exchange(record: KeyRecord, origin: string, input: SendRequestInput, signal: AbortSignal | undefined, onSecret: (secret: string) => void): Promise<ResponseView> {
    const { transport, clock } = this.deps;
    const settings = this.deps.settings();
    const { url, headers, secret } = await prepareRequest(this.deps.secrets, record, origin, input);
    onSecret(secret);
    // A POST is safe to repeat only with an Idempotency-Key (the server replays the first answer).
    const repeatable = IDEMPOTENT.has(input.method) || Object.keys(headers).some((h) => h.toLowerCase() === 'idempotency-key');
    for (let attempt = 0; ; attempt++) {
      try {
        const { response, finalUrl, redirectNote } = await callApi(transport, {
          url,
          method: input.method,
          headers,
          ...(input.body !== undefined ? { body: input.body } : {}),
          keyOrigin: origin,
          secret,
          timeoutMs: settings.timeoutMs,
          maxBodyBytes: settings.maxResponseBytes,
          redirectPolicy: settings.redirectPolicy ?? 'refuse',
          ...(signal ? { signal } : {}),
        });
        const receivedAt = preciseNow();
        const sent = { ...(input.body !== undefined ? { body: input.body } : {}), queryNames: (input.query ?? []).map((q) => q.name) };
        return responseView(this.responses, { record, response, finalUrl, redirectNote, secret, maxBytes: settings.maxResponseBytes, now: clock.now(), receivedAt, sent });
      } catch (error) {
        const retry = error instanceof AppFailure && error.retryable && repeatable && attempt < NETWORK_RETRIES && !signal?.aborted;
        if (!retry) throw error;
        await (this.deps.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms))))(250 * (attempt + 1));
      }
    }
  }

  /** Save to file: send a GET again and write its whole body to a file (save-body.ts). */
  saveBody(input: SendRequestInput): Promise<SavedBody> {
    return this.saver.saveBody(input);
  }

  /** Save to file for a body main already keeps (save-body.ts). */
  saveStored(responseId: string): Promise<SavedBody> {
    return this.saver.saveStored(responseId);
  }

  /** The origin a key's requests go to (for Copy as code). */
  async originFor(keyId: string): Promise<{ origin: string; record: KeyRecord }> {
    const record = this.deps.keys.find(keyId);
    return { origin: await resolveKeyOrigin(record, this.deps.sandbox), record };
  }
}
