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
export async function resolveKeyOrigin(record: Pick<KeyRecord, 'environment' | 'baseUrl'>, sandbox: SandboxRunner): Promise<string> {
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

/** Base URL shown for a key, without starting anything. */
export function displayBaseUrl(record: Pick<KeyRecord, 'environment' | 'baseUrl'>, sandbox: SandboxRunner): string {
  if (record.environment === 'production') return PRODUCTION_BASE_URL;
  if (record.environment === 'sandbox') return sandbox.status().baseUrl ?? 'sandbox (not started)';
  return record.baseUrl ?? '';
}
