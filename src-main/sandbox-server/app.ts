import { join } from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { adminAuth } from './http/admin-auth';
import { apiKeyAuth } from './http/api-key-auth';
import { ApiKeyService } from './http/api-keys';
import { DATABASE_FILE } from './db/open-database';
import { createSqliteStore } from './db/sqlite-store';
import { installErrorHandling, sendApiError } from './http/error-handler';
import { ApiError } from './http/errors';
import { resolveOptions, type SandboxAppOptions } from './options';
import { newRequestId } from './http/request-id';
import { registerAdminApiKeyRoutes } from './routes/admin-api-keys';
import { registerAdminResetRoute } from './routes/admin-reset';
import { registerAdminWorkspaceRoutes } from './routes/admin-workspaces';
import { registerContactRoutes } from './routes/contacts';
import { registerConversationRoutes } from './routes/conversations';
import { registerMessageRoutes } from './routes/messages';
import { registerOpenApiRoute } from './routes/openapi';
import { TokenBuckets } from './http/token-bucket';

export type { SandboxAppOptions, SandboxClock } from './options';

const MALFORMED_URL = new ApiError(400, 'invalid_request', 'invalid_request', 'The request URL is malformed.');

/** The sandbox as a Fastify instance that is not listening: tests use `inject`, server.ts listens. */
export function createSandboxApp(options: SandboxAppOptions): FastifyInstance {
  const config = resolveOptions(options);
  const ownStore = !config.store;
  const store =
    config.store ??
    createSqliteStore({ file: config.dataDir ? join(config.dataDir, DATABASE_FILE) : ':memory:', seed: config.seed });
  const keys = new ApiKeyService(store, config.clock);
  const workspaceBuckets = new TokenBuckets(config.rateLimit);
  const failureBuckets = new TokenBuckets(config.authFailureLimit);

  const app = Fastify({
    logger: false,
    genReqId: newRequestId,
    requestIdHeader: false,
    bodyLimit: 1024 * 1024,
    // Slow-loris limits (Fastify leaves both off): the whole request within requestTimeoutMs, and
    // a socket silent that long during a request is dropped. Idle keep-alive sockets keep
    // Fastify's own keepAliveTimeout.
    requestTimeout: config.requestTimeoutMs,
    connectionTimeout: config.requestTimeoutMs,
    http: {
      // Real clients send their headers in one write: 10 s is generous, and never more than the whole request.
      headersTimeout: Math.min(10_000, config.requestTimeoutMs),
      // Node looks for expired requests on this interval (30 s by default, which would let a
      // trickled request live up to twice the limit); a check per second costs nothing here.
      connectionsCheckingInterval: Math.min(1_000, Math.max(50, Math.floor(config.requestTimeoutMs / 4))),
    },
    // Malformed URLs never reach hooks; answer them in the spec's shape too.
    frameworkErrors: (_error, request, reply) => sendApiError(MALFORMED_URL, request, reply),
  });
  // Only JSON bodies are accepted; without the text parser Fastify answers other types with 415.
  app.removeContentTypeParser('text/plain');
  // Callback-style hooks here and in api-key-auth: no promise per request on the hot path.
  app.addHook('onRequest', (request, reply, done) => {
    reply.header('x-request-id', request.id);
    done();
  });
  // Closing the app checkpoints and closes the database it opened.
  if (ownStore) app.addHook('onClose', async () => store.close());
  installErrorHandling(app, config.onInternalError);

  registerOpenApiRoute(app);
  // Explicit registration, one scope per authentication scheme (no autoload: one bundle file).
  app.register(async (v1) => {
    v1.addHook(
      'onRequest',
      apiKeyAuth({
        keys,
        clock: config.clock,
        rateLimit: config.rateLimit,
        workspaceBuckets,
        failureBuckets,
        authFailureLimit: config.authFailureLimit,
      }),
    );
    registerConversationRoutes(v1, { store });
    registerContactRoutes(v1, { store, clock: config.clock });
    registerMessageRoutes(v1, { store, clock: config.clock });
  });
  app.register(async (admin) => {
    admin.addHook('onRequest', adminAuth(config.adminToken));
    registerAdminWorkspaceRoutes(admin, { store });
    registerAdminApiKeyRoutes(admin, { store, keys });
    registerAdminResetRoute(admin, {
      store,
      seed: () => config.explicitSeed ?? store.seed(),
      onReset: () => {
        workspaceBuckets.clear();
        failureBuckets.clear();
      },
    });
  });
  return app;
}
