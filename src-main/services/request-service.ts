import type { ResponseView, SendRequestInput } from '../../src-preload/contract';
import type { Clock, HttpTransport, SandboxRunner, SecretStore } from '../ports';
import { parseRateLimit } from '../helplane/rate-limit-headers';
import { redactKeys } from '../helplane/key-format';
import { callApi } from './api-client';
import { resolveKeyOrigin } from './environment-resolver';
import { AppFailure } from './errors';
import type { KeyService } from './key-service';
import { buildUrl, checkUserHeaders } from './request-guard';

export interface RequestSettings {
  timeoutMs: number;
  maxResponseBytes: number;
}

export interface RequestServiceDeps {
  keys: KeyService;
  secrets: SecretStore;
  transport: HttpTransport;
  sandbox: SandboxRunner;
  clock: Clock;
  settings: () => RequestSettings;
}

export const DEFAULT_REQUEST_SETTINGS: RequestSettings = {
  timeoutMs: 30_000,
  maxResponseBytes: 100 * 1024 * 1024,
};

/** Sends one request with a stored key: the secret is read here and handed only to the API client. */
export class RequestService {
  constructor(private readonly deps: RequestServiceDeps) {}

  async send(input: SendRequestInput): Promise<ResponseView> {
    const { keys, secrets, transport, sandbox, clock } = this.deps;
    const settings = this.deps.settings();
    const record = keys.find(input.keyId);
    const origin = await resolveKeyOrigin(record, sandbox);
    const url = buildUrl(origin, input.path, input.query);
    const headers = { Accept: 'application/json', ...checkUserHeaders(input.headers ?? []) };
    if (input.body !== undefined && (input.method === 'GET' || input.method === 'HEAD')) {
      throw new AppFailure('request_rejected', `A ${input.method} request cannot have a body. Remove the body or use POST.`);
    }
    const secret = await secrets.get(record.id);
    if (secret === null) {
      throw new AppFailure('secret_missing', `The keychain has no secret for “${record.name}”. Delete the key and add it again.`);
    }
    const { response, finalUrl } = await callApi(transport, {
      url,
      method: input.method,
      headers,
      ...(input.body !== undefined ? { body: input.body } : {}),
      keyOrigin: origin,
      secret,
      timeoutMs: settings.timeoutMs,
      maxBodyBytes: settings.maxResponseBytes,
    });
    const rateLimit = parseRateLimit(response.headers, clock.now());
    keys.touch(record.id, rateLimit.workspaceId ? { workspaceId: rateLimit.workspaceId } : {});
    // A server could echo the key back (a debugging endpoint, say): never let it reach the renderer.
    const text = redactKeys(Buffer.from(response.body).toString('utf8')).split(secret).join('[redacted]');
    return {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers.map((h) => ({ name: h.name, value: redactKeys(h.value).split(secret).join('[redacted]') })),
      body: text,
      bodyTruncated: response.bodyTruncated,
      sizeBytes: response.body.byteLength,
      durationMs: response.durationMs,
      url: finalUrl,
      rateLimit,
    };
  }
}
