import { describe, expect, it } from 'vitest';
import type { ResponseView } from '../../../../src-preload/contract';
import { generateKey } from '../../../../src-main/helplane/key-format';
import type { KeyRecord } from '../../../../src-main/ports';
import type { CollectionService } from '../../../../src-main/services/collections/collection-service';
import { CollectionWorkspace, environmentOf } from '../../../../src-main/services/collections/collection-workspace';

const stored = generateKey('test');
const request = { name: 'Create', method: 'POST', path: '/v1/contacts', params: [], query: [], headers: [], captures: [{ variable: 'id', path: '$.id' }, { variable: 'leak', path: '$.token' }], tests: [] };
// Only what the workspace calls of the service: the open collection and one saved request.
const collections = {
  onChange: () => () => {},
  snapshot: () => ({ ok: true, value: { root: '/c', collection: { name: 'C', variables: [], environments: [] }, collectionRevision: null, tree: { kind: 'folder', path: '', name: '', children: [] }, problems: [] } }),
  readRequest: (path: string) => ({ ok: true, value: { path, request, revision: 'r' } }),
} as unknown as CollectionService;

const view = (body: string): ResponseView => ({ status: 201, statusText: 'Created', headers: [], body, bodyTruncated: false, sizeBytes: body.length, durationMs: 1, url: 'x', rateLimit: null as never });

function workspace(body: string) {
  return new CollectionWorkspace({
    collections,
    events: { emit: () => {} },
    keys: { find: () => ({ id: 'k', name: 'K', environment: 'sandbox', baseUrl: null }) as KeyRecord },
    catalog: [],
    secrets: async () => [{ name: 'K', value: stored }],
    send: async () => view(body),
  });
}

describe('CollectionWorkspace', () => {
  it('never keeps or returns a captured value that holds a stored key', async () => {
    const reply = await workspace(JSON.stringify({ id: 'ct_1', token: stored })).send({ keyId: 'k', method: 'POST', path: '/v1/contacts', collection: { requestPath: 'create.request.yaml' } });
    expect(reply.captured?.variables).toEqual([{ name: 'id', value: 'ct_1' }]);
    expect(reply.captured?.problems.map((p) => p.message)).toEqual([expect.stringContaining('capture leak was not kept')]);
    expect(JSON.stringify(reply.captured)).not.toContain(stored);
  });

  it('names a custom server’s environment by its origin', () => {
    expect(environmentOf({ environment: 'custom', baseUrl: 'https://api.example.com/base' })).toBe('custom:https://api.example.com');
    expect(environmentOf({ environment: 'sandbox', baseUrl: null })).toBe('sandbox');
  });
});
