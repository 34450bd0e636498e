import type { FastifyInstance } from 'fastify';
import { authOf } from '../auth-context';
import { invalidParam } from '../errors';
import { listConversationsQuery } from '../schemas/conversations';
import { parseQuery } from '../schemas/parse';
import type { SandboxStore } from '../store';
import { methodNotAllowed } from './method-not-allowed';

/** `/v1/conversations`; expects the API-key hook on the enclosing scope. */
export function registerConversationRoutes(app: FastifyInstance, deps: { store: SandboxStore }): void {
  app.get('/v1/conversations', async (request) => {
    const { workspace } = authOf(request);
    const query = parseQuery(listConversationsQuery, request.query);
    const result = deps.store.listConversations(workspace.id, {
      limit: query.limit,
      startingAfter: query.starting_after,
      status: query.status,
      contactId: query.contact_id,
    });
    if (!result.ok) {
      throw invalidParam('starting_after', 'starting_after is not a conversation of this workspace.');
    }
    const { data, hasMore } = result.page;
    return {
      object: 'list',
      data,
      has_more: hasMore,
      next_cursor: hasMore ? (data.at(-1)?.id ?? null) : null,
    };
  });
  methodNotAllowed(app, '/v1/conversations', ['GET']);
}
