import Fastify, { type FastifyInstance } from 'fastify';
import { adminAuth } from './admin-auth';
import { apiKeyAuth } from './api-key-auth';
import { ApiKeyService } from './api-keys';
import { installErrorHandling, sendApiError } from './error-handler';
import { ApiError } from './errors';
import { resolveOptions, type SandboxAppOptions } from './options';
import { newRequestId } from './request-id';
import { registerAdminApiKeyRoutes } from './routes/admin-api-keys';
import { registerAdminWorkspaceRoutes } from './routes/admin-workspaces';
import { registerConversationRoutes } from './routes/conversations';
import { createMemoryStore } from './store';
import { TokenBuckets } from './token-bucket';

export type { SandboxAppOptions, SandboxClock } from './options';

const MALFORMED_URL = new ApiError(400, 'invalid_request', 'invalid_request', 'The request URL is malformed.');

/** The sandbox as a Fastify instance that is not listening: tests use `inject`, server.ts listens. */
export function createSandboxApp(options: SandboxAppOptions): FastifyInstance {
  const config = resolveOptions(options);
  const store = config.store ?? createMemoryStore(config.seed);
  const keys = new ApiKeyService(store, config.clock);

  const app = Fastify({
    logger: false,
    genReqId: newRequestId,
    requestIdHeader: false,
    bodyLimit: 1024 * 1024,
    // Malformed URLs never reach hooks; answer them in the spec's shape too.
    frameworkErrors: (_error, request, reply) => sendApiError(MALFORMED_URL, request, reply),
  });
  // Only JSON bodies are accepted; without the text parser Fastify answers other types with 415.
  app.removeContentTypeParser('text/plain');
  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  installErrorHandling(app, config.onInternalError);

  // Explicit registration, one scope per authentication scheme (no autoload: one bundle file).
  app.register(async (v1) => {
    v1.addHook(
      'onRequest',
      apiKeyAuth({
        keys,
        clock: config.clock,
        rateLimit: config.rateLimit,
        workspaceBuckets: new TokenBuckets(config.rateLimit),
        failureBuckets: new TokenBuckets(config.authFailureLimit),
      }),
    );
    registerConversationRoutes(v1, { store });
  });
  app.register(async (admin) => {
    admin.addHook('onRequest', adminAuth(config.adminToken));
    registerAdminWorkspaceRoutes(admin, { store });
    registerAdminApiKeyRoutes(admin, { store, keys });
  });
  return app;
}
