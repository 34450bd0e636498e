import type { FastifyRequest } from 'fastify';
import type { ApiKeyRecord, Workspace } from '../db/model';

export interface AuthContext {
  key: ApiKeyRecord;
  workspace: Workspace;
}

// A WeakMap instead of a request decorator: no global type augmentation of Fastify for one value.
const contexts = new WeakMap<FastifyRequest, AuthContext>();

export function setAuth(request: FastifyRequest, context: AuthContext): void {
  contexts.set(request, context);
}

/** The authenticated key of a /v1 request; throws (-> 500) if a route forgot the auth hook. */
export function authOf(request: FastifyRequest): AuthContext {
  const context = contexts.get(request);
  if (!context) throw new Error(`no auth context for ${request.method} ${request.url}`);
  return context;
}
