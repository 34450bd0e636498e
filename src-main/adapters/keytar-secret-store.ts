import keytar from 'keytar';
import type { SecretStore } from '../ports';
import { AppFailure } from '../lib/errors';

export const KEYCHAIN_SERVICE = 'Helplane Console';

/** Turn keytar's platform messages into something a user can act on. Never includes a secret. */
export function keychainFailure(error: unknown): AppFailure {
  const text = error instanceof Error ? error.message : String(error);
  if (/locked|prompt.*dismissed|user.*cancel/i.test(text)) {
    return new AppFailure('keychain_locked', 'The OS keychain is locked. Unlock it (for example by logging in to your desktop session) and try again.');
  }
  // A Secret Service is running but has no default collection (gnome-keyring never made a "Login"
  // keyring): reading works, every write fails with this. Checked first, as its path names the service.
  if (/Object does not exist at path.*\/collection\/|collection\/login/i.test(text)) {
    return new AppFailure(
      'keychain_unavailable',
      "The OS keychain has no default (login) keyring, so keys cannot be saved. Open Passwords and Keys (Seahorse) and create a keyring named 'Login' (or run `secret-tool store --label=Helplane helplane probe` in your desktop session, which offers to create it), then try again. Keys are never stored anywhere else.",
    );
  }
  if (/org\.freedesktop\.secrets|D-?Bus|Could not connect|autolaunch|secret service|No such interface|ServiceUnknown/i.test(text)) {
    return new AppFailure(
      'keychain_unavailable',
      'No OS keychain is reachable. On Linux install and start a Secret Service such as gnome-keyring (package gnome-keyring) or KWallet, then restart the console. Keys are never stored anywhere else.',
    );
  }
  return new AppFailure('keychain_write_failed', `The OS keychain refused the operation: ${text.slice(0, 200)}`);
}

/** Keys live in the OS keychain under service "Helplane Console", account = key id. */
export function createKeytarSecretStore(service = KEYCHAIN_SERVICE): SecretStore {
  async function guard<T>(op: () => Promise<T>): Promise<T> {
    try {
      return await op();
    } catch (error) {
      throw keychainFailure(error);
    }
  }
  return {
    get: (account) => guard(() => keytar.getPassword(service, account)),
    set: (account, secret) => guard(() => keytar.setPassword(service, account, secret)),
    delete: (account) => guard(() => keytar.deletePassword(service, account)),
    accounts: () => guard(async () => (await keytar.findCredentials(service)).map((c) => c.account)),
  };
}
