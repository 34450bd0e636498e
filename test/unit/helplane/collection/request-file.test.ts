import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseRequest, serialiseRequest, writeRequest } from '../../../../src-main/helplane/collection/request-file';
import type { RequestFile } from '../../../../src-main/helplane/collection/model';
import { requestArb } from './arbitraries';

const parsed = (text: string, file = 'a.request.yaml'): RequestFile => {
  const result = parseRequest(text, file);
  if (!result.ok) throw new Error(result.problem.message);
  return result.value;
};

const HAND_WRITTEN = `# Creates a contact, then the chain sends it a message.
name: Create contact
method: POST
path: /v1/contacts   # free path: no catalog endpoint
query:
  limit: 20
  tag: [a, b]
headers:
  # traced in the sandbox log
  X-Trace: abc
body: |
  {"email": "{{email}}", "name": "Ada"}
key: { name: Sandbox default, environment: sandbox }
captures:
  - variable: contact_id
    path: $.id
tests:
  - status: 201
  - jsonpath: $.id
    matches: ^ct_
`;

describe('request files', () => {
  it('parse(serialise(x)) equals x for any request', () => {
    fc.assert(
      fc.property(requestArb, (request) => {
        expect(parsed(writeRequest(request))).toEqual(request);
      }),
      { numRuns: 300 },
    );
  });

  it('re-saving what the console wrote gives the same bytes', () => {
    fc.assert(
      fc.property(requestArb, (request) => {
        const bytes = writeRequest(request);
        const value = parsed(bytes);
        expect(writeRequest(value)).toBe(bytes);
        expect(serialiseRequest(value, { text: bytes, value })).toBe(bytes);
      }),
      { numRuns: 300 },
    );
  });

  it('a changed request saved over another one parses back to the changed request, whatever changed', () => {
    const hand = parsed(HAND_WRITTEN);
    fc.assert(
      fc.property(requestArb, requestArb, fc.boolean(), (a, b, fromHand) => {
        const previous = fromHand ? { text: HAND_WRITTEN, value: hand } : { text: writeRequest(a), value: a };
        const text = serialiseRequest(b, previous);
        expect(parsed(text)).toEqual(b);
        if (fromHand && b.name !== hand.name) expect(text).toContain('# Creates a contact, then the chain sends it a message.');
      }),
      { numRuns: 300 },
    );
  });

  it('rewrites only the lines of the changed field, keeping spacing, flow maps and inline comments', () => {
    const value = parsed(HAND_WRITTEN);
    const text = serialiseRequest({ ...value, path: '/v1/contacts/import' }, { text: HAND_WRITTEN, value });
    expect(text).toBe(HAND_WRITTEN.replace('path: /v1/contacts   #', 'path: /v1/contacts/import   #'));
    const removed = serialiseRequest({ ...value, captures: [] }, { text: HAND_WRITTEN, value });
    expect(removed).toBe(HAND_WRITTEN.replace('captures:\n  - variable: contact_id\n    path: $.id\n', ''));
  });

  it('writes fields in one stable order whatever order the object has', () => {
    const request = parsed(HAND_WRITTEN);
    const shuffled = Object.fromEntries(Object.entries(request).reverse()) as RequestFile;
    const text = writeRequest(shuffled);
    expect(text).toBe(writeRequest(request));
    expect(text.split('\n').filter((l) => /^[a-z]/.test(l)).map((l) => l.split(':')[0])).toEqual(['name', 'method', 'path', 'query', 'headers', 'body', 'key', 'captures', 'tests']);
  });

  it('keeps a hand-written file byte for byte, comments and all, when saved unchanged', () => {
    const value = parsed(HAND_WRITTEN);
    expect(serialiseRequest(structuredClone(value), { text: HAND_WRITTEN, value })).toBe(HAND_WRITTEN);
  });

  it('keeps the comments of fields left alone when one field changes', () => {
    const value = parsed(HAND_WRITTEN);
    const text = serialiseRequest({ ...value, name: 'Create a contact', order: 2 }, { text: HAND_WRITTEN, value });
    expect(text).toContain('# Creates a contact, then the chain sends it a message.');
    expect(text).toContain('# traced in the sandbox log');
    expect(text).toContain('# free path: no catalog endpoint');
    expect(text).toMatch(/^name: Create a contact\norder: 2\nmethod: POST\n/m);
    expect(parsed(text)).toEqual({ ...value, name: 'Create a contact', order: 2 });
  });

  it('keeps the body text exactly, JSON included', () => {
    const body = '{\n\t"a" : 1,\n  "b":"x\\"y"  \n}';
    const text = writeRequest({ ...parsed(HAND_WRITTEN), body });
    expect(parsed(text).body).toBe(body);
  });

  it('keeps the order of query, headers and params as written (numeric names too)', () => {
    const value = parsed('name: x\nmethod: GET\npath: /a\nquery:\n  z: 1\n  "2": two\n  a: 3\n');
    expect(value.query.map((q) => q.name)).toEqual(['z', '2', 'a']);
    expect(value.query[0]?.value).toBe('1');
  });

  it.each([
    ['name: x\nmethod: get\npath: /a\n', 'method', 2, /HTTP method in capitals/],
    ['name: x\nmethod: GET\n', 'path', undefined, /exactly one of endpoint .* or path/],
    ['name: x\nmethod: GET\npath: /a\nheaders:\n  X-A: 1\n  x-a: 2\n', 'headers.x-a', 6, /header “x-a” is given twice/],
    ['name: x\nmethod: GET\npath: /a\ntests:\n  - jsonpath: $.[\n    exists: true\n', 'tests[0].jsonpath', 5, /not a JSONPath/],
    ['name: x\nmethod: GET\npath: /a\ntests:\n  - status: 200\n  - header: A\n', 'tests[1]', 6, /exactly one of equals, matches, exists/],
    ['name: x\nmethod: GET\npath: /a\ntests:\n  - speed: 1\n', 'tests[0]', 5, /must start with one of status/],
    ['name: x\nmethod: GET\npath: /a\nkey:\n  name: k\n  environment: staging\n', 'key.environment', 6, /sandbox, production or custom/],
    ['name: x\nmethod: GET\npath: /a\nkey:\n  name: k\n  environment: sandbox\n  value: hl_test_x\n', 'key.value', 7, /Unrecognized key/i],
    ['name: x\nmethod: GET\npath: /a\ncaptures:\n  - variable: "{{bad}}"\n    path: $.id\n', 'captures[0].variable', 5, /must start with a letter/],
  ])('refuses %j naming field %s and line %s', (text, field, line, message) => {
    const result = parseRequest(text, 'dir/r.request.yaml');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problem).toMatchObject({ code: 'invalid_field', file: 'dir/r.request.yaml', field });
    if (line !== undefined) expect(result.problem.line).toBe(line);
    expect(result.problem.message).toMatch(message);
    expect(result.problem.message).toContain('dir/r.request.yaml');
  });

  it('reports a syntax error with line and column', () => {
    const result = parseRequest('name: x\nmethod: GET\npath: /a\n  bad: [\n', 'r.request.yaml');
    expect(result).toMatchObject({ ok: false, problem: { code: 'parse_error', file: 'r.request.yaml', line: 3 } });
    if (!result.ok) expect(result.problem.column).toBeGreaterThan(0);
  });

  it('refuses a key given twice rather than letting the last win', () => {
    expect(parseRequest('name: x\nname: y\nmethod: GET\npath: /a\n', 'r.request.yaml')).toMatchObject({ ok: false, problem: { code: 'parse_error', line: 2 } });
  });

  it('refuses a file past the size cap without parsing it', () => {
    const result = parseRequest(`name: x\nbody: "${'a'.repeat(1_000_001)}"\n`, 'big.request.yaml');
    expect(result).toMatchObject({ ok: false, problem: { code: 'too_large', file: 'big.request.yaml' } });
  });
});
