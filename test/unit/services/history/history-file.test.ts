import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { HistoryEntry } from '../../../../src-preload/contract';
import { createJsonFileStore } from '../../../../src-main/adapters/json-file-store';
import { HistoryService } from '../../../../src-main/services/history/history-service';
import { tempDirPerTest } from '../../../helpers/temp-dir-per-test';

const dataDir = tempDirPerTest('history-file');

function entry(n: number): HistoryEntry {
  return {
    id: `id-${n}`, time: n, method: 'GET', path: `/v1/contacts/${n}`, query: [], headers: [], body: null, bodyTruncated: false,
    status: 200, errorCode: null, errorMessage: null, durationMs: 1, keyId: 'k', keyName: 'K', keyPrefix: 'hl_test_abcd', rateLimit: null, responsePreview: '{}',
  };
}
const newEntry = { time: 99, method: 'POST' as const, path: '/v1/contacts', query: [], headers: [], body: null, status: 201, errorCode: null, errorMessage: null, durationMs: 1, keyId: 'k', keyName: 'K', keyPrefix: 'hl_test_abcd', rateLimit: null, responseBody: '{}' };
const setAside = (dir: string) => readdirSync(dir).filter((f) => f.startsWith('history.damaged-'));

describe('a damaged history.json', () => {
  it('keeps the 19 valid entries of 20 when one has an unknown method, and keeps the file as it was beside them', () => {
    const dir = dataDir();
    const path = join(dir, 'history.json');
    const entries: unknown[] = Array.from({ length: 20 }, (_, i) => entry(20 - i));
    entries[7] = { ...entry(13), method: 'FOO' };
    const original = JSON.stringify(entries);
    writeFileSync(path, original);

    const history = new HistoryService(createJsonFileStore(path));
    expect(history.list()).toHaveLength(19);
    expect(history.list().map((e) => e.id)).not.toContain('id-13');
    expect(setAside(dir)).toHaveLength(1);
    expect(readFileSync(join(dir, setAside(dir)[0]!), 'utf8')).toBe(original);
    // The kept entries are what the file holds now, so the next start sees them too.
    expect(new HistoryService(createJsonFileStore(path)).list()).toHaveLength(19);
  });

  it('sets a truncated file aside, unchanged, and History works from empty', () => {
    const dir = dataDir();
    const path = join(dir, 'history.json');
    const truncated = JSON.stringify([entry(2), entry(1)]).slice(0, 150);
    writeFileSync(path, truncated);

    const history = new HistoryService(createJsonFileStore(path));
    expect(history.list()).toEqual([]);
    expect(setAside(dir)).toHaveLength(1);
    expect(readFileSync(join(dir, setAside(dir)[0]!), 'utf8')).toBe(truncated);
    history.add(newEntry, null);
    expect(new HistoryService(createJsonFileStore(path)).list()).toMatchObject([{ method: 'POST', path: '/v1/contacts' }]);
    expect(setAside(dir)).toHaveLength(1);
  });

  it('sets nothing aside for a missing or a valid file', () => {
    const dir = dataDir();
    const path = join(dir, 'history.json');
    new HistoryService(createJsonFileStore(path)).add(newEntry, null);
    expect(new HistoryService(createJsonFileStore(path)).list()).toHaveLength(1);
    expect(setAside(dir)).toEqual([]);
  });
});
