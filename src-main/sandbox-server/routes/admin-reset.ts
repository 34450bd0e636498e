import type { FastifyInstance } from 'fastify';
import type { SandboxStore } from '../db/store';
import { methodNotAllowed } from './method-not-allowed';

/** `POST /_sandbox/reset`: wipe everything (keys included) and reseed; expects the admin hook. */
export function registerAdminResetRoute(
  app: FastifyInstance,
  deps: { store: SandboxStore; seed: () => number; onReset: () => void },
): void {
  app.post('/_sandbox/reset', async () => {
    const seed = deps.seed();
    deps.store.reset(seed);
    deps.onReset();
    return { object: 'sandbox_reset', seed, workspaces: deps.store.listWorkspaces() };
  });
  methodNotAllowed(app, '/_sandbox/reset', ['POST']);
}
