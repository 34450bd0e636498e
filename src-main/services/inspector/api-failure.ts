import type { ApiReply } from './api-reply';
import { AppFailure } from '../../lib/errors';

function errorCodeOf(body: string): string | null {
  try {
    const code = (JSON.parse(body) as { error?: { code?: unknown } }).error?.code;
    return typeof code === 'string' ? code : null;
  } catch {
    return null;
  }
}

/** A non-2xx API reply as an error a user can act on, in the request builder's words. */
export function explainApiFailure(reply: ApiReply): AppFailure {
  const code = errorCodeOf(reply.body);
  const head = `${reply.status}${code ? ` ${code}` : ''}`;
  if (reply.status === 429) {
    const wait = reply.rateLimit.retryAfterSeconds;
    return new AppFailure('rate_limited', `${head}: ${reply.explanation ?? 'Too many requests.'}${wait !== null ? ` Retry in ${wait} s.` : ''}`);
  }
  return new AppFailure('api_error', `${head}: ${reply.explanation ?? `The server answered ${reply.status}.`}`);
}
