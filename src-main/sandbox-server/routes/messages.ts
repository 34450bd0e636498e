import type { FastifyInstance } from 'fastify';
import { authOf, type AuthContext } from '../http/auth-context';
import { notFound, validationFailed } from '../http/errors';
import { runIdempotent, type Outcome } from '../http/idempotency';
import type { Message } from '../db/model';
import type { SandboxClock } from '../options';
import { newConversationBody, replyBody } from '../schemas/messages';
import { parseBodyValue, requireJsonBody } from '../schemas/parse';
import type { SandboxStore } from '../db/store';
import { methodNotAllowed } from './method-not-allowed';

const has = (body: unknown, field: string): boolean =>
  typeof body === 'object' && body !== null && !Array.isArray(body) && field in body;

/** The two forms of the body are told apart by which id they carry. */
function sendMessage(body: unknown, auth: AuthContext, deps: { store: SandboxStore; clock: SandboxClock }): Outcome {
  const workspaceId = auth.workspace.id;
  // Messages sent through the API are authored by the key that sent them.
  const author: Message['author'] = { type: 'api', id: auth.key.id, name: auth.key.name };
  const now = deps.clock.now();
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw validationFailed(null, 'The body must be a JSON object like {"conversation_id": "…", "body": "…"}.');
  }
  if (has(body, 'conversation_id') && has(body, 'contact_id')) {
    throw validationFailed(
      'contact_id',
      'Send conversation_id to reply, or contact_id and subject to start a conversation, not both.',
    );
  }
  if (has(body, 'conversation_id')) {
    const input = parseBodyValue(replyBody, body);
    const message = deps.store.addReply(workspaceId, { conversationId: input.conversation_id, body: input.body, author }, now);
    if (!message) throw notFound(`No conversation ${input.conversation_id} in this workspace.`, 'conversation_id');
    return { status: 201, body: message };
  }
  if (has(body, 'contact_id')) {
    const input = parseBodyValue(newConversationBody, body);
    const message = deps.store.startConversation(
      workspaceId,
      { contactId: input.contact_id, subject: input.subject, body: input.body, author },
      now,
    );
    if (!message) throw notFound(`No contact ${input.contact_id} in this workspace.`, 'contact_id');
    return { status: 201, body: message };
  }
  throw validationFailed(
    'conversation_id',
    'Send {conversation_id, body} to reply, or {contact_id, subject, body} to start a conversation.',
  );
}

/** `/v1/messages`; expects the API-key hook on the enclosing scope. */
export function registerMessageRoutes(app: FastifyInstance, deps: { store: SandboxStore; clock: SandboxClock }): void {
  app.post('/v1/messages', async (request, reply) => {
    const auth = authOf(request);
    requireJsonBody(request);
    return runIdempotent(request, reply, { ...deps, workspaceId: auth.workspace.id }, () =>
      sendMessage(request.body, auth, deps),
    );
  });
  methodNotAllowed(app, '/v1/messages', ['POST']);
}
