import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ApiError, internalError, notFound } from './errors';

/** Fastify's own body-parsing failures, mapped onto the spec's codes. */
function fromFastifyError(error: FastifyError): ApiError | null {
  switch (error.code) {
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return new ApiError(400, 'invalid_request', 'invalid_json', 'The request body is not valid JSON.');
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new ApiError(413, 'invalid_request', 'payload_too_large', 'The request body is over 1 MiB.');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new ApiError(
        415,
        'invalid_request',
        'unsupported_media_type',
        'Send the request body as application/json.',
      );
  }
  // Other framework-detected client errors (bad URL, bad Content-Length): a generic 400, no internals.
  const status = error.statusCode ?? 500;
  if (error.code?.startsWith('FST_') && status >= 400 && status < 500) {
    return new ApiError(400, 'invalid_request', 'invalid_request', 'The request is malformed.');
  }
  return null;
}

/** Sends the spec's error body. Sets X-Request-Id itself because early framework errors skip hooks. */
export function sendApiError(error: ApiError, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  for (const [name, value] of Object.entries(error.headers)) reply.header(name, value);
  return reply
    .code(error.status)
    .header('x-request-id', request.id)
    .type('application/json; charset=utf-8')
    .send(error.toBody(request.id));
}

export function toApiError(error: unknown): ApiError | null {
  if (error instanceof ApiError) return error;
  if (error instanceof Error && 'code' in error) return fromFastifyError(error as FastifyError);
  return null;
}

/** The path only, cut short: the message echoes client input. */
const pathOf = (url: string): string => (url.split('?')[0] ?? '').slice(0, 200);

/** Every failure becomes the spec's error body; anything unexpected is a 500 without internals. */
export function installErrorHandling(app: FastifyInstance, onInternalError: (error: unknown) => void): void {
  app.setErrorHandler((error, request, reply) => {
    const apiError = toApiError(error);
    if (apiError) return sendApiError(apiError, request, reply);
    onInternalError(error);
    return sendApiError(internalError(), request, reply);
  });
  app.setNotFoundHandler((request, reply) =>
    sendApiError(notFound(`No route ${request.method} ${pathOf(request.url)}.`), request, reply),
  );
}
