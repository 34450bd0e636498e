import type { KeyRecord, SecretStore } from '../../ports';
import { checkKeyFormat, keyPrefix } from '../../helplane/key-format';
import { KEYCHAIN_PROBE_ACCOUNT } from './keychain-probe';
import type { KeyRecords } from './key-records';

export const RECOVERED_KEY_NAME = 'Recovered key';

/**
 * Start-up and explicit refresh only (never on a list): keychain accounts without metadata come
 * back as "Recovered key" (environment unknown unless it is provably a sandbox key); metadata without a secret shows "Missing secret", and shows its old
 * state again once the secret is back. Resolves with whether anything changed.
 */
export async function reconcileKeychain(secrets: SecretStore, records: KeyRecords): Promise<boolean> {
  const accounts = new Set(await secrets.accounts());
  // The keychain is asked first; the list is read and written after the last await, so a key
  // stored (or a status written) while the keychain answered is not overwritten by an older copy.
  const knownBefore = new Set(records.read().map((r) => r.id));
  const orphans: { account: string; secret: string }[] = [];
  for (const account of accounts) {
    // The start-up probe's entry (keychain-probe.ts) is never a key, even if a crash left it behind.
    if (knownBefore.has(account) || account === KEYCHAIN_PROBE_ACCOUNT) continue;
    const secret = await secrets.get(account);
    if (secret !== null) orphans.push({ account, secret });
  }
  const stored = records.read();
  const known = new Set(stored.map((r) => r.id));
  let dirty = false;
  const next: KeyRecord[] = stored.map((r) => {
    // A key stored while the keychain answered is newer than `accounts`: nothing to judge it by.
    if (!knownBefore.has(r.id)) return r;
    if (!accounts.has(r.id) && r.status !== 'missing_secret') {
      dirty = true;
      return { ...r, status: 'missing_secret' as const };
    }
    if (accounts.has(r.id) && r.status === 'missing_secret') {
      dirty = true;
      return { ...r, status: 'unverified' as const };
    }
    return r;
  });
  for (const { account, secret } of orphans) {
    if (known.has(account)) continue;
    dirty = true;
    const format = checkKeyFormat(secret);
    // Only a checksum-valid hl_test_ key is provably the sandbox's; anything else (an hl_live_ key
    // may be a staging server's too) is never guessed: unusable until the user assigns it one.
    const sandbox = format.ok && format.mode === 'test';
    next.push({
      id: account,
      name: RECOVERED_KEY_NAME,
      environment: sandbox ? 'sandbox' : 'custom',
      ...(sandbox ? {} : { environmentUnknown: true }),
      baseUrl: null,
      prefix: keyPrefix(secret),
      createdAt: records.nowIso(),
      lastUsedAt: null,
      status: 'unverified',
      workspaceId: null,
    });
  }
  if (dirty) {
    records.write(next);
    records.changed();
  }
  return dirty;
}
