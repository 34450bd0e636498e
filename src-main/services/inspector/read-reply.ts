import type { z } from 'zod';
import type { ApiReply } from '../../ports';
import { AppFailure } from '../../lib/errors';
import { apiErrorCode } from '../../helplane/error-body';

/** A non-2xx API reply as an error a user can act on, in the request builder's words. */
function failureFromReply(reply: ApiReply): AppFailure {
  const code = apiErrorCode(reply.body);
  const head = `${reply.status}${code ? ` ${code}` : ''}`;
  if (reply.status === 429) {
    const wait = reply.rateLimit.retryAfterSeconds;
    return new AppFailure('rate_limited', `${head}: ${reply.explanation ?? 'Too many requests.'}${wait !== null ? ` Retry in ${wait} s.` : ''}`);
  }
  return new AppFailure('api_error', `${head}: ${reply.explanation ?? `The server answered ${reply.status}.`}`);
}

/** Parse a successful reply against the schema, or explain why it failed in words. */
export function readReply<T extends z.ZodType>(reply: ApiReply, schema: T): z.output<T> {
  if (reply.status < 200 || reply.status >= 300) throw failureFromReply(reply);
  let json: unknown;
  try {
    json = JSON.parse(reply.body);
  } catch {
    throw new AppFailure('api_error', `The server answered ${reply.status} with something that is not JSON.`);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    throw new AppFailure('api_error', 'The server’s answer does not have the shape the Helplane API documents.');
  }
  return parsed.data;
}
