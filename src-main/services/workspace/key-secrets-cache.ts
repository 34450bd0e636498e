import type { KeyMeta } from '../../../src-preload/contract';
import type { SecretStore } from '../../ports';

/**
 * The stored keys' secrets that drafts are scrubbed of, read from the keychain once and kept in
 * main (a draft is saved on every pause in typing: a keychain read each time would be slow and,
 * on some systems, prompt). Dropped when the key list changes in a way that can change a secret
 * (a key added, deleted or edited: its id or prefix), not on a Last-used tick.
 */
export class KeySecretsCache {
  private cached: Promise<string[]> | null = null;
  private signature = '';

  constructor(private readonly deps: { keys: () => readonly KeyMeta[]; secrets: SecretStore }) {}

  /** The keys-changed event: reread on the next use when the keys (not only their times) changed. */
  keysChanged(keys: readonly KeyMeta[]): void {
    if (signatureOf(keys) !== this.signature) this.cached = null;
  }

  secrets(): Promise<string[]> {
    if (this.cached === null) {
      const keys = this.deps.keys();
      this.signature = signatureOf(keys);
      const read = Promise.all(keys.map((k) => this.deps.secrets.get(k.id).catch(() => null))).then((list) => list.filter((s): s is string => s !== null && s !== ''));
      // A failed read is not kept: the next save tries again.
      read.catch(() => (this.cached = null));
      this.cached = read;
    }
    return this.cached;
  }
}

const signatureOf = (keys: readonly KeyMeta[]) => keys.map((k) => `${k.id}:${k.prefix}`).join('|');
