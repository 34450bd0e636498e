import { timingSafeEqual } from 'node:crypto';
import { importCurl, type ImportedRequest } from '../../helplane/curl-import/import-curl';
import { PRODUCTION_BASE_URL } from '../../helplane/environments';
import type { KeyRecord, SandboxRunner, SecretStore } from '../../ports';

/**
 * Import curl with the stored keys: a pasted X-API-Key selects the key whose secret it equals.
 * The secrets are read here, in main, compared in constant time and dropped with this call; the
 * reply says only which key matched (or that none did), never the pasted value.
 */
/** A stored key that can be sent with, and the origin it sends to (null when not known yet: a sandbox not started). */
export interface KeyServer {
  id: string;
  origin: string | null;
}

export interface ImportedWithServer extends ImportedRequest {
  /**
   * When the pasted key matched none (or there was none): a stored key that sends to the command's
   * server, so the tab goes where the command went. Null when no stored key sends there.
   */
  serverKeyId: string | null;
}

export async function importCurlWithKeys(
  command: string,
  deps: { keyIds: readonly string[]; secrets: SecretStore; servers?: readonly KeyServer[] },
): Promise<ImportedWithServer> {
  // No keychain reads for a command without a key header (most pastes from docs use $HELPLANE_API_KEY).
  const stored = /x-api-key/i.test(command)
    ? await Promise.all(deps.keyIds.map(async (id) => ({ id, secret: await deps.secrets.get(id).catch(() => null) })))
    : [];
  const imported = importCurl(command, (value) => {
    const pasted = Buffer.from(value, 'utf8');
    const match = stored.find((k) => {
      if (k.secret === null) return false;
      const secret = Buffer.from(k.secret, 'utf8');
      return secret.length === pasted.length && timingSafeEqual(secret, pasted);
    });
    return match?.id ?? null;
  });
  const serverKeyId = imported.key.kind === 'matched' ? null : (deps.servers?.find((k) => k.origin === imported.origin)?.id ?? null);
  return { ...imported, serverKeyId };
}

/** Usable stored keys and their servers' origins, without starting the sandbox (a stopped one has none yet). */
export function keyServers(records: readonly KeyRecord[], sandbox: Pick<SandboxRunner, 'status'>): KeyServer[] {
  const usable = records.filter((r) => !r.environmentUnknown && (r.status === 'active' || r.status === 'unverified'));
  return usable.map((r) => {
    const base = r.environment === 'production' ? PRODUCTION_BASE_URL : r.environment === 'sandbox' ? sandbox.status().baseUrl : r.baseUrl;
    return { id: r.id, origin: originOf(base) };
  });
}

function originOf(base: string | null): string | null {
  if (!base) return null;
  try {
    return new URL(base).origin;
  } catch {
    return null;
  }
}
