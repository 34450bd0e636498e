import type { FastifyInstance } from 'fastify';
import type { SandboxStore } from '../db/store';
import { methodNotAllowed } from './method-not-allowed';

/** `/_sandbox/workspaces`; expects the admin hook on the enclosing scope. */
export function registerAdminWorkspaceRoutes(app: FastifyInstance, deps: { store: SandboxStore }): void {
  app.get('/_sandbox/workspaces', async () =>
    deps.store.listWorkspaces().map(({ id, name, plan }) => ({ id, name, plan })),
  );
  methodNotAllowed(app, '/_sandbox/workspaces', ['GET']);
}
