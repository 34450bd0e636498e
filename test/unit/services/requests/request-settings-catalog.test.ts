import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../../src-preload/contract';
import { createJsonFileStore } from '../../../../src-main/adapters/json-file-store';
import { buildCatalog } from '../../../../src-main/helplane/catalog';
import { explainApiError } from '../../../../src-main/helplane/error-explanations';
import { HISTORY_MAX_ENTRIES, HistoryService } from '../../../../src-main/services/history/history-service';
import { SettingsService } from '../../../../src-main/services/settings/settings-service';

const dirs: string[] = [];
const temp = () => {
  const d = mkdtempSync(join(tmpdir(), 'helplane-settings-'));
  dirs.push(d);
  return d;
};
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('settings', () => {
  it('starts from the defaults (100 MB, refuse redirects, no auto-retry) and persists updates', () => {
    const path = join(temp(), 'settings.json');
    const first = new SettingsService(createJsonFileStore(path));
    expect(first.get()).toEqual(DEFAULT_SETTINGS);
    expect(first.get().maxResponseMb).toBe(100);
    first.update({ autoRetryOn429: true, proxyMode: 'none', requestTimeoutSeconds: 5 });
    expect(new SettingsService(createJsonFileStore(path)).get()).toMatchObject({ autoRetryOn429: true, proxyMode: 'none', requestTimeoutSeconds: 5 });
  });

  it('keeps the good fields of a damaged file and refuses bad updates', () => {
    const path = join(temp(), 'settings.json');
    writeFileSync(path, JSON.stringify({ theme: 'dark', maxResponseMb: -4, proxyMode: 'carrier-pigeon' }));
    const s = new SettingsService(createJsonFileStore(path));
    expect(s.get()).toMatchObject({ theme: 'dark', maxResponseMb: 100, proxyMode: 'system' });
    expect(() => s.update({ requestTimeoutSeconds: 0 })).toThrow();
    writeFileSync(path, '{not json');
    expect(new SettingsService(createJsonFileStore(path)).get()).toEqual(DEFAULT_SETTINGS);
  });
});

describe('history cap', () => {
  it('keeps at most the newest entries and truncates bodies', () => {
    const path = join(temp(), 'history.json');
    const h = new HistoryService(createJsonFileStore(path));
    const base = { time: 0, method: 'POST' as const, path: '/v1/contacts', query: [], headers: [{ name: 'X-API-Key', value: 'x' }], status: 201, errorCode: null, errorMessage: null, durationMs: 1, keyId: 'k', keyName: 'K', keyPrefix: 'hl_test_abcd', rateLimit: null, responseBody: '{}' };
    for (let i = 0; i < HISTORY_MAX_ENTRIES + 3; i++) h.add({ ...base, time: i, body: 'b'.repeat(10_000) }, null);
    expect(h.list()).toHaveLength(HISTORY_MAX_ENTRIES); // entries added in this turn are listed at once
    const list = new HistoryService(createJsonFileStore(path)).list();
    expect(list).toHaveLength(HISTORY_MAX_ENTRIES);
    expect(list[0]?.time).toBe(HISTORY_MAX_ENTRIES + 2);
    expect(list[0]?.bodyTruncated).toBe(true);
    expect(list[0]?.body?.length).toBe(4096);
    expect(list[0]?.headers).toEqual([]);
    expect(list[0]?.responsePreview).toBe('{}');
    expect(readFileSync(path, 'utf8')).not.toMatch(/x-api-key/i);
  });

  it('keeps what it cut, not the whole request and response bodies it cut from', () => {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const h = new HistoryService({ read: () => [], write: () => undefined });
    const base = { time: 0, method: 'POST' as const, path: '/v1/contacts', query: [], headers: [], status: 201, errorCode: null, errorMessage: null, durationMs: 1, keyId: 'k', keyName: 'K', keyPrefix: 'hl_test_abcd', rateLimit: null };
    gc();
    const before = process.memoryUsage().heapUsed;
    for (let i = 0; i < 40; i++) h.add({ ...base, body: `{"n":${i}}`.padEnd(600_000, ' '), responseBody: `{"r":${i}}`.padEnd(600_000, ' ') }, null);
    gc();
    // 40 entries of about 5 KB each; holding the bodies would be 40 x 1.2 MB.
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(4 * 1024 * 1024);
    expect(h.list()).toHaveLength(40);
  });

  it('redacts a key that straddles the end of the response preview', () => {
    const h = new HistoryService(createJsonFileStore(join(temp(), 'history.json')));
    const key = 'hl_test_ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijkl';
    const base = { time: 0, method: 'GET' as const, path: '/v1/contacts', query: [], headers: [], body: null, status: 200, errorCode: null, errorMessage: null, durationMs: 1, keyId: 'k', keyName: 'K', keyPrefix: 'hl_test_abcd', rateLimit: null };
    for (const at of [1000, 1010, 1020, 1023]) {
      h.add({ ...base, responseBody: `${'x'.repeat(at)}${key} ${'y'.repeat(5000)}` }, 'custom-secret-value');
      const preview = h.list()[0]!.responsePreview!;
      expect(preview).toHaveLength(1024);
      expect(preview).not.toContain('EFGH');
    }
    h.add({ ...base, responseBody: `${'x'.repeat(1015)}custom-secret-value` }, 'custom-secret-value');
    expect(h.list()[0]!.responsePreview).not.toContain('custom-se');
  });
});

describe('the endpoint catalog', () => {
  it('is built from the OpenAPI document: five operations with path params, query params, schemas and templates', () => {
    const catalog = buildCatalog();
    expect(catalog.map((e) => `${e.method} ${e.path}`)).toEqual(
      expect.arrayContaining(['GET /v1/conversations', 'GET /v1/conversations/{id}', 'GET /v1/contacts', 'POST /v1/contacts', 'POST /v1/messages']),
    );
    const one = catalog.find((e) => e.path === '/v1/conversations/{id}')!;
    expect(one.pathParams.map((p) => p.name)).toEqual(['id']);
    const create = catalog.find((e) => e.method === 'POST' && e.path === '/v1/contacts')!;
    expect(JSON.parse(create.bodySchema!)).toMatchObject({ required: ['name', 'email'] });
    expect(JSON.parse(create.template!)).toHaveProperty('email');
    expect(catalog.find((e) => e.path === '/v1/openapi.json')?.needsKey).toBe(false);
  });
});

describe('API errors in words', () => {
  it('says what to do about a revoked key, and stays quiet on success', () => {
    const body = JSON.stringify({ error: { code: 'revoked_api_key' } });
    expect(explainApiError(401, body, { name: 'Prod' })).toMatch(/“Prod” was revoked.*Create a new key/);
    expect(explainApiError(200, body, { name: 'Prod' })).toBeNull();
    expect(explainApiError(429, 'nope', { name: 'Prod' })).toMatch(/Retry-After/);
  });
});
