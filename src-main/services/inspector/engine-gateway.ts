import type { ApiGateway } from '../../ports';
import { explainApiError } from '../../helplane/error-explanations';
import type { KeyService } from '../keys/key-service';
import type { RateLimitTracker } from '../rate-limit/rate-limit-tracker';
import type { RequestService } from '../requests/request-service';

/** The Inspector's calls go through the request engine like any other request (tracker, History). */
export function engineGateway(requests: RequestService, keys: KeyService, tracker: RateLimitTracker, now: () => number): ApiGateway {
  return {
    async get(keyId, path, query, options = {}) {
      // The key's server, for the budget: looked up before the send, so the reply is read at once.
      const { origin } = await requests.originFor(keyId);
      const view = await requests.send(
        { keyId, method: 'GET', path, query: Object.entries(query).map(([name, value]) => ({ name, value })) },
        options.signal ? { signal: options.signal } : {},
      );
      return {
        status: view.status,
        body: view.body,
        rateLimit: view.rateLimit,
        receivedAt: now(),
        budgetId: tracker.budgetOf(keyId, origin, view.rateLimit.workspaceId),
        // Only an error needs the key's name.
        explanation: view.status >= 400 ? explainApiError(view.status, view.body, keys.find(keyId)) : null,
      };
    },
    async budgetFor(keyId) {
      const { origin } = await requests.originFor(keyId);
      return tracker.budgetOf(keyId, origin, null);
    },
  };
}
