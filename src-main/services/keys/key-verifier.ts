import type { HttpTransport, KeyRecord } from '../../ports';
import { apiErrorCode } from '../../helplane/error-body';
import { callApi } from '../http/call-api';

export interface Verification {
  status: KeyRecord['status'];
  workspaceId: string | null;
}

const VERIFY_TIMEOUT_MS = 10_000;

/** One cheap authenticated call (`GET /v1/conversations?limit=1`) to learn a key's status. */
export async function verifyKey(transport: HttpTransport, origin: string, secret: string): Promise<Verification> {
  try {
    const { response } = await callApi(transport, {
      url: new URL('/v1/conversations?limit=1', origin),
      method: 'GET',
      headers: { Accept: 'application/json' },
      keyOrigin: origin,
      secret,
      timeoutMs: VERIFY_TIMEOUT_MS,
      maxBodyBytes: 256 * 1024,
    });
    const workspaceId =
      response.headers.find((h) => h.name.toLowerCase() === 'x-workspace-id')?.value ?? null;
    if (response.status >= 200 && response.status < 300) return { status: 'active', workspaceId };
    // Rate limited means the key authenticated.
    if (response.status === 429) return { status: 'active', workspaceId };
    const code = apiErrorCode(Buffer.from(response.body).toString('utf8'));
    if (response.status === 401) return { status: code === 'revoked_api_key' ? 'revoked' : 'invalid', workspaceId };
    if (response.status === 403 && code === 'plan_not_eligible') return { status: 'plan_not_eligible', workspaceId };
    return { status: 'unverified', workspaceId };
  } catch {
    // Offline, timed out or refused: the key may be fine; say we could not check.
    return { status: 'unverified', workspaceId: null };
  }
}
