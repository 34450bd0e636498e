import type { SandboxRunner, SecretStore } from '../../src-main/ports';

/** A keychain in memory, for tests and benches that measure or fuzz something else. */
export function memorySecretStore(initial: Iterable<[string, string]> = []): SecretStore {
  const secrets = new Map<string, string>(initial);
  return {
    get: async (account) => secrets.get(account) ?? null,
    set: async (account, secret) => void secrets.set(account, secret),
    delete: async (account) => secrets.delete(account),
    accounts: async () => [...secrets.keys()],
  };
}

/** A sandbox that never starts: for cores whose test talks to another server. */
export function stoppedSandbox(why = 'no sandbox in this test'): SandboxRunner {
  return {
    status: () => ({ state: 'stopped', baseUrl: null, message: null }),
    ensureStarted: () => Promise.reject(new Error(why)),
    adminToken: () => null,
    stop: async () => undefined,
  };
}
