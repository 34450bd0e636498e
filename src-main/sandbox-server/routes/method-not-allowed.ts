import type { FastifyInstance, HTTPMethods } from 'fastify';
import { ApiError } from '../http/errors';

const METHODS: HTTPMethods[] = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];

/**
 * Answers the methods a known path does not serve with 405 and `Allow`, instead of the 404 Fastify
 * would give. Call it once per path, after registering the path's real routes.
 *
 * The answer is given in the route's onRequest hook, before Fastify reads and parses the body: the
 * spec decides the method first, so a body that is malformed, of another type or too large still
 * gets 405 and not 400/415/413. Authentication (the scope's onRequest hook) still runs first.
 */
export function methodNotAllowed(app: FastifyInstance, url: string, served: HTTPMethods[]): void {
  // Fastify adds HEAD for every GET route.
  const allow = served.includes('GET') ? [...served, 'HEAD'] : served;
  const others = METHODS.filter((m) => !served.includes(m));
  if (others.length === 0) return;
  app.route({
    method: others,
    url,
    onRequest: async (request) => {
      throw new ApiError(
        405,
        'invalid_request',
        'method_not_allowed',
        `${request.method} is not allowed here; use ${allow.join(', ')}.`,
        null,
        { allow: allow.join(', ') },
      );
    },
    // Never reached: onRequest has already answered.
    handler: async () => undefined,
  });
}
