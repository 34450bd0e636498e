import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import type { SendRequestInput } from '../../../src-preload/contract';
import { importCurl, type KeyMatcher } from '../../../src-main/helplane/curl-import/import-curl';
import { joinContinuations } from '../../../src-main/helplane/curl-import/shell-words';
import { generateKey } from '../../../src-main/helplane/key-format';
import { generateSnippet } from '../../../src-main/services/requests/snippet-service';
import { buildUrl } from '../../../src-main/services/requests/request-guard';

const noKeys: KeyMatcher = () => null;
const failure = (command: string, matcher: KeyMatcher = noKeys) => {
  try {
    importCurl(command, matcher);
  } catch (error) {
    return error as { code: string; message: string };
  }
  throw new Error('expected importCurl to refuse');
};

describe('importCurl: real-world commands', () => {
  it("Chrome's Copy as cURL (bash): $'…' body, browser headers kept, cookies left out", () => {
    const key = generateKey('test');
    const command = `curl 'https://api.helplane.io/v1/contacts?limit=50&email=j%40acme.com' \\
  -H 'accept: application/json' \\
  -H 'accept-language: en-GB,en;q=0.9' \\
  -b '_session=abc123; theme=dark' \\
  -H 'content-type: application/json' \\
  -H 'origin: https://app.helplane.io' \\
  -H 'sec-ch-ua: "Chromium";v="131", "Not_A Brand";v="24"' \\
  -H 'user-agent: Mozilla/5.0 (X11; Linux x86_64)' \\
  -H 'x-api-key: ${key}' \\
  --data-raw $'{"name":"O\\'Brien","note":"line1\\nline2"}'`;
    const matcher = vi.fn<KeyMatcher>((value) => (value === key ? 'key-7' : null));
    const imported = importCurl(command, matcher);
    expect(imported).toMatchObject({
      method: 'POST',
      origin: 'https://api.helplane.io',
      path: '/v1/contacts',
      query: [{ name: 'limit', value: '50' }, { name: 'email', value: 'j@acme.com' }],
      body: '{"name":"O\'Brien","note":"line1\nline2"}',
      key: { kind: 'matched', matchedKeyId: 'key-7' },
    });
    expect(imported.headers.map((h) => h.name)).toEqual(['accept', 'accept-language', 'content-type', 'origin', 'sec-ch-ua', 'user-agent']);
    expect(imported.headers[4]?.value).toBe('"Chromium";v="131", "Not_A Brand";v="24"');
    expect(imported.notes.join(' ')).toMatch(/Cookies \(-b\) were left out/);
    expect(matcher).toHaveBeenCalledTimes(1);
    // The pasted key is nowhere in what comes back.
    expect(JSON.stringify(imported)).not.toContain(key);
    expect(JSON.stringify(imported)).not.toContain(key.slice(12, 30));
  });

  it('Postman: --location, --header, --data, an unknown key offers Add key without the value', () => {
    const key = generateKey('live');
    const command = `curl --location 'https://api.helplane.io/v1/conversations/cv_123/messages' \\
--header 'Content-Type: application/json' \\
--header 'X-API-Key: ${key}' \\
--data '{
    "body": "Hello",
    "direction": "outbound"
}'`;
    const imported = importCurl(command, noKeys);
    expect(imported.method).toBe('POST');
    expect(imported.path).toBe('/v1/conversations/cv_123/messages');
    expect(imported.body).toBe('{\n    "body": "Hello",\n    "direction": "outbound"\n}');
    expect(imported.key).toEqual({ kind: 'offerAddKey', offerAddKey: true });
    expect(imported.ignored).toEqual(['--location']);
    expect(JSON.stringify(imported)).not.toContain(key.slice(12));
  });

  it('the console’s own curl: $HELPLANE_API_KEY stays an unresolved key, never resolved or matched', () => {
    const matcher = vi.fn<KeyMatcher>(() => 'never');
    const command = `curl --globoff --request GET \\\n  --url 'http://127.0.0.1:4010/v1/contacts?limit=2' \\\n  --header "X-API-Key: $HELPLANE_API_KEY" \\\n  --header 'Accept: application/json'\n`;
    const imported = importCurl(command, matcher);
    expect(imported).toMatchObject({ method: 'GET', origin: 'http://127.0.0.1:4010', path: '/v1/contacts', key: { kind: 'unresolved', variable: 'HELPLANE_API_KEY' } });
    expect(imported.headers).toEqual([{ name: 'Accept', value: 'application/json' }]);
    expect(matcher).not.toHaveBeenCalled();
  });

  it('other $VARIABLES become {{variables}} the console resolves (or names when undefined)', () => {
    const imported = importCurl('curl "https://api.helplane.io/v1/contacts/$CONTACT_ID" -H "X-Trace: ${TRACE}-1" -d "{\\"a\\":\\"$NAME\\"}"', noKeys);
    expect(imported.path).toBe('/v1/contacts/{{CONTACT_ID}}');
    expect(importCurl('curl "https://h.example/v1/x?email=$EMAIL"', noKeys).query).toEqual([{ name: 'email', value: '{{EMAIL}}' }]);
    expect(imported.headers).toEqual([{ name: 'X-Trace', value: '{{TRACE}}-1' }]);
    expect(imported.body).toBe('{"a":"{{NAME}}"}');
  });

  it('-d implies POST; several -d are joined with &; -X wins; a short cluster takes its value', () => {
    expect(importCurl("curl https://h.example/x -d a=1 -d 'b=2' --data-binary c=3", noKeys)).toMatchObject({ method: 'POST', body: 'a=1&b=2&c=3' });
    expect(importCurl('curl -XPUT https://h.example/x -d a=1', noKeys)).toMatchObject({ method: 'PUT', body: 'a=1' });
    expect(importCurl('curl -sSLX patch https://h.example/x --data-raw @literal', noKeys)).toMatchObject({ method: 'PATCH', body: '@literal', ignored: ['-s', '-S', '-L'] });
    expect(importCurl("curl -H'Accept: text/plain' https://h.example/x", noKeys).headers).toEqual([{ name: 'Accept', value: 'text/plain' }]);
  });

  it('--data-urlencode encodes as curl does', () => {
    const imported = importCurl("curl https://h.example/x --data-urlencode 'q=a b&c' --data-urlencode '=x/y' --data-urlencode 'plain text'", noKeys);
    expect(imported.body).toBe('q=a%20b%26c&x%2Fy&plain%20text');
  });

  it('-G / --get moves the data to the query and sends GET', () => {
    const imported = importCurl("curl -G 'https://api.helplane.io/v1/contacts?limit=5' -d email=j%40acme.com --data-urlencode 'name=Jo Ann'", noKeys);
    expect(imported.method).toBe('GET');
    expect(imported.body).toBeUndefined();
    expect(imported.query).toEqual([{ name: 'limit', value: '5' }, { name: 'email', value: 'j@acme.com' }, { name: 'name', value: 'Jo Ann' }]);
  });

  it('--json sets the body and curl’s JSON headers (unless given); -I is HEAD', () => {
    const imported = importCurl(`curl --json '{"a":1}' https://h.example/v1/x -H 'Accept: */*'`, noKeys);
    expect(imported).toMatchObject({ method: 'POST', body: '{"a":1}' });
    expect(imported.headers).toEqual([{ name: 'Accept', value: '*/*' }, { name: 'Content-Type', value: 'application/json' }]);
    expect(importCurl('curl -I https://h.example/v1/x', noKeys).method).toBe('HEAD');
    expect(importCurl('curl --head --url https://h.example/v1/x', noKeys).method).toBe('HEAD');
  });

  it('accepted-and-ignored options, with values, are listed by name', () => {
    const imported = importCurl('curl --compressed -s -o out.json -w "%{http_code}" --max-time 10 -k https://h.example/v1/x', noKeys);
    expect(imported.ignored).toEqual(['--compressed', '-s', '-o', '-w', '--max-time', '-k']);
    expect(imported.path).toBe('/v1/x');
  });

  it('`Name;` sends an empty header, `Name:` removes one, as in curl', () => {
    expect(importCurl("curl https://h.example/ -H 'X-Empty;' -H 'Accept:'", noKeys).headers).toEqual([{ name: 'X-Empty', value: '' }]);
  });

  it('a URL without a scheme is http, as curl assumes', () => {
    expect(importCurl('curl localhost:4010/v1/contacts', noKeys)).toMatchObject({ origin: 'http://localhost:4010', path: '/v1/contacts' });
  });

  it('reads the printf … | curl form Copy as code writes for a large body', () => {
    const imported = importCurl("printf '%s' '{\"big\":true}' | curl --globoff --request POST --url 'https://h.example/v1/x' --data-binary @-", noKeys);
    expect(imported.body).toBe('{"big":true}');
  });
});

describe('importCurl: refusals name the word', () => {
  it.each([
    ['curl -u admin:secret https://h.example/', /-u sends a user name and password \(basic auth\), which Helplane does not use/],
    ['curl --user a:b https://h.example/', /--user sends a user name and password/],
    ['curl https://a:b@h.example/', /user name or password in it \(basic auth\)/],
    ['curl --cert me.pem --frobnicate https://h.example/', /does not know the options --cert, --frobnicate/],
    ['curl -Z https://h.example/', /does not know the option -Z\./],
    ['curl -d @body.json https://h.example/', /-d @body.json reads the body from a file/],
    ['curl --data-urlencode name@file https://h.example/', /--data-urlencode name@file reads a file/],
    ['curl https://h.example/ -H', /-H needs a value after it/],
    ['curl https://h.example/ -H nocolon', /-H “nocolon” is not a header/],
    ['curl https://a.example/ https://b.example/', /more than one URL/],
    ['curl -X BREW https://h.example/', /The method BREW is not one the console sends/],
    ['curl -X GET -d a=1 https://h.example/', /A GET request cannot have a body/],
    ['curl -F file=@x https://h.example/', /-F sends a multipart form/],
    ['curl -H "Authorization: Bearer t" https://h.example/', /Authorization header, which Helplane does not use/],
    ['wget https://h.example/', /not a curl command/],
    ['curl', /has no URL/],
    ['curl ftp://h.example/', /Only http and https/],
    ['curl "https://h.example/$(whoami)"', /runs a command/],
    ['curl ^"https://h.example/^" ^\n -H ^"a: b^"', /Windows cmd/],
    ['rm -rf / ; curl https://h.example/', /Only a curl command can be imported/],
    ['curl "https://$HOST/v1/contacts"', /The URL's server comes from \$HOST; paste the command with the server written out/],
    ['curl "$BASE_URL/v1/contacts"', /The URL's server comes from \$BASE_URL/],
  ])('%s', (command, message) => {
    const error = failure(command);
    expect(error.code).toBe('invalid_argument');
    expect(error.message).toMatch(message);
  });

  it('a key anywhere but X-API-Key is refused, naming where, and never echoed', () => {
    const key = generateKey('test');
    for (const [command, where] of [
      [`curl 'https://h.example/v1/x?api_key=${key}'`, 'the URL'],
      [`curl https://h.example/ -H 'X-Other: ${key}'`, 'header X-Other'],
      [`curl https://h.example/ -d '{"k":"${key}"}'`, 'the body'],
    ] as const) {
      const error = failure(command);
      expect(error.message).toContain(`${where} holds an API key`);
      expect(error.message).not.toContain(key.slice(12));
    }
    // A stored key of a custom server (any shape) pasted twice: the second copy is refused too.
    expect(failure("curl https://h.example/ -H 'X-API-Key: custom-secret-123' -d 'custom-secret-123'").message).toContain('the body holds an API key');
  });
});

describe('joinContinuations', () => {
  it('removes backslash-newline outside quotes and in double quotes, keeps it in single quotes and $\'…\'', () => {
    expect(joinContinuations('a \\\nb "c\\\nd" \'e\\\nf\' $\'g\\\nh\' i\\\r\nj')).toBe("a b \"cd\" 'e\\\nf' $'g\\\nh' ij");
  });
});

// Round trip: what Copy as code (curl) writes, Import curl reads back as the same request.
const ORIGIN = 'https://api.helplane.io';
const CHARS = ['a', ' ', "'", '"', '\\', '$', '`', '!', '&', '=', '?', '#', '%', '+', '{', '}', '[', ']', '*', ';', '|', '\n', '\t', 'é', '日', '😀', '\u2028', '$HOME', '\\\n', '@', '-'];
const text = (maxLength: number) => fc.array(fc.constantFrom(...CHARS), { maxLength }).map((parts) => parts.join(''));
const headerValue = text(12).map((v) => v.replace(/[\r\n]/g, '').replace(/^[ \t]+|[ \t]+$/g, ''));

describe('importCurl(curl snippet(request)) = request', () => {
  it('over a matrix of shell-special characters in path, query, headers and body', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'),
        // `?` and `#` in a path start the query or fragment: the builder keeps those in the query table.
        text(10).map((p) => `/v1/${p.replace(/[\n\\?#]/g, '')}`),
        fc.array(fc.record({ name: text(6).map((n) => `q${n.trim()}`), value: text(8) }), { maxLength: 3 }),
        fc.array(fc.record({ name: fc.constantFrom('X-Trace', 'Accept', 'X-Note', 'Content-Type'), value: headerValue }), { maxLength: 3 }),
        fc.option(text(16), { nil: undefined }),
        (method, path, query, rawHeaders, body) => {
          const headers = rawHeaders.filter((h, i) => rawHeaders.findIndex((o) => o.name === h.name) === i);
          const request: SendRequestInput = { keyId: 'k', method, path, query, headers, ...(body !== undefined && method !== 'GET' && method !== 'HEAD' ? { body } : {}) };
          const snippet = generateSnippet(ORIGIN, request, 'curl', null);
          const imported = importCurl(snippet, () => 'must-not-be-called');
          expect(imported.method).toBe(method);
          expect(imported.origin).toBe(ORIGIN);
          expect(buildUrl(ORIGIN, imported.path, imported.query).href).toBe(buildUrl(ORIGIN, request.path, request.query).href);
          const expectedHeaders = [...headers];
          if (request.body !== undefined && !headers.some((h) => h.name === 'Content-Type')) expectedHeaders.push({ name: 'Content-Type', value: 'application/json' });
          expect(imported.headers).toEqual(expectedHeaders);
          expect(imported.body).toBe(request.body);
          expect(imported.key).toEqual({ kind: 'unresolved', variable: 'HELPLANE_API_KEY' });
        },
      ),
      { numRuns: 400 },
    );
  });

  it('a body too large for one argument (piped by printf) comes back whole', () => {
    const body = JSON.stringify({ text: "it's $HOME `x`\n".repeat(6000) });
    const snippet = generateSnippet(ORIGIN, { keyId: 'k', method: 'POST', path: '/v1/contacts', body }, 'curl', null);
    expect(snippet.startsWith('printf')).toBe(true);
    expect(importCurl(snippet, noKeys).body).toBe(body);
  });
});
