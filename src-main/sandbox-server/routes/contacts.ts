import type { FastifyInstance } from 'fastify';
import { authOf } from '../http/auth-context';
import { ApiError, invalidParam } from '../http/errors';
import { runIdempotent } from '../http/idempotency';
import type { SandboxClock } from '../options';
import { createContactBody, listContactsQuery } from '../schemas/contacts';
import { parseBodyValue, parseQuery, requireJsonBody } from '../schemas/parse';
import type { SandboxStore } from '../db/store';
import { listBody } from './conversations';
import { methodNotAllowed } from './method-not-allowed';

/** `/v1/contacts`; expects the API-key hook on the enclosing scope. */
export function registerContactRoutes(app: FastifyInstance, deps: { store: SandboxStore; clock: SandboxClock }): void {
  app.get('/v1/contacts', async (request) => {
    const { workspace } = authOf(request);
    const query = parseQuery(listContactsQuery, request.query);
    const result = deps.store.listContacts(workspace.id, {
      limit: query.limit,
      startingAfter: query.starting_after,
      email: query.email,
      q: query.q,
    });
    if (!result.ok) throw invalidParam('starting_after', 'starting_after is not a contact of this workspace.');
    return listBody(result.page);
  });

  app.post('/v1/contacts', async (request, reply) => {
    const { workspace } = authOf(request);
    requireJsonBody(request);
    return runIdempotent(request, reply, { ...deps, workspaceId: workspace.id }, () => {
      const input = parseBodyValue(createContactBody, request.body);
      const result = deps.store.createContact(workspace.id, input, deps.clock.now());
      if (!result.ok) {
        throw new ApiError(409, 'conflict', 'contact_exists', `A contact with email ${input.email} already exists.`, 'email');
      }
      return { status: 201, body: result.contact };
    });
  });

  methodNotAllowed(app, '/v1/contacts', ['GET', 'POST']);
}
