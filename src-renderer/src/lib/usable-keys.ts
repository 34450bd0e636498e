import type { KeyMeta } from '../../../src-preload/contract';

/**
 * Can a request be sent with this key? Not a recovered key whose environment is unknown: main
 * refuses it (key_environment_unknown) until Edit key assigns one, so pickers do not offer it.
 */
export function isUsableKey(key: Pick<KeyMeta, 'environmentUnknown'>): boolean {
  return key.environmentUnknown !== true;
}
