import type { FastifyInstance } from 'fastify';
import { toKeyView, type ApiKeyService } from '../http/api-keys';
import { notFound } from '../http/errors';
import { createApiKeyBody } from '../schemas/api-keys';
import { parseJsonBody } from '../schemas/parse';
import type { SandboxStore } from '../db/store';
import { methodNotAllowed } from './method-not-allowed';

interface WorkspaceParams {
  ws: string;
}

interface KeyParams extends WorkspaceParams {
  id: string;
}

/** The dashboard's key management; expects the admin hook on the enclosing scope. */
export function registerAdminApiKeyRoutes(
  app: FastifyInstance,
  deps: { store: SandboxStore; keys: ApiKeyService },
): void {
  const requireWorkspace = (ws: string): void => {
    if (!deps.store.getWorkspace(ws)) throw notFound(`No workspace ${ws}.`, 'ws');
  };

  app.get<{ Params: WorkspaceParams }>('/_sandbox/workspaces/:ws/api_keys', async (request) => {
    requireWorkspace(request.params.ws);
    return deps.keys.list(request.params.ws).map(toKeyView);
  });

  app.post<{ Params: WorkspaceParams }>('/_sandbox/workspaces/:ws/api_keys', async (request, reply) => {
    requireWorkspace(request.params.ws);
    const body = parseJsonBody(createApiKeyBody, request);
    const { record, secret } = deps.keys.create(request.params.ws, body.name);
    // The only response that ever holds a secret: keep it out of any cache.
    reply.code(201).header('cache-control', 'no-store');
    return { ...toKeyView(record), secret };
  });

  app.delete<{ Params: KeyParams }>('/_sandbox/workspaces/:ws/api_keys/:id', async (request) => {
    requireWorkspace(request.params.ws);
    const revoked = deps.keys.revoke(request.params.ws, request.params.id);
    if (!revoked) throw notFound(`No API key ${request.params.id} in workspace ${request.params.ws}.`, 'id');
    return toKeyView(revoked);
  });

  methodNotAllowed(app, '/_sandbox/workspaces/:ws/api_keys', ['GET', 'POST']);
  methodNotAllowed(app, '/_sandbox/workspaces/:ws/api_keys/:id', ['DELETE']);
}
