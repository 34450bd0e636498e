import type { ApiGateway } from '../../ports';
import { explainApiError } from '../../helplane/error-explanations';
import type { KeyService } from '../keys/key-service';
import { budgetIdOf } from '../rate-limit/budget';
import type { RequestService } from '../requests/request-service';

/** The Inspector's calls go through the request engine like any other request (tracker, History). */
export function engineGateway(requests: RequestService, keys: KeyService, now: () => number): ApiGateway {
  return {
    async get(keyId, path, query, options = {}) {
      const view = await requests.send(
        { keyId, method: 'GET', path, query: Object.entries(query).map(([name, value]) => ({ name, value })) },
        options.signal ? { signal: options.signal } : {},
      );
      const { origin } = await requests.originFor(keyId);
      return {
        status: view.status,
        body: view.body,
        rateLimit: view.rateLimit,
        receivedAt: now(),
        budgetId: budgetIdOf(origin, view.rateLimit.workspaceId, keyId),
        // Only an error has one: no key lookup for every page of an export.
        explanation: view.status >= 400 ? explainApiError(view.status, view.body, keys.find(keyId)) : null,
      };
    },
  };
}
