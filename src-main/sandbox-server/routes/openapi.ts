import type { FastifyInstance } from 'fastify';
import { openApiDocument } from '../../helplane/openapi/document';
import { methodNotAllowed } from './method-not-allowed';

/** `GET /v1/openapi.json`: public, no key, no rate-limit token (registered outside the /v1 auth scope). */
export function registerOpenApiRoute(app: FastifyInstance): void {
  const body = JSON.stringify(openApiDocument);
  app.get('/v1/openapi.json', async (_request, reply) => {
    reply.type('application/json; charset=utf-8').header('cache-control', 'no-cache');
    return body;
  });
  methodNotAllowed(app, '/v1/openapi.json', ['GET']);
}
