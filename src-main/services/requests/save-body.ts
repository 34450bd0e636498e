import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { rm, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { SavedBody, SendRequestInput } from '../../../src-preload/contract';
import type { Clock, ExportTargets, HttpTransport, SandboxRunner, SecretStore } from '../../ports';
import { AppFailure } from '../../lib/errors';
import { parseRateLimit } from '../../helplane/rate-limit-headers';
import type { KeyService } from '../keys/key-service';
import type { RateLimitTracker } from '../rate-limit/rate-limit-tracker';
import type { ResponseStore } from '../responses/response-store';
import { callApi } from '../http/call-api';
import { resolveKeyOrigin } from '../keys/key-origin';
import type { InFlightRequests } from './in-flight';
import { fileHoldsKey } from './file-scan';
import { prepareRequest } from './prepare';
import type { RequestSettings } from './request-settings';

export interface BodySaverDeps {
  keys: KeyService;
  secrets: SecretStore;
  sandbox: SandboxRunner;
  clock: Clock;
  settings: () => RequestSettings;
  tracker?: RateLimitTracker;
  /** A transport that writes the body to a file; absent, saving is unavailable. */
  fileTransport?: (path: string) => HttpTransport;
  /** Where a saved body goes: a save dialog (desktop) or the exports folder (web host). */
  saveTargets?: ExportTargets;
  responses: ResponseStore;
  inFlight: InFlightRequests;
}

const CHUNK = 1024 * 1024;

/** Save to file: a response body written whole to a file the user picks. */
export class BodySaver {
  constructor(private readonly deps: BodySaverDeps) {}

  /**
   * Send a GET again and write its whole body to a file, with no size cap. Only GET, so nothing
   * is created twice.
   */
  async saveBody(input: SendRequestInput): Promise<SavedBody> {
    const { fileTransport, saveTargets } = this.deps;
    if (!fileTransport || !saveTargets) throw new AppFailure('request_rejected', 'Saving to a file is not available here.');
    if (input.method !== 'GET') throw new AppFailure('request_rejected', `Only GET responses can be saved to a file; a ${input.method} would run again.`);
    const record = this.deps.keys.find(input.keyId);
    // Only what a GET carries: Save to file never sent a body.
    const origin = await resolveKeyOrigin(record, this.deps.sandbox);
    const { url, headers, secret } = await prepareRequest(this.deps.secrets, record, origin, { method: 'GET', path: input.path, query: input.query, headers: input.headers });
    const id = `exp_${randomBytes(8).toString('hex')}`;
    const fileName = `${input.path.replace(/^\/+/, '').replace(/[^\w.-]+/g, '-') || 'response'}-${this.stamp()}.json`;
    const target = await saveTargets.choose(id, fileName);
    if (!target) throw new AppFailure('cancelled', 'Saving was cancelled.');
    const controller = new AbortController();
    if (input.requestId) this.deps.inFlight.add(input.requestId, controller);
    try {
      const settings = this.deps.settings();
      const { response } = await callApi(fileTransport(target.path), {
        url, method: 'GET', headers, keyOrigin: origin, secret,
        timeoutMs: settings.timeoutMs, maxBodyBytes: Number.MAX_SAFE_INTEGER, redirectPolicy: settings.redirectPolicy ?? 'refuse', signal: controller.signal,
      });
      this.deps.tracker?.record(record.id, origin, response.status, parseRateLimit(response.headers, this.deps.clock.now(), secret));
      // The body went to disk as it came: a server that echoes the key must not leave it in a file.
      if (await fileHoldsKey(target.path, secret)) {
        throw new AppFailure('key_in_response', 'The response holds the API key this request was sent with (the server echoes it), so it was not saved to a file.');
      }
      const bytes = (await stat(target.path)).size;
      return { fileName: basename(target.path), path: target.path, bytes, status: response.status, downloadUrl: target.downloadUrl };
    } catch (error) {
      await rm(target.path, { force: true });
      throw error;
    } finally {
      if (input.requestId) this.deps.inFlight.delete(input.requestId);
    }
  }

  /**
   * Save to file for a body main already keeps: streamed from memory in 1 MB chunks, with no
   * second request (so it works for a POST too).
   */
  async saveStored(responseId: string): Promise<SavedBody> {
    const { saveTargets } = this.deps;
    if (!saveTargets) throw new AppFailure('request_rejected', 'Saving to a file is not available here.');
    const { text, json, status } = this.deps.responses.body(responseId);
    const id = `exp_${randomBytes(8).toString('hex')}`;
    const target = await saveTargets.choose(id, `response-${this.stamp()}.${json ? 'json' : 'txt'}`);
    if (!target) throw new AppFailure('cancelled', 'Saving was cancelled.');
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

  private stamp(): string {
    return new Date(this.deps.clock.now()).toISOString().replace(/[:.]/g, '-');
  }
}
