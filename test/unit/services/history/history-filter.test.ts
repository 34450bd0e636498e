import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createJsonFileStore } from '../../../../src-main/adapters/json-file-store';
import { HistoryService } from '../../../../src-main/services/history/history-service';
import { tempDirPerTest } from '../../../helpers/temp-dir-per-test';

const dataDir = tempDirPerTest('history-filter');
const base = { query: [], headers: [], body: null, errorCode: null, errorMessage: null, durationMs: 1, keyId: 'k', keyName: 'Sandbox demo', keyPrefix: 'hl_test_abcd', rateLimit: null, responseBody: '{}' };

describe('History filter', () => {
  it('combines method and path (every word must match a field)', () => {
    const history = new HistoryService(createJsonFileStore(join(dataDir(), 'history.json')));
    history.add({ ...base, time: 1, method: 'POST', path: '/v1/messages', status: 201 }, null);
    history.add({ ...base, time: 2, method: 'GET', path: '/v1/messages', status: 200 }, null);
    history.add({ ...base, time: 3, method: 'POST', path: '/v1/contacts', status: 429 }, null);
    const paths = (f: string) => history.list(f).map((e) => `${e.method} ${e.path}`);
    expect(paths('POST /v1/messages')).toEqual(['POST /v1/messages']);
    expect(paths('post')).toEqual(['POST /v1/contacts', 'POST /v1/messages']);
    expect(paths('messages 200')).toEqual(['GET /v1/messages']);
    expect(paths('  Sandbox   demo ')).toHaveLength(3);
    expect(paths('DELETE /v1/messages')).toEqual([]);
  });
});
