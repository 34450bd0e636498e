import { afterAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { METADATA_RECHECK_MS, createConfMetadataStore, createMetadataStore } from '../../src-main/adapters/conf-metadata-store';
import type { KeyRecord } from '../../src-main/ports';
import { tempDir } from '../helpers/temp-dir';

const dir = tempDir('metadata');
afterAll(() => dir.cleanup());

const record = (id: string, name: string): KeyRecord => ({
  id, name, environment: 'sandbox', baseUrl: null, prefix: 'hl_test_abcd', createdAt: '2026-01-01T00:00:00.000Z',
  lastUsedAt: null, status: 'active', workspaceId: null,
});

describe('conf metadata store', () => {
  it('sees a change another console wrote to the same file (its read cache follows the file)', () => {
    const desktop = createConfMetadataStore(dir.path);
    const web = createConfMetadataStore(dir.path);
    expect(web.readKeys()).toEqual([]);
    desktop.writeKeys([record('key_1', 'One')]);
    expect(web.readKeys().map((k) => k.name)).toEqual(['One']);
    web.writeKeys([record('key_1', 'Renamed'), record('key_2', 'Two')]);
    expect(desktop.readKeys().map((k) => k.name)).toEqual(['Renamed', 'Two']);
    expect(desktop.getFlag!('x')).toBe(false);
    web.setFlag!('x');
    expect(desktop.getFlag!('x')).toBe(true);
    expect(desktop.readKeys()).toHaveLength(2);
  });
});

describe('conf metadata store: reads on the request path', () => {
  it('sees a write another process made to the file (a change event from its folder)', async () => {
    const sub = tempDir('metadata-external');
    try {
      const store = createConfMetadataStore(sub.path);
      store.writeKeys([record('key_1', 'One')]);
      expect(store.readKeys().map((k) => k.name)).toEqual(['One']);
      const file = join(sub.path, 'keys.json');
      const data = JSON.parse(readFileSync(file, 'utf8')) as { keys: KeyRecord[] };
      data.keys[0]!.name = 'Changed elsewhere';
      // As conf and electron-store write: a temp file renamed over the old one.
      writeFileSync(`${file}.tmp`, JSON.stringify(data));
      renameSync(`${file}.tmp`, file);
      await expect.poll(() => store.readKeys()[0]?.name, { timeout: 1900 }).toBe('Changed elsewhere');
      store.close();
    } finally {
      sub.cleanup();
    }
  });

  it('answers repeated reads from memory, and checks the file again after a while', () => {
    const sub = tempDir('metadata-cache');
    try {
      let now = 0;
      let gets = 0;
      const values = new Map<string, unknown>([['keys', [record('key_1', 'One')]]]);
      const file = { path: join(sub.path, 'keys.json'), get: (k: string) => (gets++, values.get(k)), set: (items: Record<string, unknown>) => Object.entries(items).forEach(([k, v]) => values.set(k, v)) };
      writeFileSync(file.path, '{}');
      const store = createMetadataStore(file, null, () => now);
      store.readKeys();
      const afterFirst = gets;
      for (let i = 0; i < 100; i++) store.readKeys();
      expect(gets).toBe(afterFirst);
      now += METADATA_RECHECK_MS + 1;
      store.readKeys(); // unchanged on disk: still the cached copy
      expect(gets).toBe(afterFirst);
      values.set('keys', [record('key_1', 'Two')]);
      writeFileSync(file.path, '{"changed":true}');
      now += METADATA_RECHECK_MS + 1;
      expect(store.readKeys()[0]!.name).toBe('Two');
      store.close();
    } finally {
      sub.cleanup();
    }
  });
});

describe('conf metadata store: prefixes an older console stored', () => {
  it('cuts them in keys.json and keys.last-good.json when the store opens, before any write, and on every read', () => {
    const sub = tempDir('metadata-prefix');
    try {
      // The first 12 characters of an 8-character custom key: the whole key.
      const old = JSON.stringify({ version: 1, keys: [{ ...record('key_1', 'Short'), environment: 'custom', prefix: 'Kx7pQ2mZ' }, record('key_2', 'Helplane')], flags: {} });
      writeFileSync(join(sub.path, 'keys.json'), old);
      writeFileSync(join(sub.path, 'keys.last-good.json'), old);
      const store = createConfMetadataStore(sub.path);
      for (const name of ['keys.json', 'keys.last-good.json']) {
        const text = readFileSync(join(sub.path, name), 'utf8');
        expect(text).not.toContain('Kx7');
        expect((JSON.parse(text) as { version: number; keys: KeyRecord[] }).keys.map((k) => k.prefix)).toEqual(['Kx', 'hl_test_abcd']);
      }
      expect(store.readKeys().map((k) => k.prefix)).toEqual(['Kx', 'hl_test_abcd']);
      store.close();
    } finally {
      sub.cleanup();
    }
  });
});

describe('conf metadata store: a missing keys.json', () => {
  const lastGood = () => JSON.stringify({ version: 1, keys: [{ ...record('key_1', 'Staging'), environment: 'custom', baseUrl: 'https://staging.example.com', prefix: 'Kx' }], flags: {} });

  it('is restored from keys.last-good.json when the store opens (names and environments kept), and the next write keeps them', () => {
    const sub = tempDir('metadata-missing');
    try {
      writeFileSync(join(sub.path, 'keys.last-good.json'), lastGood());
      let repaired: string | null = null;
      const store = createConfMetadataStore(sub.path, (outcome) => (repaired = outcome));
      expect(repaired).toBe('restored');
      expect(store.readKeys().map((k) => [k.name, k.environment, k.baseUrl])).toEqual([['Staging', 'custom', 'https://staging.example.com']]);
      store.writeKeys([...store.readKeys(), record('key_2', 'Two')]);
      const saved = JSON.parse(readFileSync(join(sub.path, 'keys.last-good.json'), 'utf8')) as { keys: KeyRecord[] };
      expect(saved.keys.map((k) => k.name)).toEqual(['Staging', 'Two']);
      store.close();
    } finally {
      sub.cleanup();
    }
  });

  it('is restored when it goes missing while the console runs, before a write could replace the last good copy', () => {
    const sub = tempDir('metadata-missing-live');
    try {
      let now = 0;
      const store = createMetadataStore(
        { path: join(sub.path, 'keys.json'), get: (k) => (existsSync(join(sub.path, 'keys.json')) ? (JSON.parse(readFileSync(join(sub.path, 'keys.json'), 'utf8')) as Record<string, unknown>)[k] : undefined), set: (items) => writeFileSync(join(sub.path, 'keys.json'), JSON.stringify({ ...(existsSync(join(sub.path, 'keys.json')) ? (JSON.parse(readFileSync(join(sub.path, 'keys.json'), 'utf8')) as object) : {}), ...items })) },
        join(sub.path, 'keys.last-good.json'),
        () => now,
      );
      store.writeKeys([record('key_1', 'Staging')]);
      rmSync(join(sub.path, 'keys.json'));
      // A "Last used" write starts from the file as it is now: the restored copy, not an empty list.
      store.writeKeys([...store.readKeys(), record('key_2', 'Two')]);
      now += METADATA_RECHECK_MS + 1;
      expect(store.readKeys().map((k) => k.name)).toEqual(['Staging', 'Two']);
      const saved = JSON.parse(readFileSync(join(sub.path, 'keys.last-good.json'), 'utf8')) as { keys: KeyRecord[] };
      expect(saved.keys.map((k) => k.name)).toEqual(['Staging', 'Two']);
      store.close();
    } finally {
      sub.cleanup();
    }
  });
});
