import type { AppInfo } from '../../../src-preload/contract';
import type { SandboxRunner, SecretStore } from '../../ports';
import { AppFailure } from '../../lib/errors';
import { probeKeychainWrite } from '../keys/keychain-probe';

export interface KeychainStatus {
  available: boolean;
  message: string | null;
}

/** Write and delete a probe entry, so start-up can say what is missing before the user's Add fails. */
async function probeKeychain(secrets: SecretStore): Promise<KeychainStatus> {
  try {
    await probeKeychainWrite(secrets);
    return { available: true, message: null };
  } catch (error) {
    return { available: false, message: error instanceof AppFailure ? error.message : 'The OS keychain could not be reached.' };
  }
}

export interface AppInfoDeps {
  version: string;
  host: AppInfo['host'];
  platform: string;
  sandbox: SandboxRunner;
  secrets: SecretStore;
  /** The console's data folder. */
  dataDir: string;
}

/** What the console is and what it can reach (the header, Settings and first-run notices read it). */
export class AppInfoService {
  private keychain: KeychainStatus = { available: false, message: null };

  constructor(private readonly deps: AppInfoDeps) {}

  /** Probe the keychain (start-up); resolves with what it found. */
  async probe(): Promise<KeychainStatus> {
    this.keychain = await probeKeychain(this.deps.secrets);
    return this.keychain;
  }

  /** The facts now; a keychain that was out of reach is asked again, so unlocking it shows at once. */
  async info(): Promise<AppInfo> {
    if (!this.keychain.available) await this.probe();
    const { deps } = this;
    return {
      version: deps.version,
      host: deps.host,
      platform: deps.platform,
      sandbox: { ...deps.sandbox.status(), dataDir: deps.sandbox.dataDir ?? null },
      keychain: this.keychain,
      dataDir: deps.dataDir,
    };
  }
}
