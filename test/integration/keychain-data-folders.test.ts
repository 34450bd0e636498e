import { randomUUID } from 'node:crypto';
import { readFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createConfMetadataStore } from '../../src-main/adapters/conf-metadata-store';
import { KEYCHAIN_ID_FILE, createDataFolderSecretStore, keychainIdOf } from '../../src-main/adapters/data-folder-keychain';
import { createInProcessSandbox } from '../../src-main/adapters/in-process-sandbox';
import { createKeytarSecretStore } from '../../src-main/adapters/keytar-secret-store';
import { nodeHostAdapters } from '../../src-main/adapters/node-host';
import { createCore, type Core } from '../../src-main/core/create-core';
import type { SecretStore } from '../../src-main/ports';
import { tempDir } from '../helpers/temp-dir';
import { assertOk, typedClient } from '../helpers/typed-client';

// The real OS keychain, under a base service of this test's own (never the console's real entries).
const BASE = `Helplane Console folders test ${randomUUID()}`;
const dir = tempDir('keychain-folders');
const sandbox = createInProcessSandbox({ dataDir: join(dir.path, 'sandbox'), adminToken: 'folders-admin' });
const services = new Set<string>([BASE]);
const opened = (service: string): SecretStore => {
  services.add(service);
  return createKeytarSecretStore(service);
};

afterAll(async () => {
  for (const service of services) {
    const store = createKeytarSecretStore(service);
    for (const account of await store.accounts().catch(() => [])) await store.delete(account).catch(() => false);
  }
  await sandbox.stop();
  dir.cleanup();
});

const record = (id: string, name: string) => ({
  id, name, environment: 'custom', baseUrl: 'https://staging.example.com', prefix: 'st', createdAt: '2026-01-01T00:00:00.000Z',
  lastUsedAt: null, status: 'active', workspaceId: null,
});

async function openCore(dataDir: string, secrets: SecretStore): Promise<Core> {
  return createCore({
    host: 'web', dataDir, ...nodeHostAdapters(dataDir), events: { emit: () => undefined }, isTrustedSender: () => true,
    metadata: createConfMetadataStore(dataDir), secrets, sandbox: { ...sandbox, stop: async () => undefined }, env: {}, demoKey: false,
  });
}

describe('keychain entries belong to one data folder', () => {
  it('moves the default folder\'s un-namespaced entries into its namespace, and a second --data-dir never lists, uses or deletes them', async () => {
    const first = join(dir.path, 'first');
    const second = join(dir.path, 'second');
    // What an older console left: every folder's keys under the bare service.
    const legacy = createKeytarSecretStore(BASE);
    await legacy.set('key_named', 'staging-secret-0001');
    await legacy.set('key_orphan', 'orphan-secret-0002');
    const metadata = createConfMetadataStore(first);
    metadata.writeKeys([record('key_named', 'Staging') as never]);
    metadata.close();

    const firstStore = createDataFolderSecretStore(first, { baseService: BASE, isDefault: true, open: opened });
    expect((await firstStore.accounts()).sort()).toEqual(['key_named', 'key_orphan']);
    expect(await firstStore.get('key_named')).toBe('staging-secret-0001');
    // Moved, not copied: nothing is left under the shared name for another folder to adopt.
    expect(await legacy.accounts()).toEqual([]);
    const id = keychainIdOf(first).id;
    expect(JSON.parse(readFileSync(join(first, KEYCHAIN_ID_FILE), 'utf8'))).toMatchObject({ id, legacyOrphansTaken: true });

    const secondStore = createDataFolderSecretStore(second, { baseService: BASE, isDefault: false, open: opened });
    expect(keychainIdOf(second).id).not.toBe(id);
    expect(await secondStore.accounts()).toEqual([]);
    expect(await secondStore.get('key_named')).toBeNull();

    // Through the whole console: the second folder lists no key of the first, and Delete of the
    // first's id there neither finds nor removes it.
    const core = await openCore(second, secondStore);
    try {
      const client = typedClient(core.router);
      const keys = await client.call('keys:refresh');
      assertOk(keys);
      expect(keys.value.map((k) => k.id)).toEqual([]);
      const refused = await client.call('keys:delete', { id: 'key_named' });
      expect(refused.ok).toBe(false);
      await secondStore.delete('key_named');
      expect(await firstStore.get('key_named')).toBe('staging-secret-0001');
    } finally {
      await core.dispose();
    }

    // The first folder still has both, and its Recovered key is the orphan only.
    const firstCore = await openCore(first, createDataFolderSecretStore(first, { baseService: BASE, isDefault: true, open: opened }));
    try {
      const keys = await typedClient(firstCore.router).call('keys:refresh');
      assertOk(keys);
      expect(keys.value.map((k) => [k.id, k.name]).sort()).toEqual([['key_named', 'Staging'], ['key_orphan', 'Recovered key']]);
    } finally {
      await firstCore.dispose();
    }
  });

  it('a non-default folder takes only the un-namespaced entries its own keys.json names', async () => {
    const other = join(dir.path, 'other');
    const legacy = createKeytarSecretStore(BASE);
    await legacy.set('key_mine', 'mine-secret-00003');
    await legacy.set('key_not_mine', 'else-secret-00004');
    const metadata = createConfMetadataStore(other);
    metadata.writeKeys([record('key_mine', 'Mine') as never]);
    metadata.close();
    const store = createDataFolderSecretStore(other, { baseService: BASE, isDefault: false, open: opened });
    expect(await store.accounts()).toEqual(['key_mine']);
    expect(await legacy.accounts()).toEqual(['key_not_mine']);
  });

  it('keeps its id when the folder is moved (the id file decides, not the path)', () => {
    const from = join(dir.path, 'before-move');
    const to = join(dir.path, 'after-move');
    const id = keychainIdOf(from).id;
    renameSync(from, to);
    expect(keychainIdOf(to).id).toBe(id);
  });
});
