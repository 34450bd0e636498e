import type { FastifyReply, FastifyRequest, HookHandlerDoneFunction, onRequestHookHandler } from 'fastify';
import type { ApiKeyService } from './api-keys';
import { setAuth } from './auth-context';
import { ApiError } from './errors';
import type { Plan } from '../db/model';
import type { SandboxClock } from '../options';
import { rateLimitHeaders, retryAfterSeconds, windowSeconds } from './rate-limit-headers';
import type { BucketConfig, TokenBuckets } from './token-bucket';

/** The API is available on the Growth plan and above. */
const API_PLANS: ReadonlySet<Plan> = new Set<Plan>(['growth', 'scale']);

export interface ApiKeyAuthDeps {
  keys: ApiKeyService;
  clock: SandboxClock;
  rateLimit: BucketConfig;
  workspaceBuckets: TokenBuckets;
  failureBuckets: TokenBuckets;
  /** The failed-authentication budget per client address, for the lockout's words. */
  authFailureLimit: BucketConfig;
}

const rateLimited = (message: string, headers: Record<string, string> = {}): ApiError =>
  new ApiError(429, 'rate_limit_error', 'rate_limited', message, null, headers);

/** Why the lockout answers 429 and when it ends, so a client does not take it for the workspace limit. */
function lockedOutMessage(limit: BucketConfig, waitSeconds: number, now: number): string {
  const until = new Date(now + waitSeconds * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
  return (
    `This client address is locked out after ${limit.capacity} failed authentications (wrong, unknown or revoked API keys) ` +
    `in ${windowSeconds(limit)} s; no key is checked until the lockout ends. Retry in ${waitSeconds} s (from ${until} on) with a valid key.`
  );
}

/**
 * onRequest hook for /v1: key -> workspace, then the workspace's bucket, then the plan.
 * Runs before body parsing, so unauthenticated requests cost no parsing.
 */
export function apiKeyAuth(deps: ApiKeyAuthDeps): onRequestHookHandler {
  const check = (request: FastifyRequest, reply: FastifyReply): void => {
    const secret = request.headers['x-api-key'];
    if (typeof secret !== 'string' || secret === '') {
      throw new ApiError(401, 'authentication_error', 'missing_api_key', 'Send your API key in the X-API-Key header.');
    }
    const now = deps.clock.now();
    // Checked before the lookup: once an address has spent its failures, even a correct guess
    // gets 429, so the answer stops telling a guesser anything until the budget refills.
    const failures = deps.failureBuckets.peek(request.ip, now);
    if (!failures.allowed) {
      const wait = retryAfterSeconds(failures);
      throw rateLimited(lockedOutMessage(deps.authFailureLimit, wait, now), { 'retry-after': String(wait) });
    }
    const auth = deps.keys.authenticate(secret);
    if (!auth.ok) {
      deps.failureBuckets.take(request.ip, now);
      throw new ApiError(401, 'authentication_error', auth.code, auth.message);
    }
    const bucket = deps.workspaceBuckets.take(auth.workspace.id, now);
    // On the reply, not the error, so every authenticated response carries them — 429 and 403 included.
    reply.headers(rateLimitHeaders(bucket, deps.rateLimit, now, auth.workspace.id));
    if (!bucket.allowed) {
      throw rateLimited(
        `Workspace ${auth.workspace.id} is over its rate limit; retry in ${retryAfterSeconds(bucket)} s.`,
      );
    }
    if (!API_PLANS.has(auth.workspace.plan)) {
      throw new ApiError(
        403,
        'permission_error',
        'plan_not_eligible',
        `Workspace ${auth.workspace.id} is on the ${auth.workspace.plan} plan; the API needs Growth or above.`,
      );
    }
    setAuth(request, auth);
  };
  // Synchronous underneath, so a callback hook: no promise and no extra tick per request.
  return (request: FastifyRequest, reply: FastifyReply, done: HookHandlerDoneFunction) => {
    try {
      check(request, reply);
    } catch (error) {
      done(error as Error);
      return;
    }
    done();
  };
}
