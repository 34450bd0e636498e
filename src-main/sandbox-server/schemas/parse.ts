import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { ApiError, invalidParam, validationFailed } from '../http/errors';

interface FirstIssue {
  param: string | null;
  message: string;
}

/** The first issue as the spec's `param` and a sentence; an unknown field is named as the param. */
function firstIssue(error: z.ZodError, fallback: string): FirstIssue {
  const issue = error.issues[0];
  if (!issue) return { param: null, message: fallback };
  if (issue.code === 'unrecognized_keys') {
    const key = issue.keys[0] ?? null;
    return { param: key, message: `Unknown field "${key}"; remove it.` };
  }
  const first = issue.path[0];
  return { param: typeof first === 'string' ? first : null, message: issue.message };
}

/** Query parameters -> typed values, or 400 invalid_request naming the parameter. */
export function parseQuery<S extends z.ZodType>(schema: S, query: unknown): z.output<S> {
  const result = schema.safeParse(query);
  if (result.success) return result.data;
  const { param, message } = firstIssue(result.error, 'Invalid query parameter.');
  throw invalidParam(param ?? 'query', message);
}

const isJson = (contentType: string | undefined): boolean =>
  /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i.test(contentType ?? '');

/** 415 unless the request declares a JSON body. */
export function requireJsonBody(request: FastifyRequest): void {
  if (!isJson(request.headers['content-type'])) {
    throw new ApiError(415, 'invalid_request', 'unsupported_media_type', 'Send the request body as application/json.');
  }
}

/** A UTF-16 surrogate without its other half: JSON can carry one ("\ud800"), UTF-8 storage cannot. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const holdsLoneSurrogate = (value: unknown): boolean => {
  if (typeof value === 'string') return LONE_SURROGATE.test(value);
  if (Array.isArray(value)) return value.some(holdsLoneSurrogate);
  if (value !== null && typeof value === 'object') return Object.values(value).some(holdsLoneSurrogate);
  return false;
};

/**
 * 422 naming the first top-level field whose text holds a lone surrogate. SQLite would store it as
 * U+FFFD, so a 201 would promise text the sandbox did not keep; refusing it keeps "stored exactly".
 */
function rejectLoneSurrogates(body: unknown): void {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return;
  for (const [field, value] of Object.entries(body)) {
    if (holdsLoneSurrogate(value)) {
      throw validationFailed(field, `${field} holds a lone UTF-16 surrogate (half of a character); send valid Unicode text.`);
    }
  }
}

/** An already parsed JSON value -> typed values, or 422 naming the field that fails. */
export function parseBodyValue<S extends z.ZodType>(schema: S, body: unknown): z.output<S> {
  rejectLoneSurrogates(body);
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  const { param, message } = firstIssue(result.error, 'The request body is invalid.');
  throw validationFailed(param, message);
}

/** A JSON body -> typed values: 415 if it is not JSON, 422 naming the field that fails. */
export function parseJsonBody<S extends z.ZodType>(schema: S, request: FastifyRequest): z.output<S> {
  requireJsonBody(request);
  return parseBodyValue(schema, request.body);
}
