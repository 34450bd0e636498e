import type { BucketConfig, BucketState } from './token-bucket';

/** Whole seconds, at least one: structured-field and Retry-After values are integers. */
const seconds = (ms: number): number => Math.ceil(ms / 1000);

export function windowSeconds(config: BucketConfig): number {
  return Math.max(1, Math.round(config.windowMs / 1000));
}

/** The spec's rate-limit header table, for one authenticated response. */
export function rateLimitHeaders(
  state: BucketState,
  config: BucketConfig,
  now: number,
  workspaceId: string,
): Record<string, string> {
  const headers: Record<string, string> = {
    'x-ratelimit-limit': String(config.refillPerWindow),
    'x-ratelimit-burst': String(config.capacity),
    'x-ratelimit-remaining': String(state.remaining),
    'x-ratelimit-reset': String(seconds(now + state.msUntilFull)),
    'ratelimit-policy': `"default";q=${config.refillPerWindow};w=${windowSeconds(config)}`,
    ratelimit: `"default";r=${state.remaining};t=${seconds(state.msUntilFull)}`,
    'x-workspace-id': workspaceId,
  };
  if (!state.allowed) headers['retry-after'] = String(retryAfterSeconds(state));
  return headers;
}

/** Whole seconds until one token is available, never 0 (a client would retry at once). */
export function retryAfterSeconds(state: BucketState): number {
  return Math.max(1, seconds(state.msUntilToken));
}
