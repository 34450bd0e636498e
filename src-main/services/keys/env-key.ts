import type { KeyRecord, SecretStore } from '../../ports';
import { PRODUCTION_BASE_URL, normaliseCustomBaseUrl } from '../../helplane/environments';
import { keyPrefix } from '../../helplane/key-format';

/** The account under which the environment's key is served (never stored in the keychain). */
export const ENV_KEY_ID = 'env:HELPLANE_API_KEY';

/**
 * `HELPLANE_API_KEY` (with `HELPLANE_BASE_URL`, default production) in the console's environment:
 * listed as "From environment", usable, never written anywhere.
 */
export function environmentKey(env: NodeJS.ProcessEnv, createdAt: string): { record: KeyRecord; secret: string } | null {
  const secret = env.HELPLANE_API_KEY?.trim();
  if (!secret) return null;
  let baseUrl: string | null = PRODUCTION_BASE_URL;
  let status: KeyRecord['status'] = 'unverified';
  const rawBase = env.HELPLANE_BASE_URL?.trim();
  if (rawBase) {
    try {
      baseUrl = normaliseCustomBaseUrl(rawBase);
    } catch {
      baseUrl = null;
      status = 'invalid';
    }
  }
  const production = baseUrl === PRODUCTION_BASE_URL;
  return {
    secret,
    record: {
      id: ENV_KEY_ID,
      name: 'From environment',
      environment: production ? 'production' : 'custom',
      baseUrl: production ? null : baseUrl,
      prefix: keyPrefix(secret),
      createdAt,
      lastUsedAt: null,
      status,
      workspaceId: null,
    },
  };
}

/** The keychain, plus the environment's key under its own account: still the only reader of secrets. */
export function withEnvironmentKey(secrets: SecretStore, envSecret: string | null): SecretStore {
  if (envSecret === null) return secrets;
  return {
    get: (account) => (account === ENV_KEY_ID ? Promise.resolve(envSecret) : secrets.get(account)),
    set: (account, secret) => secrets.set(account, secret),
    delete: (account) => secrets.delete(account),
    accounts: () => secrets.accounts(),
  };
}
