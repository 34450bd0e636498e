import { describe, expect, it, vi } from 'vitest';
import { generateKey } from '../../../../src-main/helplane/key-format';
import { importCurlWithKeys } from '../../../../src-main/services/workspace/curl-import-service';
import { memorySecretStore } from '../../../helpers/fakes';

describe('importCurlWithKeys', () => {
  const sandboxKey = generateKey('test');
  const customKey = 'custom-server-key-0042';
  const secrets = memorySecretStore([['k-sandbox', sandboxKey], ['k-custom', customKey]]);
  const keyIds = ['k-sandbox', 'k-custom', 'k-gone'];

  it('selects the stored key a pasted X-API-Key equals, and returns nothing of the value', async () => {
    for (const [value, id] of [[sandboxKey, 'k-sandbox'], [customKey, 'k-custom']] as const) {
      const imported = await importCurlWithKeys(`curl https://h.example/v1/contacts -H 'X-API-Key: ${value}'`, { keyIds, secrets });
      expect(imported.key).toEqual({ kind: 'matched', matchedKeyId: id });
      expect(JSON.stringify(imported)).not.toContain(value.slice(4));
    }
  });

  it('offers Add key for a key no stored key has (a prefix of one is no match)', async () => {
    const imported = await importCurlWithKeys(`curl https://h.example/ -H 'x-api-key: ${sandboxKey.slice(0, -1)}'`, { keyIds, secrets });
    expect(imported.key).toEqual({ kind: 'offerAddKey', offerAddKey: true });
  });

  it('reads no secret for a command without an X-API-Key header', async () => {
    const get = vi.fn(secrets.get.bind(secrets));
    const imported = await importCurlWithKeys('curl https://h.example/v1/contacts', { keyIds, secrets: { ...secrets, get } });
    expect(imported.key).toEqual({ kind: 'none' });
    expect(get).not.toHaveBeenCalled();
  });
});
