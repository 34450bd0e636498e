import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApiError } from './errors';
import type { SandboxClock } from '../options';
import type { SandboxStore } from '../db/store';

/** How long a stored first response is replayed. */
export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;
export const IDEMPOTENCY_KEY_MAX = 255;

export interface Outcome {
  status: number;
  body: unknown;
}

/** JSON with object keys sorted, so `{"a":1,"b":2}` and `{"b":2,"a":1}` count as the same body. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

function readKey(request: FastifyRequest): string | undefined {
  const raw = request.headers['idempotency-key'];
  if (raw === undefined) return undefined;
  const key = Array.isArray(raw) ? raw.join(',') : raw;
  if (key.length < 1 || key.length > IDEMPOTENCY_KEY_MAX) {
    throw new ApiError(
      400,
      'invalid_request',
      'invalid_request',
      `Idempotency-Key must be 1 to ${IDEMPOTENCY_KEY_MAX} characters long; a UUID is a good choice.`,
      'Idempotency-Key',
    );
  }
  return key;
}

/**
 * Runs a POST under the spec's Idempotency-Key rules. Without the header, just runs `perform`.
 * With it, the lookup, the write and the stored response share one transaction: a crash leaves
 * either both or neither, and a retry never writes twice. Only successes are stored, so a
 * request that failed validation can be corrected and retried with the same key.
 */
export function runIdempotent(
  request: FastifyRequest,
  reply: FastifyReply,
  deps: { store: SandboxStore; clock: SandboxClock; workspaceId: string },
  perform: () => Outcome,
): string {
  const key = readKey(request);
  if (key === undefined) {
    const outcome = perform();
    reply.code(outcome.status).type('application/json; charset=utf-8');
    return JSON.stringify(outcome.body);
  }
  const fingerprint = createHash('sha256')
    .update(`${request.method} ${request.routeOptions.url ?? ''}\n${canonicalJson(request.body)}`)
    .digest('hex');
  const now = deps.clock.now();
  return deps.store.atomically(() => {
    const previous = deps.store.findIdempotency(deps.workspaceId, key);
    if (previous && previous.createdAt > now - IDEMPOTENCY_TTL_MS) {
      if (previous.fingerprint !== fingerprint) {
        throw new ApiError(
          409,
          'conflict',
          'idempotency_mismatch',
          'This Idempotency-Key was already used with another request body; use a new key for a new request.',
          'Idempotency-Key',
        );
      }
      reply.code(previous.status).header('idempotent-replayed', 'true').type('application/json; charset=utf-8');
      return previous.body;
    }
    const outcome = perform();
    const body = JSON.stringify(outcome.body);
    deps.store.purgeIdempotency(now - IDEMPOTENCY_TTL_MS);
    deps.store.saveIdempotency({
      workspaceId: deps.workspaceId,
      key,
      fingerprint,
      status: outcome.status,
      body,
      createdAt: now,
    });
    reply.code(outcome.status).type('application/json; charset=utf-8');
    return body;
  });
}
