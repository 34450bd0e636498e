import type { KnownSecret } from '../../helplane/collection/secret-scan';

/**
 * The stored keys' names and values for the collection secret refusal, read through SecretStore once
 * and kept until the key list changes (create-core invalidates it on keysChanged): a save does not
 * hit the keychain once per key every time. Held in main only; never sent anywhere.
 */
export function knownSecrets(list: () => readonly { id: string; name: string }[], read: (id: string) => Promise<string | null>) {
  let cached: Promise<readonly KnownSecret[]> | undefined;
  const load = async (): Promise<readonly KnownSecret[]> => {
    const out: KnownSecret[] = [];
    for (const key of list()) {
      const value = await read(key.id);
      if (value) out.push({ name: key.name, value });
    }
    return out;
  };
  return {
    get(): Promise<readonly KnownSecret[]> {
      if (!cached) {
        const loading = load();
        cached = loading;
        // A failed read (keychain locked) is not cached: the next save asks again.
        loading.catch(() => {
          if (cached === loading) cached = undefined;
        });
      }
      return cached;
    },
    invalidate(): void {
      cached = undefined;
    },
  };
}
