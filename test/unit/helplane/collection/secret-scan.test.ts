import { describe, expect, it } from 'vitest';
import { generateKey } from '../../../../src-main/helplane/key-format';
import { findSecrets, secretRefusal } from '../../../../src-main/helplane/collection/secret-scan';

const stored = { name: 'Custom staging', value: 'Cu$tom key/with "quotes" & spaces' };
const hlStored = { name: 'Sandbox default', value: generateKey('test') };
const secrets = [stored, hlStored];
const base = 'name: r\nmethod: POST\npath: /v1/contacts\n';

const scan = (text: string) => findSecrets(text, 'folder/r.request.yaml', secrets);

describe('secret refusal', () => {
  it('finds nothing in a clean request', () => {
    expect(scan(`${base}headers:\n  X-Trace: abc\nbody: '{"a": 1}'\n`)).toEqual([]);
  });

  it('names file, field and line of a stored key in a header, and the key by name', () => {
    const findings = scan(`${base}headers:\n  X-API-Key: ${hlStored.value}\n`);
    expect(findings).toEqual([{ file: 'folder/r.request.yaml', field: 'headers.X-API-Key', line: 5, keyName: 'Sandbox default' }]);
  });

  it('finds a checksum-valid hl_ key that is not one of the stored ones, and ignores one with a bad checksum', () => {
    const other = generateKey('live');
    const broken = `${other.slice(0, -1)}${other.endsWith('A') ? 'B' : 'A'}`;
    expect(scan(`${base}query:\n  k: ${other}\n`)).toEqual([{ file: 'folder/r.request.yaml', field: 'query.k', line: 5, keyName: undefined }]);
    expect(scan(`${base}query:\n  k: ${broken}\n`)).toEqual([]);
  });

  it.each([
    ['JSON-escaped in a JSON body', (v: string) => `body: |\n  {"token": ${JSON.stringify(v)}}\n`, 'body', 5],
    ['URL-encoded in a query value', (v: string) => `query:\n  q: "${encodeURIComponent(v)}"\n`, 'query.q', 5],
    ['URL-encoded in lower-case hex in the path', (v: string) => `params:\n  id: "${encodeURIComponent(v).replace(/%[0-9A-F]{2}/g, (h) => h.toLowerCase())}"\n`, 'params.id', 5],
    ['on a later line of a block body', (v: string) => `body: |\n  line one\n  line two ${v}\n`, 'body', 6],
    ['as \\u escapes in a JSON body', (v: string) => `body: |\n  {"k": "${[...v].map((c) => (/[A-Za-z ]/.test(c) ? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}` : JSON.stringify(c).slice(1, -1))).join('')}"}\n`, 'body', 5],
    ['in a variable name (a map key)', (v: string) => `headers:\n  "${v.replace(/"/g, '\\"')}": x\n`, `headers.${stored.value}`, 5],
  ])('finds a stored key %s', (_label, place, field, line) => {
    const findings = scan(base + place(stored.value));
    expect(findings).toContainEqual({ file: 'folder/r.request.yaml', field, line, keyName: 'Custom staging' });
  });

  it('finds a key spelled in YAML escapes in a quoted value', () => {
    const escaped = [...hlStored.value].map((c) => `\\x${c.charCodeAt(0).toString(16)}`).join('');
    expect(scan(`${base}headers:\n  X-K: "${escaped}"\n`)).toEqual([{ file: 'folder/r.request.yaml', field: 'headers.X-K', line: 5, keyName: 'Sandbox default' }]);
  });

  it('finds a key in a comment, and in a file that does not parse', () => {
    expect(scan(`${base}# old key: ${hlStored.value}\n`)).toEqual([{ file: 'folder/r.request.yaml', field: undefined, line: 4, keyName: 'Sandbox default' }]);
    expect(scan(`${base}  bad: [ ${stored.value}\n`)).toContainEqual(expect.objectContaining({ line: 4, keyName: 'Custom staging' }));
  });

  it('finds variables holding a key in the collection file', () => {
    const findings = findSecrets(`name: c\nenvironments:\n  sandbox:\n    token: ${hlStored.value}\n`, 'collection.yaml', secrets);
    expect(findings).toEqual([{ file: 'collection.yaml', field: 'environments.sandbox.token', line: 4, keyName: 'Sandbox default' }]);
  });

  it('refuses naming where and the key by name, never any part of the secret', () => {
    const findings = scan(`${base}headers:\n  X-API-Key: ${hlStored.value}\nbody: ${JSON.stringify(stored.value)}\n`);
    const refusal = secretRefusal(findings);
    expect(refusal).toMatchObject({ code: 'secret_in_file', file: 'folder/r.request.yaml', field: 'headers.X-API-Key', line: 5 });
    expect(refusal?.message).toMatch(/folder\/r\.request\.yaml, field headers\.X-API-Key, line 5 holds the value of your key “Sandbox default” \(and 1 more place: line 6\)/);
    const words = JSON.stringify(refusal);
    expect(words).not.toContain(hlStored.value.slice(8, 20));
    expect(words).not.toContain('Cu$tom');
    expect(secretRefusal([])).toBeUndefined();
  });

  it('ignores a "secret" too short to be a key (it would match everywhere)', () => {
    expect(findSecrets(`${base}body: a\n`, 'r', [{ name: 'tiny', value: 'a' }])).toEqual([]);
  });
});
