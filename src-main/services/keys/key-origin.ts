import type { KeyRecord, SandboxRunner } from '../../ports';
import { PRODUCTION_BASE_URL } from '../../helplane/environments';
import { AppFailure } from '../../lib/errors';

const origins = new Map<string, string>();
/** The origin of a base URL the sandbox reported (parsed once per URL: it is asked on every request). */
function originOf(baseUrl: string): string {
  let origin = origins.get(baseUrl);
  if (origin === undefined) {
    origin = new URL(baseUrl).origin;
    if (origins.size > 16) origins.clear();
    origins.set(baseUrl, origin);
  }
  return origin;
}

/** The origin a key's requests go to (and the only origin its secret is sent to). */
export async function resolveKeyOrigin(record: Pick<KeyRecord, 'environment' | 'baseUrl' | 'environmentUnknown'>, sandbox: SandboxRunner): Promise<string> {
  // Never guessed: a key of unknown environment could belong to any server (keychain-reconcile.ts).
  if (record.environmentUnknown) throw environmentUnknownFailure();
  switch (record.environment) {
    case 'production':
      return PRODUCTION_BASE_URL;
    case 'custom':
      if (!record.baseUrl) throw new AppFailure('invalid_argument', 'This key has no base URL.');
      return new URL(record.baseUrl).origin;
    case 'sandbox':
      try {
        return originOf(await sandbox.ensureStarted());
      } catch (error) {
        throw new AppFailure(
          'sandbox_unavailable',
          `The embedded sandbox could not start: ${error instanceof Error ? error.message : String(error)}`,
        );
      }
  }
}

export function environmentUnknownFailure(): AppFailure {
  return new AppFailure(
    'key_environment_unknown',
    'This recovered key has no known environment, so it is not sent anywhere. On the Keys page, choose Edit on its row and set its environment (and, for a custom server, its base URL).',
  );
}

/** Base URL shown for a key, without starting anything. */
export function displayBaseUrl(record: Pick<KeyRecord, 'environment' | 'baseUrl' | 'environmentUnknown'>, sandbox: SandboxRunner): string {
  if (record.environmentUnknown) return '';
  if (record.environment === 'production') return PRODUCTION_BASE_URL;
  if (record.environment === 'sandbox') return sandbox.status().baseUrl ?? 'sandbox (not started)';
  return record.baseUrl ?? '';
}
