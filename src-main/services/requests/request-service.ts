import { isUtf8 } from 'node:buffer';
import { randomBytes, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { rm, stat } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { basename } from 'node:path';
import type { ResponseView, SavedBody, SendRequestInput } from '../../../src-preload/contract';
import type { Clock, HttpResponse, HttpTransport, KeyRecord, SandboxRunner, SecretStore } from '../../ports';
import { explainApiError } from '../../helplane/error-explanations';
import { parseRateLimit } from '../../helplane/rate-limit-headers';
import { mayHoldKey, redactSecret } from '../../helplane/key-format';
import { callApi, type RedirectPolicy } from './call-api';
import { resolveKeyOrigin } from '../keys/key-origin';
import { AppFailure } from '../../lib/errors';
import { ResponseStore } from '../responses/response-store';
import type { HistoryService, NewHistoryEntry } from '../history/history-service';
import { RUN_NOW, type AfterReply } from '../../lib/after-reply';
import type { KeyService } from '../keys/key-service';
import type { RateLimitTracker } from '../rate-limit/rate-limit-tracker';
import { buildUrl, checkUserHeaders } from './request-guard';

export interface RequestSettings {
  timeoutMs: number;
  maxResponseBytes: number;
  redirectPolicy?: RedirectPolicy;
}

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
  /** Where a saved body goes: a save dialog (desktop) or the downloads folder (web host). */
  saveTargets?: { choose(id: string, suggestedName: string): Promise<{ path: string; downloadUrl: string | null } | null> };
  /** Waits between network-error retries (tests pass a fast one). */
  sleep?: (ms: number) => Promise<void>;
  /** Where large bodies are kept (a default store when absent). */
  responses?: ResponseStore;
  /** Runs the bookkeeping after the reply (absent: at once, before it). */
  afterReply?: AfterReply;
}

/** From this many characters a body stays in main and the renderer gets lines on demand. */
export const LARGE_BODY_CHARS = 256 * 1024;
/** Lines sent with the reply, so the first screen paints without another round trip. */
const FIRST_WINDOW_LINES = 200;
/** How much of a large body History keeps a preview of (it keeps only the start anyway). */
const HISTORY_PREVIEW_SOURCE = 64 * 1024;

/** Epoch ms with sub-millisecond precision, comparable with a browser's timeOrigin + now(). */
function preciseNow(): number {
  return performance.timeOrigin + performance.now();
}

export const DEFAULT_REQUEST_SETTINGS: RequestSettings = {
  timeoutMs: 30_000,
  maxResponseBytes: 100 * 1024 * 1024,
  redirectPolicy: 'refuse',
};

const IDEMPOTENT = new Set(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE']);
const NETWORK_RETRIES = 2;
const ENCODINGS = 'gzip, deflate, br';

/** `bytes` without a last UTF-8 character the cut may have split (a sample of a longer body). */
export function wholeCharacters(bytes: Uint8Array): Uint8Array {
  let i = bytes.length - 1;
  // Back over up to 3 continuation bytes (10xxxxxx) to the lead byte, and drop from there.
  for (let k = 0; i >= 0 && k < 3 && (bytes[i]! & 0xc0) === 0x80; k++) i--;
  return i >= 0 && bytes[i]! >= 0xc0 ? bytes.subarray(0, i) : bytes;
}

/** Binary when it is not valid UTF-8 or carries control bytes text never has. */
export function isBinary(bytes: Uint8Array, contentType: string | undefined): boolean {
  if (contentType && /^(image|audio|video|font)\/|application\/(octet-stream|pdf|zip|gzip)/i.test(contentType)) return true;
  const sample = bytes.subarray(0, 4096);
  if (sample.includes(0)) return true;
  return !isUtf8(sample.length < bytes.length ? wholeCharacters(sample) : sample);
}

function scrubHeaders(headers: HttpResponse['headers'], secret: string): HttpResponse['headers'] {
  // The transport's list is this response's own: when no value could hold a key, it is the reply's.
  if (!headers.some((h) => mayHoldKey(h.value, secret))) return headers;
  const out = new Array<{ name: string; value: string }>(headers.length);
  for (let i = 0; i < headers.length; i++) out[i] = { name: headers[i]!.name, value: redactSecret(headers[i]!.value, secret) };
  return out;
}

/** Sends one request with a stored key: the secret is read here and handed only to the API client. */
export class RequestService {
  private readonly inFlight = new Map<string, AbortController>();
  /** Whole bodies of large responses, for responseSlice / responseSearch / responseTree. */
  readonly responses: ResponseStore;

  constructor(private readonly deps: RequestServiceDeps) {
    this.responses = deps.responses ?? new ResponseStore();
  }

  /** Cancel a request the renderer started; false when it already finished. */
  cancel(requestId: string): boolean {
    const c = this.inFlight.get(requestId);
    c?.abort();
    return c !== undefined;
  }

  async send(input: SendRequestInput, options: { signal?: AbortSignal } = {}): Promise<ResponseView> {
    const record = this.deps.keys.find(input.keyId);
    // A controller of our own only when the renderer may cancel by id; else the caller's signal.
    const controller = input.requestId ? new AbortController() : null;
    const onOuterAbort = () => controller?.abort();
    if (controller) {
      options.signal?.addEventListener('abort', onOuterAbort, { once: true });
      this.inFlight.set(input.requestId!, controller);
    }
    const signal = controller?.signal ?? options.signal;
    const started = this.deps.clock.now();
    let secret: string | null = null;
    const after = this.deps.afterReply ?? RUN_NOW;
    const entryOf = (fields: Pick<NewHistoryEntry, 'status' | 'errorCode' | 'errorMessage' | 'durationMs' | 'rateLimit' | 'responseBody'>): NewHistoryEntry => ({
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
      const result = await this.exchange(record, input, signal, (s) => (secret = s));
      const historyId = this.deps.history ? randomUUID() : null;
      const usedSecret = secret;
      // The reply goes first; "Last used", the budget and History follow (after-reply.ts).
      after.run(() => {
        this.deps.keys.touch(record.id, result.rateLimit.workspaceId ? { workspaceId: result.rateLimit.workspaceId } : {}, record);
        this.deps.tracker?.record(record.id, result.status, result.rateLimit);
        if (historyId === null) return;
        const responseBody = result.bodyKind === 'binary' ? null : result.large ? result.large.firstLines.join('\n').slice(0, HISTORY_PREVIEW_SOURCE) : result.body;
        this.deps.history?.add(entryOf({ status: result.status, errorCode: null, errorMessage: null, durationMs: result.durationMs, rateLimit: result.rateLimit, responseBody }), usedSecret, historyId);
      });
      // The view is this exchange's own object: the id goes on it rather than into a copy.
      if (historyId) result.historyId = historyId;
      return result;
    } catch (error) {
      if (error instanceof AppFailure && error.code !== 'request_rejected') {
        const durationMs = this.deps.clock.now() - started;
        const usedSecret = secret;
        after.run(() => {
          this.deps.tracker?.record(record.id, null, null);
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

  private async exchange(record: KeyRecord, input: SendRequestInput, signal: AbortSignal | undefined, onSecret: (s: string) => void): Promise<ResponseView> {
    const { secrets, transport, sandbox, clock } = this.deps;
    const settings = this.deps.settings();
    const origin = await resolveKeyOrigin(record, sandbox);
    const url = buildUrl(origin, input.path, input.query);
    const headers = { Accept: 'application/json', 'Accept-Encoding': ENCODINGS, ...checkUserHeaders(input.headers ?? []) };
    if (input.body !== undefined && (input.method === 'GET' || input.method === 'HEAD')) {
      throw new AppFailure('request_rejected', `A ${input.method} request cannot have a body. Remove the body or use POST.`);
    }
    const secret = await secrets.get(record.id);
    if (secret === null) {
      throw new AppFailure('secret_missing', `The keychain has no secret for “${record.name}”. Delete the key and add it again.`);
    }
    onSecret(secret);
    // A POST is safe to repeat only with an Idempotency-Key (the server replays the first answer).
    const retryable = IDEMPOTENT.has(input.method) || Object.keys(headers).some((h) => h.toLowerCase() === 'idempotency-key');
    let attempt = 0;
    for (;;) {
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
        return this.view(record, response, finalUrl, redirectNote, secret, settings.maxResponseBytes, clock.now(), receivedAt);
      } catch (error) {
        const transient = error instanceof AppFailure && (error.code === 'network_error' || error.code === 'timeout');
        if (!transient || !retryable || attempt >= NETWORK_RETRIES || signal?.aborted || /TLS|redirect/.test(error.message)) throw error;
        attempt++;
        await (this.deps.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms))))(250 * attempt);
      }
    }
  }

  private view(record: KeyRecord, response: HttpResponse, finalUrl: string, redirectNote: string | undefined, secret: string, maxBytes: number, now: number, receivedAt: number): ResponseView {
    const rateLimit = parseRateLimit(response.headers, now);
    const contentType = response.headers.find((h) => h.name.toLowerCase() === 'content-type')?.value;
    const isJson = /[/+]json\b/i.test(contentType ?? '');
    const binary = response.body.byteLength > 0 && isBinary(response.body, contentType);
    // A server could echo the key back (a debugging endpoint, say): never let it reach the renderer.
    // The text is a view on the same bytes (Buffer.from(uint8array) would copy a 100 MB body first).
    const text = binary ? '' : redactSecret(Buffer.from(response.body.buffer, response.body.byteOffset, response.body.byteLength).toString('utf8'), secret);
    const notes: string[] = [];
    if (redirectNote) notes.push(redirectNote);
    if (binary) notes.push(`The body is binary (${contentType ?? 'no Content-Type'}, ${response.body.byteLength} bytes), so it is not shown as text.`);
    else if (text.length > 0 && !isJson) notes.push(`The body is not JSON (${contentType ?? 'no Content-Type'}); it is shown as plain text.`);
    if (response.bodyTruncated) {
      notes.push(`Too large: the body is over the maximum response size of ${Math.round(maxBytes / (1024 * 1024))} MB (Settings), so only its start is kept. Raise the limit in Settings, or save it to a file with curl (Copy as code).`);
    }
    const explanation = explainApiError(response.status, text, record);
    if (explanation) notes.push(explanation);
    let bodyKind: ResponseView['bodyKind'] = 'text';
    if (response.body.byteLength === 0) bodyKind = 'empty';
    else if (binary) bodyKind = 'binary';
    else if (isJson) bodyKind = 'json';
    // A large body stays here; the reply carries its first lines and sizes (see response-store.ts).
    let large: ResponseView['large'];
    if (text.length >= LARGE_BODY_CHARS) {
      const first = text.trimStart()[0];
      const { id, index } = this.responses.add(text, bodyKind === 'json' || first === '{' || first === '[', response.status);
      large = { responseId: id, lineCount: index.length, firstLines: this.responses.lines(id, 0, FIRST_WINDOW_LINES), json: index.json, receivedAt };
    }
    return {
      status: response.status,
      statusText: response.statusText,
      headers: scrubHeaders(response.headers, secret),
      body: large ? '' : text,
      ...(large ? { large } : {}),
      bodyTruncated: response.bodyTruncated,
      sizeBytes: response.body.byteLength,
      durationMs: response.durationMs,
      url: finalUrl,
      rateLimit,
      ...(response.ttfbMs !== undefined ? { ttfbMs: response.ttfbMs } : {}),
      ...(response.wireBytes !== undefined ? { wireBytes: response.wireBytes } : {}),
      bodyKind,
      notes,
      tooLarge: response.bodyTruncated,
    };
  }

  /**
   * Save to file: send a GET again and write its whole body to a file, with no size cap. Only GET,
   * so nothing is created twice.
   */
  async saveBody(input: SendRequestInput): Promise<SavedBody> {
    const { fileTransport, saveTargets, secrets, sandbox } = this.deps;
    if (!fileTransport || !saveTargets) throw new AppFailure('request_rejected', 'Saving to a file is not available here.');
    if (input.method !== 'GET') throw new AppFailure('request_rejected', `Only GET responses can be saved to a file; a ${input.method} would run again.`);
    const record = this.deps.keys.find(input.keyId);
    const origin = await resolveKeyOrigin(record, sandbox);
    const url = buildUrl(origin, input.path, input.query);
    const headers = { Accept: 'application/json', 'Accept-Encoding': ENCODINGS, ...checkUserHeaders(input.headers ?? []) };
    const secret = await secrets.get(record.id);
    if (secret === null) throw new AppFailure('secret_missing', `The keychain has no secret for “${record.name}”. Delete the key and add it again.`);
    const id = `exp_${randomBytes(8).toString('hex')}`;
    const fileName = `${input.path.replace(/^\/+/, '').replace(/[^\w.-]+/g, '-') || 'response'}-${new Date(this.deps.clock.now()).toISOString().replace(/[:.]/g, '-')}.json`;
    const target = await saveTargets.choose(id, fileName);
    if (!target) throw new AppFailure('cancelled', 'Saving was cancelled.');
    const controller = new AbortController();
    if (input.requestId) this.inFlight.set(input.requestId, controller);
    try {
      const settings = this.deps.settings();
      const { response } = await callApi(fileTransport(target.path), {
        url, method: 'GET', headers, keyOrigin: origin, secret,
        timeoutMs: settings.timeoutMs, maxBodyBytes: Number.MAX_SAFE_INTEGER, redirectPolicy: settings.redirectPolicy ?? 'refuse', signal: controller.signal,
      });
      this.deps.tracker?.record(record.id, response.status, parseRateLimit(response.headers, this.deps.clock.now()));
      const bytes = (await stat(target.path)).size;
      return { fileName: basename(target.path), path: target.path, bytes, status: response.status, downloadUrl: target.downloadUrl };
    } catch (error) {
      await rm(target.path, { force: true });
      throw error;
    } finally {
      if (input.requestId) this.inFlight.delete(input.requestId);
    }
  }

  /**
   * Save to file for a body main already keeps: streamed from memory in 1 MB chunks, with no
   * second request (so it works for a POST too).
   */
  async saveStored(responseId: string): Promise<SavedBody> {
    const { saveTargets } = this.deps;
    if (!saveTargets) throw new AppFailure('request_rejected', 'Saving to a file is not available here.');
    const { text, json, status } = this.responses.body(responseId);
    const id = `exp_${randomBytes(8).toString('hex')}`;
    const fileName = `response-${new Date(this.deps.clock.now()).toISOString().replace(/[:.]/g, '-')}.${json ? 'json' : 'txt'}`;
    const target = await saveTargets.choose(id, fileName);
    if (!target) throw new AppFailure('cancelled', 'Saving was cancelled.');
    const CHUNK = 1024 * 1024;
    function* chunks() {
      for (let i = 0; i < text.length; i += CHUNK) yield text.slice(i, i + CHUNK);
    }
    try {
      await pipeline(Readable.from(chunks()), createWriteStream(target.path));
    } catch (error) {
      await rm(target.path, { force: true });
      throw new AppFailure('export_failed', `The body could not be written to ${target.path}: ${(error as Error).message}`);
    }
    const bytes = (await stat(target.path)).size;
    return { fileName: basename(target.path), path: target.path, bytes, status, downloadUrl: target.downloadUrl };
  }

  /** The origin a key's requests go to (for Copy as code). */
  async originFor(keyId: string): Promise<{ origin: string; record: KeyRecord }> {
    const record = this.deps.keys.find(keyId);
    return { origin: await resolveKeyOrigin(record, this.deps.sandbox), record };
  }
}
