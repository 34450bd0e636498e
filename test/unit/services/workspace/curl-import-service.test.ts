import { describe, expect, it, vi } from 'vitest';
import { generateKey } from '../../../../src-main/helplane/key-format';
import { importCurlWithKeys, keyServers } from '../../../../src-main/services/workspace/curl-import-service';
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

  it('picks a stored key on the command’s server when the pasted key matched none, and only a usable one', async () => {
    const records = [
      { id: 'k-revoked', name: 'Old', environment: 'custom', baseUrl: 'https://h.example', prefix: 'x', createdAt: '', lastUsedAt: null, status: 'revoked', workspaceId: null },
      { id: 'k-custom', name: 'Staging', environment: 'custom', baseUrl: 'https://h.example/', prefix: 'x', createdAt: '', lastUsedAt: null, status: 'active', workspaceId: null },
      { id: 'k-prod', name: 'Prod', environment: 'production', baseUrl: null, prefix: 'x', createdAt: '', lastUsedAt: null, status: 'unverified', workspaceId: null },
      { id: 'k-sandbox', name: 'Sandbox', environment: 'sandbox', baseUrl: null, prefix: 'x', createdAt: '', lastUsedAt: null, status: 'active', workspaceId: null },
    ] as const;
    const servers = keyServers(records, { status: () => ({ baseUrl: 'http://127.0.0.1:4010/' }) } as never);
    expect(servers).toEqual([
      { id: 'k-custom', origin: 'https://h.example' },
      { id: 'k-prod', origin: 'https://api.helplane.io' },
      { id: 'k-sandbox', origin: 'http://127.0.0.1:4010' },
    ]);
    const onCustom = await importCurlWithKeys('curl https://h.example/v1/contacts', { keyIds, secrets, servers });
    expect(onCustom.serverKeyId).toBe('k-custom');
    const onSandbox = await importCurlWithKeys('curl http://127.0.0.1:4010/v1/contacts -H "X-API-Key: unknown-key-value-1234"', { keyIds, secrets, servers });
    expect(onSandbox.serverKeyId).toBe('k-sandbox');
    const elsewhere = await importCurlWithKeys('curl https://other.example/v1/contacts', { keyIds, secrets, servers });
    expect(elsewhere.serverKeyId).toBeNull();
    // The pasted key's own entry wins: no server guess on top.
    const matched = await importCurlWithKeys(`curl https://other.example/v1 -H 'X-API-Key: ${customKey}'`, { keyIds, secrets, servers });
    expect(matched.serverKeyId).toBeNull();
  });
});
