import { describe, expect, it } from 'vitest';
import type { RequestFile } from '../../../../src-main/helplane/collection/model';
import { referencedNames, resolveRequest, variableTable } from '../../../../src-main/helplane/collection/variables';

const collection = {
  variables: [
    { name: 'email', value: 'ada@example.com' },
    { name: 'contact_id', value: 'ct_collection' },
    { name: 'workspace', value: 'ws_everywhere' },
  ],
  environments: [
    { environment: 'sandbox', variables: [{ name: 'contact_id', value: 'ct_sandbox' }] },
    { environment: 'production', variables: [{ name: 'contact_id', value: 'ct_production' }] },
  ],
};

const request = (over: Partial<RequestFile> = {}): RequestFile => ({
  name: 'r',
  method: 'POST',
  path: '/v1/contacts/{{contact_id}}/messages',
  params: [],
  query: [],
  headers: [],
  captures: [],
  tests: [],
  ...over,
});

describe('variables', () => {
  it('environment wins over collection, runtime over both', () => {
    expect(variableTable(collection, 'sandbox').get('contact_id')).toEqual({ value: 'ct_sandbox', scope: 'environment' });
    expect(variableTable(collection, 'custom:https://x.example').get('contact_id')).toEqual({ value: 'ct_collection', scope: 'collection' });
    expect(variableTable(collection, 'sandbox', [{ name: 'contact_id', value: 'ct_captured' }]).get('contact_id')).toEqual({ value: 'ct_captured', scope: 'runtime' });
  });

  it('resolves path, params, query, headers and body, and says where each value came from', () => {
    const result = resolveRequest(
      request({
        params: [{ name: 'id', value: '{{contact_id}}' }],
        query: [{ name: 'ws', value: '{{ workspace }}' }, { name: 'tag', value: ['{{email}}', 'x'] }],
        headers: [{ name: 'X-Trace', value: 'run-{{workspace}}' }],
        body: '{"email": "{{email}}"}',
      }),
      variableTable(collection, 'sandbox'),
    );
    expect(result.problems).toEqual([]);
    expect(result.preview).toEqual({
      method: 'POST',
      path: '/v1/contacts/ct_sandbox/messages',
      params: [{ name: 'id', value: 'ct_sandbox' }],
      query: [{ name: 'ws', value: 'ws_everywhere' }, { name: 'tag', value: ['ada@example.com', 'x'] }],
      headers: [{ name: 'X-Trace', value: 'run-ws_everywhere' }],
      body: '{"email": "ada@example.com"}',
    });
    expect(result.used).toEqual([
      { name: 'workspace', scope: 'collection' },
      { name: 'contact_id', scope: 'environment' },
      { name: 'email', scope: 'collection' },
    ]);
  });

  it('names every undefined variable once, leaves it in the preview, and blocks Send', () => {
    const result = resolveRequest(request({ headers: [{ name: 'A', value: '{{missing}} {{other}}' }], body: '{{missing}}' }), variableTable(collection, 'sandbox'), 'chain/send.request.yaml');
    expect(result.problems).toEqual([
      { code: 'undefined_variable', file: 'chain/send.request.yaml', message: 'chain/send.request.yaml: variables {{missing}}, {{other}} are not defined in this collection or environment; define them in Variables before sending.' },
    ]);
    expect(result.preview.headers).toEqual([{ name: 'A', value: '{{missing}} {{other}}' }]);
  });

  it('JSON-escapes a value inside a JSON string, inserts it as is outside one', () => {
    const table = variableTable({ variables: [{ name: 'name', value: 'Ada "the" \\ first\n' }, { name: 'limit', value: '20' }, { name: 'obj', value: '{"a":1}' }], environments: [] }, 'sandbox');
    const body = '{"name": "{{name}}", "note": "a \\"{{limit}}\\" b", "limit": {{limit}}, "extra": {{obj}}}';
    const resolved = resolveRequest(request({ body }), table).preview.body as string;
    expect(JSON.parse(resolved)).toEqual({ name: 'Ada "the" \\ first\n', note: 'a "20" b', limit: 20, extra: { a: 1 } });
  });

  it('leaves a non-JSON body as text with values as is', () => {
    const table = variableTable({ variables: [{ name: 'v', value: 'a "b"' }], environments: [] }, 'sandbox');
    expect(resolveRequest(request({ headers: [{ name: 'Content-Type', value: 'text/plain' }], body: '{"x": "{{v}}"}' }), table).preview.body).toBe('{"x": "a "b""}');
  });

  it('percent-encodes values in the path so a value cannot add a segment or a query', () => {
    const table = variableTable({ variables: [{ name: 'contact_id', value: '../admin?x=1' }], environments: [] }, 'sandbox');
    expect(resolveRequest(request(), table).preview.path).toBe('/v1/contacts/..%2Fadmin%3Fx%3D1/messages');
  });

  it('expands variables inside values, and stops a loop naming it', () => {
    const nested = variableTable({ variables: [{ name: 'base', value: 'ct_{{suffix}}' }, { name: 'suffix', value: 'abc' }, { name: 'contact_id', value: '{{base}}' }], environments: [] }, 'sandbox');
    expect(resolveRequest(request(), nested).preview.path).toBe('/v1/contacts/ct_abc/messages');
    const loop = variableTable({ variables: [{ name: 'contact_id', value: '{{a}}' }, { name: 'a', value: 'x{{b}}' }, { name: 'b', value: '{{a}}' }], environments: [] }, 'sandbox');
    const result = resolveRequest(request(), loop);
    expect(result.problems).toEqual([expect.objectContaining({ code: 'variable_loop', message: expect.stringContaining('a → b → a') })]);
  });

  it('stops a chain deeper than the cap', () => {
    const chain = Array.from({ length: 15 }, (_, i) => ({ name: `v${i}`, value: i === 14 ? 'end' : `{{v${i + 1}}}` }));
    const result = resolveRequest(request({ path: '/{{v0}}' }), variableTable({ variables: chain, environments: [] }, 'sandbox'));
    expect(result.problems.map((p) => p.code)).toEqual(['variable_loop']);
  });

  it('refuses a header value that resolves to a line break', () => {
    const table = variableTable({ variables: [{ name: 'v', value: 'a\r\nX-Evil: 1' }], environments: [] }, 'sandbox');
    expect(resolveRequest(request({ path: '/v1/x', headers: [{ name: 'X-A', value: '{{v}}' }] }), table).problems).toEqual([expect.objectContaining({ code: 'invalid_field', field: 'headers.X-A' })]);
  });

  it('lists the names a text refers to, ignoring what is not a placeholder', () => {
    expect(referencedNames('{{a}} {{ b.c }} {{a}} {{}} {{1x}} {{ d e }}')).toEqual(['a', 'b.c']);
  });
});
