import type { KeyRef } from '../helplane/collection/model';
import type { KeyRecord } from '../ports';
import { environmentOf } from '../services/collections/collection-workspace';
import { ENV_KEY_ID } from '../services/keys/env-key';

/**
 * Which stored key each request of a run is sent with, decided for all of them before the first
 * is sent (a missing key is exit 3 up front, not after half a run). By name, never by value:
 *   1. `--key <name>`: that key of the run's environment, for every request;
 *   2. HELPLANE_API_KEY, when its server is the run's environment (CI: the collection's key
 *      references name keys of someone's keychain, the job passes its own);
 *   3. the request's `key:` reference, by its name in the run's environment;
 *   4. else the environment's only usable key ("Sandbox demo" when the sandbox has several).
 */

export const DEMO_KEY_NAME = 'Sandbox demo';
/** Statuses a run may send with: the engine itself refuses the others in words. */
const USABLE = new Set<KeyRecord['status']>(['active', 'unverified']);

export type KeyChoice = { ok: true; key: KeyRecord } | { ok: false; message: string };

export interface KeyChooser {
  choose(ref: KeyRef | undefined): KeyChoice;
}

export function keyChooser(records: readonly KeyRecord[], environment: string, flagName: string | undefined): KeyChooser {
  const inEnvironment = records.filter((r) => !r.environmentUnknown && environmentOf(r) === environment);
  const named = (name: string) => inEnvironment.filter((r) => r.name === name);
  const others = (name: string) => {
    const elsewhere = records.filter((r) => r.name === name && !inEnvironment.includes(r)).map((r) => (r.environmentUnknown ? 'an unknown environment' : environmentOf(r)));
    return elsewhere.length ? ` (there is one for ${[...new Set(elsewhere)].join(', ')}: pass --env to run there)` : '';
  };
  const one = (name: string, why: string): KeyChoice => {
    const found = named(name);
    if (found.length === 1) return { ok: true, key: found[0]! };
    if (found.length > 1) return { ok: false, message: `Several stored keys for ${environment} are named “${name}” (${why}); rename one on the Keys page.` };
    return { ok: false, message: `There is no stored key “${name}” for ${environment} (${why})${others(name)}. Add it on the console's Keys page, or set HELPLANE_API_KEY.` };
  };
  const envKey = inEnvironment.find((r) => r.id === ENV_KEY_ID);
  const stored = inEnvironment.filter((r) => r.id !== ENV_KEY_ID);
  let fallback: KeyChoice | undefined;
  const defaultKey = (): KeyChoice => {
    if (fallback) return fallback;
    // A key a rotation replaced (still working during its overlap) is never the default: its replacement is.
    const usable = stored.filter((r) => USABLE.has(r.status) && !r.replacedBy);
    const demo = environment === 'sandbox' ? usable.filter((r) => r.name === DEMO_KEY_NAME) : [];
    if (usable.length === 1) fallback = { ok: true, key: usable[0]! };
    else if (demo.length === 1) fallback = { ok: true, key: demo[0]! };
    else if (usable.length === 0) fallback = { ok: false, message: `No usable stored key for ${environment}: add one on the console's Keys page, or set HELPLANE_API_KEY (with HELPLANE_BASE_URL).` };
    else fallback = { ok: false, message: `A request names no key and ${environment} has ${usable.length} stored keys (${usable.map((r) => `“${r.name}”`).join(', ')}): choose one with --key.` };
    return fallback;
  };
  return {
    choose(ref) {
      if (flagName !== undefined) return one(flagName, '--key');
      if (envKey) return { ok: true, key: envKey };
      if (ref) return one(ref.name, 'the request’s key reference');
      return defaultKey();
    },
  };
}
