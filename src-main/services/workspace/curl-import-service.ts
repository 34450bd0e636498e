import { timingSafeEqual } from 'node:crypto';
import { importCurl, type ImportedRequest } from '../../helplane/curl-import/import-curl';
import type { SecretStore } from '../../ports';

/**
 * Import curl with the stored keys: a pasted X-API-Key selects the key whose secret it equals.
 * The secrets are read here, in main, compared in constant time and dropped with this call; the
 * reply says only which key matched (or that none did), never the pasted value.
 */
export async function importCurlWithKeys(command: string, deps: { keyIds: readonly string[]; secrets: SecretStore }): Promise<ImportedRequest> {
  // No keychain reads for a command without a key header (most pastes from docs use $HELPLANE_API_KEY).
  const stored = /x-api-key/i.test(command)
    ? await Promise.all(deps.keyIds.map(async (id) => ({ id, secret: await deps.secrets.get(id).catch(() => null) })))
    : [];
  return importCurl(command, (value) => {
    const pasted = Buffer.from(value, 'utf8');
    const match = stored.find((k) => {
      if (k.secret === null) return false;
      const secret = Buffer.from(k.secret, 'utf8');
      return secret.length === pasted.length && timingSafeEqual(secret, pasted);
    });
    return match?.id ?? null;
  });
}
