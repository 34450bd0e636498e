import { describe, expect, it } from 'vitest';
import type { KeyMeta } from '../../../../src-preload/contract';
import { KeySecretsCache } from '../../../../src-main/services/workspace/key-secrets-cache';
import { memorySecretStore } from '../../../helpers/fakes';

const key = (id: string, name: string, prefix = 'hl_test_ab') => ({ id, name, prefix }) as KeyMeta;

describe('KeySecretsCache', () => {
  it('reads the keychain once, and again only when a key is added, removed or renamed', async () => {
    const store = memorySecretStore([['a', 'secret-A-123456'], ['b', 'secret-B-123456']]);
    let reads = 0;
    const counting = { ...store, get: (id: string) => (reads++, store.get(id)) };
    let keys = [key('a', 'Alpha'), key('b', 'Beta')];
    const cache = new KeySecretsCache({ keys: () => keys, secrets: counting });
    expect(await cache.named()).toEqual([{ name: 'Alpha', value: 'secret-A-123456' }, { name: 'Beta', value: 'secret-B-123456' }]);
    expect(await cache.secrets()).toEqual(['secret-A-123456', 'secret-B-123456']);
    expect(reads).toBe(2);
    cache.keysChanged(keys); // a Last-used tick: same keys
    await cache.named();
    expect(reads).toBe(2);
    keys = [key('a', 'Alpha renamed'), key('b', 'Beta')];
    cache.keysChanged(keys);
    expect((await cache.named())[0]!.name).toBe('Alpha renamed');
    expect(reads).toBe(4);
  });

  it('a keychain that refuses one read: named() rejects (a refusal must be complete), secrets() gives what it could, and the next use asks again', async () => {
    const store = memorySecretStore([['a', 'secret-A-123456'], ['b', 'secret-B-123456']]);
    let refuse = true;
    const flaky = { ...store, get: (id: string) => (refuse && id === 'b' ? Promise.reject(new Error('locked')) : store.get(id)) };
    const cache = new KeySecretsCache({ keys: () => [key('a', 'Alpha'), key('b', 'Beta')], secrets: flaky });
    await expect(cache.named()).rejects.toThrow('Beta');
    refuse = false;
    await Promise.resolve();
    expect(await cache.secrets()).toEqual(['secret-A-123456', 'secret-B-123456']);
    expect((await cache.named()).map((s) => s.name)).toEqual(['Alpha', 'Beta']);
  });
});
