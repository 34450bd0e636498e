import type { FastifyInstance } from 'fastify';
import { authOf } from '../http/auth-context';
import { invalidParam, notFound } from '../http/errors';
import type { Page } from '../db/paginate';
import { listConversationsQuery } from '../schemas/conversations';
import { parseQuery } from '../schemas/parse';
import type { SandboxStore } from '../db/store';
import { methodNotAllowed } from './method-not-allowed';

/** The spec's list envelope. */
export function listBody<T extends { id: string }>(page: Page<T>) {
  return {
    object: 'list' as const,
    data: page.data,
    has_more: page.hasMore,
    next_cursor: page.hasMore ? (page.data.at(-1)?.id ?? null) : null,
  };
}

/** `/v1/conversations[/{id}]`; expects the API-key hook on the enclosing scope. */
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
    return listBody(result.page);
  });

  app.get<{ Params: { id: string } }>('/v1/conversations/:id', async (request) => {
    const { workspace } = authOf(request);
    const conversation = deps.store.getConversation(workspace.id, request.params.id);
    if (!conversation) throw notFound(`No conversation ${request.params.id} in this workspace.`, 'id');
    return conversation;
  });

  methodNotAllowed(app, '/v1/conversations', ['GET']);
  methodNotAllowed(app, '/v1/conversations/:id', ['GET']);
}
