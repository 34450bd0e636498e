import { describe, expect, it } from 'vitest';
import type { ResponseView, SendRequestInput } from '../../../../src-preload/contract';
import { createJsonFileStore } from '../../../../src-main/adapters/json-file-store';
import { generateKey } from '../../../../src-main/helplane/key-format';
import type { KeyRecord } from '../../../../src-main/ports';
import type { CollectionService } from '../../../../src-main/services/collections/collection-service';
import { CollectionWorkspace } from '../../../../src-main/services/collections/collection-workspace';
import { ResponseHistory } from '../../../../src-main/services/workspace/response-history';
import { tempDirPerTest } from '../../../helpers/temp-dir-per-test';

// Issue 16 (resp): the tab's own captures and tests, Use as variable, response history, resolved snippets.
const stored = generateKey('test');
const other = generateKey('live');
const saved = { name: 'Create', method: 'POST', path: '/v1/contacts', params: [], query: [], headers: [], captures: [{ variable: 'from_file', path: '$.id' }], tests: [{ status: 999 }] };
const collections = {
  onChange: () => () => {},
  snapshot: () => ({ ok: true, value: { root: '/c', collection: { name: 'C', variables: [], environments: [] }, collectionRevision: null, tree: { kind: 'folder', path: '', name: '', children: [] }, problems: [] } }),
  readRequest: (path: string) => ({ ok: true, value: { path, request: saved, revision: 'r' } }),
} as unknown as CollectionService;

const CONTACT = { id: 'ct_1a2b3c', object: 'contact', name: 'Ada', email: 'ada@example.com', phone: null, company: null, conversation_count: 0, created_at: '2026-01-01T00:00:00Z', updated_at: '2026-01-01T00:00:00Z' };
const reply = (status: number, body: string, headers = [{ name: 'content-type', value: 'application/json' }]): ResponseView => ({
  status, statusText: 'x', headers, body, bodyTruncated: false, sizeBytes: body.length, durationMs: 12, url: 'http://s/v1/contacts', rateLimit: null as never,
});
const newDir = tempDirPerTest('chaining');

function workspace(answer: ResponseView, extra: Partial<ConstructorParameters<typeof CollectionWorkspace>[0]> = {}) {
  const sent: SendRequestInput[] = [];
  const ws = new CollectionWorkspace({
    collections,
    events: { emit: () => {} },
    keys: { find: () => ({ id: 'k', name: 'K', environment: 'sandbox', baseUrl: null }) as KeyRecord },
    catalog: [],
    secrets: async () => [{ name: 'K', value: stored }],
    send: async (input) => {
      sent.push(input);
      return answer;
    },
    ...extra,
  });
  return { ws, sent };
}
const post = (collection: SendRequestInput['collection'], over: Partial<SendRequestInput> = {}): SendRequestInput => ({ keyId: 'k', method: 'POST', path: '/v1/contacts', body: '{}', collection, ...over });

describe('the tab’s own captures', () => {
  it('are applied after a 2xx (over the saved file’s) and feed the next request', async () => {
    const { ws, sent } = workspace(reply(201, JSON.stringify(CONTACT)));
    const first = await ws.send(post({ requestPath: 'create.request.yaml', captures: [{ variable: 'contact_id', path: '$.id' }] }));
    expect(first.captured?.variables).toEqual([{ name: 'contact_id', value: 'ct_1a2b3c' }]);
    await ws.send({ keyId: 'k', method: 'GET', path: '/v1/contacts/{{contact_id}}', collection: {} });
    expect(sent[1]?.path).toBe('/v1/contacts/ct_1a2b3c');
    const preview = await ws.resolve({ keyId: 'k', request: { method: 'GET', path: '/v1/contacts/{{from_file}}', params: [], query: [], headers: [] } });
    expect(preview.undefinedVariables).toEqual(['from_file']);
  });

  it('never keep or return a capture whose variable name is a key', async () => {
    const { ws } = workspace(reply(201, JSON.stringify(CONTACT)));
    const out = await ws.send(post({ captures: [{ variable: other, path: '$.id' }, { variable: 'ok', path: '$.id' }] }));
    expect(out.captured?.variables).toEqual([{ name: 'ok', value: 'ct_1a2b3c' }]);
    expect(JSON.stringify(out)).not.toContain(other);
    expect(ws.runtimeVariables().variables).toEqual([{ name: 'ok', value: 'ct_1a2b3c' }]);
  });

  it('are not applied after a 4xx, and an unsaved tab’s captures work without a file', async () => {
    const { ws } = workspace(reply(422, JSON.stringify({ error: { code: 'validation_failed' } })));
    const out = await ws.send(post({ captures: [{ variable: 'contact_id', path: '$.id' }] }));
    expect(out.captured).toBeUndefined();
    expect(ws.runtimeVariables().variables).toEqual([]);
  });

  it('are checked with the collection format before anything is sent', async () => {
    const { ws, sent } = workspace(reply(201, '{}'));
    await expect(ws.send(post({ captures: [{ variable: '1bad', path: '$.id' }] }))).rejects.toMatchObject({ code: 'invalid_collection_field', message: expect.stringContaining('captures[0].variable') });
    await expect(ws.send(post({ captures: [{ variable: 'ok', path: '$[' }] }))).rejects.toMatchObject({ code: 'invalid_collection_field' });
    expect(sent).toEqual([]);
  });
});

describe('the tab’s tests', () => {
  it('are evaluated by main after the reply, each passed or failed with why', async () => {
    const { ws } = workspace(reply(201, JSON.stringify(CONTACT)));
    const out = await ws.send(
      post({
        tests: [
          { status: 201 },
          { status: 200 },
          { header: 'Content-Type', matches: 'json' },
          { jsonpath: '$.id', matches: '^ct_' },
          { jsonpath: '$.name', equals: 'Grace' },
          { jsonpath: '$.missing', exists: true },
          { schema: 'endpoint' },
          { duration_under_ms: 5000 },
        ],
      }),
    );
    expect(out.testResults?.map((r) => [r.label, r.result])).toEqual([
      ['status is 201', 'passed'],
      ['status is 200', 'failed'],
      ['header Content-Type matches json', 'passed'],
      ['$.id matches ^ct_', 'passed'],
      ['$.name equals "Grace"', 'failed'],
      ['$.missing exists', 'failed'],
      ['body valid against the endpoint schema', 'passed'],
      ['duration under 5000 ms', 'passed'],
    ]);
    expect(out.testResults?.[1]?.detail).toBe('the status was 201');
    expect(out.testResults?.[4]?.detail).toBe('it was "Ada"');
  });

  it('checks the body against the endpoint’s response schema and says what is wrong', async () => {
    const { ws } = workspace(reply(201, JSON.stringify({ ...CONTACT, id: 'cv_wrong' })));
    const out = await ws.send(post({ tests: [{ schema: 'endpoint' }] }));
    expect(out.testResults?.[0]).toMatchObject({ result: 'failed', detail: expect.stringContaining('$.id') });
    const { ws: extra } = workspace(reply(201, JSON.stringify({ ...CONTACT, object: 'thing', secret_field: 1 })));
    const detail = (await extra.send(post({ tests: [{ schema: 'endpoint' }] }))).testResults?.[0]?.detail;
    expect(detail).toContain('$.object');
    expect(detail).toContain('secret_field');
  });

  it('without inline tests, a saved request’s tests run; invalid inline tests are refused before sending', async () => {
    const { ws, sent } = workspace(reply(201, JSON.stringify(CONTACT)));
    const out = await ws.send(post({ requestPath: 'create.request.yaml' }));
    expect(out.testResults).toEqual([{ label: 'status is 999', result: 'failed', detail: 'the status was 201' }]);
    await expect(ws.send(post({ tests: [{ status: 'two hundred' }] }))).rejects.toMatchObject({ code: 'invalid_collection_field', message: expect.stringContaining('tests[0]') });
    expect(sent).toHaveLength(1);
  });
});

describe('Use as variable (collections:setRuntimeVariable)', () => {
  it('sets a runtime variable the next resolution uses', async () => {
    const { ws } = workspace(reply(200, '{}'));
    expect(await ws.setRuntimeVariable({ name: 'contact_id', value: 'ct_9' })).toEqual({ variables: [{ name: 'contact_id', value: 'ct_9' }] });
    const preview = await ws.resolve({ keyId: 'k', request: { method: 'GET', path: '/v1/contacts/{{contact_id}}', params: [], query: [], headers: [] } });
    expect(preview.preview.path).toBe('/v1/contacts/ct_9');
    expect(preview.used).toEqual([{ name: 'contact_id', scope: 'runtime' }]);
  });

  it('refuses a value holding a stored key or any checksum-valid key, in words that never hold it', async () => {
    const { ws } = workspace(reply(200, '{}'));
    for (const value of [stored, `Bearer ${other}`]) {
      const refused = await ws.setRuntimeVariable({ name: 'token', value }).catch((e: unknown) => e as { code: string; message: string });
      expect(refused).toMatchObject({ code: 'invalid_argument', message: expect.stringContaining('its value holds an API key') });
      expect(JSON.stringify(refused)).not.toContain(value);
    }
    // A name that is a key (it matches the name pattern) is refused too, and never echoed.
    const named = await ws.setRuntimeVariable({ name: other, value: '' }).catch((e: unknown) => e as { code: string; message: string });
    expect(named).toMatchObject({ code: 'invalid_argument', message: expect.stringContaining('its name holds an API key') });
    expect(JSON.stringify(named)).not.toContain(other);
    expect(ws.runtimeVariables().variables).toEqual([]);
    await expect(ws.setRuntimeVariable({ name: 'has space', value: 'x' })).rejects.toMatchObject({ code: 'invalid_argument' });
  });
});

describe('response history per tab', () => {
  it('keeps each reply of a tab (scrubbed), lists and gets them, and removes them with the tab', async () => {
    const history = new ResponseHistory({ folder: newDir(), document: (path) => createJsonFileStore(path, { pretty: false }) });
    const tab = 'tab_00000000000000aa';
    const { ws } = workspace(reply(200, JSON.stringify({ echo: stored })), { responses: history, secretValues: async () => [stored] });
    await ws.send({ keyId: 'k', method: 'GET', path: '/v1/contacts', tabId: tab });
    await ws.send({ keyId: 'k', method: 'GET', path: '/v1/contacts', tabId: tab, collection: {} });
    await ws.send({ keyId: 'k', method: 'GET', path: '/v1/contacts' });
    const list = history.list(tab);
    expect(list).toHaveLength(2);
    expect(list[0]).toMatchObject({ status: 200, sizeBytes: expect.any(Number) });
    const entry = history.get(tab, list[0]!.id);
    expect(entry.body).not.toContain(stored);
    expect(entry.headers).toEqual([{ name: 'content-type', value: 'application/json' }]);
    history.remove(tab);
    expect(history.list(tab)).toEqual([]);
  });
});

describe('Copy as code and Save to file', () => {
  it('get the resolved request, never a {{name}}; an undefined variable refuses them', async () => {
    const snippets: SendRequestInput[] = [];
    const { ws } = workspace(reply(200, '{}'), { snippet: async (input) => (snippets.push(input.request), { language: 'curl', code: 'curl' }) });
    await ws.setRuntimeVariable({ name: 'contact_id', value: 'ct 9' });
    await ws.snippet({ language: 'curl', request: { keyId: 'k', method: 'GET', path: '/v1/contacts/{{contact_id}}', collection: {}, tabId: 'tab_00000000000000aa' } });
    expect(snippets[0]).toEqual({ keyId: 'k', method: 'GET', path: '/v1/contacts/ct%209' });
    await expect(ws.snippet({ language: 'curl', request: { keyId: 'k', method: 'GET', path: '/v1/x/{{nope}}', collection: {} } })).rejects.toMatchObject({ code: 'undefined_variable' });
  });
});

describe('the resolved request (requests:resolve)', () => {
  it('never carries a key back: a stored key or a checksum-valid Helplane key typed into a value, a header or the body is redacted', async () => {
    const { ws } = workspace(reply(200, '{}'));
    const custom = 'custom-stored-secret-42';
    const { ws: withCustom } = workspace(reply(200, '{}'), { secrets: async () => [{ name: 'K', value: stored }, { name: 'C', value: custom }] });
    const request = {
      method: 'POST',
      path: `/v1/contacts/${other}`,
      params: [],
      query: [{ name: 'q', value: stored }],
      headers: [{ name: 'X-Note', value: `see ${custom}` }],
      body: `{"note": "${stored}", "other": "${custom}"}`,
    };
    for (const resolved of [await ws.resolve({ keyId: 'k', request }), await withCustom.resolve({ keyId: 'k', request })]) {
      const text = JSON.stringify(resolved);
      expect(text).not.toContain(stored.slice(12));
      expect(text).not.toContain(other.slice(12));
      expect(resolved.preview.body).toContain('"note"');
    }
    expect(JSON.stringify(await withCustom.resolve({ keyId: 'k', request }))).not.toContain(custom);
  });
});
