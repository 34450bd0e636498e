import type { SecretStore } from '../../ports';

/**
 * The account the start-up probe writes and deletes at once. Never a key: key ids are generated
 * and never take this form, and reconcile skips it should a crash ever leave it behind.
 */
export const KEYCHAIN_PROBE_ACCOUNT = '__helplane_probe__';

/**
 * Write and delete a probe entry. Listing alone is not enough: a Secret Service without its
 * default ("login") collection lists nothing happily, then fails every Add and Create.
 */
export async function probeKeychainWrite(secrets: SecretStore): Promise<void> {
  await secrets.set(KEYCHAIN_PROBE_ACCOUNT, 'probe');
  await secrets.delete(KEYCHAIN_PROBE_ACCOUNT);
}
