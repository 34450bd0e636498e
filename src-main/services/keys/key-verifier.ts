import type { HttpTransport, KeyRecord } from '../../ports';
import { apiErrorCode } from '../../helplane/error-body';
import { redactSecret } from '../../helplane/key-format';
import { AppFailure } from '../../lib/errors';
import { callApi } from '../http/call-api';

export interface Verification {
  status: KeyRecord['status'];
  workspaceId: string | null;
  /** Why the key could not be checked (always set when status is `unverified`), else null. */
  reason: string | null;
}

const VERIFY_TIMEOUT_MS = 10_000;

/**
 * What a reply says about the key that made it, or null when it says nothing: 2xx and 429 mean
 * the key authenticated; 401 names revoked or invalid; 403 plan_not_eligible.
 */
export function statusFromReply(status: number, body: string): KeyRecord['status'] | null {
  if ((status >= 200 && status < 300) || status === 429) return 'active';
  const code = apiErrorCode(body);
  if (status === 401) return code === 'revoked_api_key' ? 'revoked' : 'invalid';
  if (status === 403 && code === 'plan_not_eligible') return 'plan_not_eligible';
  return null;
}

/** Words for a check whose reply said nothing about the key. */
function unverifiedBecause(status: number, code: string | null): string {
  const named = code ? ` ${code}` : '';
  if (status >= 500) return `The server had an error (${status}${named}) and could not check the key. Press Test to try again later.`;
  return `The server answered ${status}${named} to the check, which does not say whether the key works. Check the Base URL.`;
}

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
    // The server's text, kept in keys.json and shown: scrubbed of the key like any reply.
    const rawWorkspace = response.headers.find((h) => h.name.toLowerCase() === 'x-workspace-id')?.value ?? null;
    const workspaceId = rawWorkspace === null ? null : redactSecret(rawWorkspace, secret);
    const body = Buffer.from(response.body).toString('utf8');
    const status = statusFromReply(response.status, body);
    if (status) return { status, workspaceId, reason: null };
    return { status: 'unverified', workspaceId, reason: redactSecret(unverifiedBecause(response.status, apiErrorCode(body)), secret) };
  } catch (error) {
    // Offline, timed out or refused: the key may be fine; say we could not check, and why.
    const why = error instanceof AppFailure ? error.message : 'The check failed before the server answered.';
    return { status: 'unverified', workspaceId: null, reason: `Not checked: ${why}` };
  }
}
