import { randomUUID } from 'node:crypto';
import { createKeytarSecretStore } from '../../src-main/adapters/keytar-secret-store';
import type { SecretStore } from '../../src-main/ports';

/**
 * The real OS keychain under a service name of its own, so tests never see or touch the
 * console's real entries; `cleanup` removes every entry the test made.
 */
export function testKeychain(): { service: string; store: SecretStore; cleanup(): Promise<void> } {
  const service = `Helplane Console test ${randomUUID()}`;
  const store = createKeytarSecretStore(service);
  return {
    service,
    store,
    async cleanup() {
      for (const account of await store.accounts()) await store.delete(account);
    },
  };
}
