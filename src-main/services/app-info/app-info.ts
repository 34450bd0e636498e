import type { AppInfo } from '../../../src-preload/contract';
import type { SandboxRunner, SecretStore } from '../../ports';
import { AppFailure } from '../../lib/errors';

export interface KeychainStatus {
  available: boolean;
  message: string | null;
}

/** Ask the keychain something harmless, so start-up can say what is missing. */
export async function probeKeychain(secrets: SecretStore): Promise<KeychainStatus> {
  try {
    await secrets.accounts();
    return { available: true, message: null };
  } catch (error) {
    return { available: false, message: error instanceof AppFailure ? error.message : 'The OS keychain could not be reached.' };
  }
}

export interface AppServiceDeps {
  version: string;
  host: AppInfo['host'];
  platform: string;
  sandbox: SandboxRunner;
  keychain: () => KeychainStatus;
  /** The console's data folder. */
  dataDir: string;
}

export function appInfo(deps: AppServiceDeps): AppInfo {
  return {
    version: deps.version,
    host: deps.host,
    platform: deps.platform,
    sandbox: { ...deps.sandbox.status(), dataDir: deps.sandbox.dataDir ?? null },
    keychain: deps.keychain(),
    dataDir: deps.dataDir,
  };
}
