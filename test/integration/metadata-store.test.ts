import { afterAll, describe, expect, it } from 'vitest';
import { createConfMetadataStore } from '../../src-main/adapters/conf-metadata-store';
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
