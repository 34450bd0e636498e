import type { KeyMeta } from '../../../src-preload/contract';
import type { SecretStore } from '../../ports';

/** A stored key's name and value, as the secret refusals of drafts and collection files need it. */
export interface NamedSecret {
  name: string;
  value: string;
}

/**
 * The stored keys' secrets that drafts are scrubbed of and collection saves are refused for, read
 * from the keychain once and kept in main (a draft is saved on every pause in typing: a keychain
 * read each time would be slow and, on some systems, prompt). Dropped when the key list changes in
 * a way that can change a secret or its name (a key added, deleted, renamed or edited), not on a
 * Last-used tick. Never sent anywhere.
 */
/** One key's read: its secret, none stored, or a keychain that refused. */
type Read = { name: string; value: string | null; failed: boolean };

export class KeySecretsCache {
  private cached: Promise<Read[]> | null = null;
  private signature = '';

  constructor(private readonly deps: { keys: () => readonly KeyMeta[]; secrets: SecretStore }) {}

  /** The keys-changed event: reread on the next use when the keys (not only their times) changed. */
  keysChanged(keys: readonly KeyMeta[]): void {
    if (signatureOf(keys) !== this.signature) this.cached = null;
  }

  private reads(): Promise<Read[]> {
    if (this.cached === null) {
      const keys = this.deps.keys();
      this.signature = signatureOf(keys);
      const read = Promise.all(
        keys.map((k) =>
          this.deps.secrets.get(k.id).then(
            (value): Read => ({ name: k.name, value: value || null, failed: false }),
            (): Read => ({ name: k.name, value: null, failed: true }),
          ),
        ),
      );
      this.cached = read;
      // A refused read is not kept: the next use asks the keychain again.
      void read.then((list) => {
        if (list.some((r) => r.failed) && this.cached === read) this.cached = null;
      });
    }
    return this.cached;
  }

  /**
   * Each stored key's name and value, for a refusal that must be complete (a collection save): a
   * keychain that refused any read rejects, so the caller refuses rather than checks half the keys.
   */
  async named(): Promise<NamedSecret[]> {
    const list = await this.reads();
    const failed = list.find((r) => r.failed);
    if (failed) throw new Error(`The keychain did not give the secret of “${failed.name}”.`);
    return list.flatMap((r) => (r.value ? [{ name: r.name, value: r.value }] : []));
  }

  /** The values the keychain gave, for scrubbing drafts (which also scrub anything key-shaped). */
  async secrets(): Promise<string[]> {
    return (await this.reads()).flatMap((r) => (r.value ? [r.value] : []));
  }
}

const signatureOf = (keys: readonly KeyMeta[]) => keys.map((k) => `${k.id}:${k.prefix}:${k.name}`).join('|');
