import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { ApiError, invalidParam, validationFailed } from '../errors';

/** First issue's field name: the spec's `param`. */
function paramOf(error: z.ZodError): string | null {
  const first = error.issues[0]?.path[0];
  return typeof first === 'string' ? first : null;
}

/** Query parameters -> typed values, or 400 invalid_request naming the parameter. */
export function parseQuery<S extends z.ZodType>(schema: S, query: unknown): z.output<S> {
  const result = schema.safeParse(query);
  if (result.success) return result.data;
  const param = paramOf(result.error);
  throw invalidParam(param ?? 'query', result.error.issues[0]?.message ?? 'Invalid query parameter.');
}

const isJson = (contentType: string | undefined): boolean =>
  /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i.test(contentType ?? '');

/** A JSON body -> typed values: 415 if it is not JSON, 422 naming the field that fails. */
export function parseJsonBody<S extends z.ZodType>(schema: S, request: FastifyRequest): z.output<S> {
  if (!isJson(request.headers['content-type'])) {
    throw new ApiError(415, 'invalid_request', 'unsupported_media_type', 'Send the request body as application/json.');
  }
  const result = schema.safeParse(request.body);
  if (result.success) return result.data;
  throw validationFailed(paramOf(result.error), result.error.issues[0]?.message ?? 'The request body is invalid.');
}
