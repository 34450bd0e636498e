import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { IncomingHttpHeaders } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from '@playwright/test';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SendRequestInput, SnippetLanguage } from '../../src-preload/contract';
import { BROWSER_KEY_PLACEHOLDER } from '../../src-main/services/requests/snippet-languages';
import { jsString } from '../../src-main/services/requests/snippet-literals';
import { generateSnippet } from '../../src-main/services/requests/snippet-service';
import { startRecordingServer, type RecordingServer } from '../helpers/recording-server';

/**
 * Copy as code, executed for real: each snippet runs in its language's own interpreter (curl under
 * /bin/sh, node, python3 with requests, go run; the browser one in Chromium, as a module script of a
 * page on another origin, so through CORS) against a loopback server that records what arrives,
 * and what arrives must be what the request says: method, path and query bytes, every header's
 * value, and the body's bytes.
 */

const KEY = 'hl_test_snippetRunKey0000000000000000000000000';
const PYTHON = existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';

interface Arrived {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

let server: RecordingServer;
let dir: string;
let browser: Browser | undefined;
const arrived: Arrived[] = [];
/** The page the browser snippet runs in: same server, other origin (localhost vs 127.0.0.1). */
const PAGE_PATH = '/__snippet-page';

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'helplane-snippets-'));
  server = await startRecordingServer((req, res) => {
    // CORS, as an API a browser may call must answer: the preflight is answered, not recorded.
    if (req.method === 'OPTIONS' && req.headers['access-control-request-method']) {
      return void res
        .writeHead(204, {
          'Access-Control-Allow-Origin': '*',
          'Access-Control-Allow-Methods': req.headers['access-control-request-method'],
          'Access-Control-Allow-Headers': req.headers['access-control-request-headers'] ?? '',
        })
        .end();
    }
    if (req.url === PAGE_PATH) return void res.writeHead(200, { 'Content-Type': 'text/html' }).end('<!doctype html><title>snippet</title>');
    // The page's own favicon request is the browser's, not the snippet's.
    if (req.url === '/favicon.ico') return void res.writeHead(404).end();
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      arrived.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks) });
      res.writeHead(200, { 'Content-Type': 'application/json', 'Access-Control-Allow-Origin': '*' }).end('{"ok":true}');
    });
  });
});

afterAll(async () => {
  await browser?.close();
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Run the browser snippet as a module script (top-level await, as in a DevTools console) of a page. */
async function runInChromium(code: string): Promise<void> {
  browser ??= await chromium.launch({
    executablePath: process.env.HELPLANE_CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run'],
  });
  const page = await browser.newPage();
  try {
    await page.goto(`${server.origin.replace('127.0.0.1', 'localhost')}${PAGE_PATH}`);
    const failed = new Promise<never>((_, reject) => page.on('pageerror', (e) => reject(new Error(`browser snippet failed: ${e.message}\n${code}`))));
    await page.addScriptTag({ type: 'module', content: `${code}\nglobalThis.snippetDone = true;\n` });
    await Promise.race([page.waitForFunction(() => (globalThis as { snippetDone?: boolean }).snippetDone === true, null, { timeout: 15_000 }), failed]);
  } finally {
    await page.close();
  }
}

/** How each language's snippet is run; the browser one is fetch too, with its key constant filled. */
const RUNNERS: Record<Exclude<SnippetLanguage, 'javascript-fetch'>, { file: string; command: (file: string) => [string, string[]] }> = {
  curl: { file: 'request.sh', command: (f) => ['/bin/sh', [f]] },
  node: { file: 'request.mjs', command: (f) => [process.execPath, [f]] },
  'python-requests': { file: 'request.py', command: (f) => [PYTHON, [f]] },
  go: { file: 'main.go', command: (f) => ['go', ['run', f]] },
};

let runs = 0;
async function runSnippet(language: SnippetLanguage, request: SendRequestInput): Promise<Arrived> {
  const code = generateSnippet(server.origin, request, language, null);
  expect(code).not.toContain(KEY);
  const before = arrived.length;
  if (language === 'javascript-fetch') {
    // What the user does with it: paste the key over the placeholder.
    expect(code).toContain(jsString(BROWSER_KEY_PLACEHOLDER));
    await runInChromium(code.replace(jsString(BROWSER_KEY_PLACEHOLDER), jsString(KEY)));
  } else {
    await runProcess(language, code);
  }
  expect(arrived.length, `${language} sent exactly one request`).toBe(before + 1);
  return arrived[before]!;
}

async function runProcess(language: keyof typeof RUNNERS, code: string): Promise<void> {
  const runner = RUNNERS[language];
  const runDir = join(dir, `run-${++runs}`);
  mkdirSync(runDir);
  const file = join(runDir, runner.file);
  writeFileSync(file, code);
  const [command, args] = runner.command(file);
  const env = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    // A HOME the snippet could expand `$HOME` into, so a shell expansion shows as a different value.
    HOME: runDir,
    HELPLANE_API_KEY: KEY,
    // Shared across runs so `go run` compiles only the snippet.
    GOCACHE: join(tmpdir(), 'helplane-test-gocache'),
    GOFLAGS: '-mod=mod',
    LANG: 'C.UTF-8',
  };
  await new Promise<void>((resolve, reject) => {
    execFile(command, args, { cwd: runDir, env, timeout: 60_000 }, (error, _stdout, stderr) =>
      error ? reject(new Error(`${language} snippet failed: ${error.message}\n${stderr}\n--- snippet ---\n${code}`)) : resolve(),
    );
  });
}

function expectReproduced(got: Arrived, request: SendRequestInput): void {
  const url = new URL(request.path, server.origin);
  for (const q of request.query ?? []) url.searchParams.append(q.name, q.value);
  expect(got.method).toBe(request.method);
  // The raw request target: path and query bytes as the console would send them.
  expect(got.url).toBe(url.pathname + url.search);
  expect(got.headers['x-api-key']).toBe(KEY);
  for (const h of request.headers ?? []) expect(got.headers[h.name.toLowerCase()], h.name).toBe(h.value);
  if (request.body !== undefined) {
    expect(got.headers['content-type']).toBe('application/json');
    expect(got.body.equals(Buffer.from(request.body, 'utf8')), `body bytes:\n${got.body.toString('utf8')}`).toBe(true);
  } else {
    expect(got.body.length).toBe(0);
  }
}

const LANGUAGES: SnippetLanguage[] = ['curl', 'javascript-fetch', 'node', 'python-requests', 'go'];

/** [label, text, valid in a header value (RFC 9110: visible ASCII, space and tab)]. */
const MATRIX: Array<[string, string, boolean]> = [
  ['double quote', '"', true],
  ['single quote', "'", true],
  ['newline', '\n', false],
  ['tab', '\t', true],
  ['backslash', '\\', true],
  ['U+2028', '\u2028', false],
  ['é', 'é', false],
  ['日本', '日本', false],
  ['emoji', '\u{1F600}', false],
  ['$HOME', '$HOME', true],
  ['backtick', '`', true],
  ['%s', '%s', true],
  ['\\b', '\\b', true],
  ['${x}', '${x}', true],
  ['backspace', '\b', false],
  ['CRLF', '\r\n', false],
];

/** One request carrying the text in a query value, a header value (where valid) and the body, JSON-escaped and raw. */
function matrixRequest(text: string, headerValid: boolean): SendRequestInput {
  const wrapped = `a${text}z`;
  return {
    keyId: 'k1',
    method: 'POST',
    path: '/v1/messages',
    query: [{ name: 'note', value: wrapped }],
    headers: [{ name: 'Idempotency-Key', value: 'k-1' }, ...(headerValid ? [{ name: 'X-Note', value: wrapped }] : [])],
    body: `${JSON.stringify({ conversation_id: 'cv_1', body: `Hello,\n${wrapped}` })}\n${wrapped}`,
  };
}

const EVERYTHING = MATRIX.map(([, text]) => text).join('');
const EVERY_HEADER_CHAR = MATRIX.filter(([, , valid]) => valid).map(([, text]) => text).join('');

/** The everyday requests of the API, and the other methods the builder offers. */
const REQUESTS: Array<[string, SendRequestInput]> = [
  ['list conversations', { keyId: 'k1', method: 'GET', path: '/v1/conversations', query: [{ name: 'status', value: 'open' }, { name: 'limit', value: '5' }] }],
  ['a conversation', { keyId: 'k1', method: 'GET', path: '/v1/conversations/cv_1' }],
  ['search contacts', { keyId: 'k1', method: 'GET', path: '/v1/contacts', query: [{ name: 'q', value: EVERYTHING }, { name: 'q', value: 'twice' }] }],
  [
    'create a contact',
    { keyId: 'k1', method: 'POST', path: '/v1/contacts', headers: [{ name: 'Idempotency-Key', value: 'k-2' }], body: JSON.stringify({ name: `Zoë ${EVERYTHING}`, email: 'zoe@example.com' }, null, 2) },
  ],
  [
    'a multi-line message',
    { keyId: 'k1', method: 'POST', path: '/v1/messages', headers: [{ name: 'X-Note', value: EVERY_HEADER_CHAR }], body: JSON.stringify({ conversation_id: 'cv_1', body: 'Hi Ada,\n\n\tThanks — "quoted", \'single\', C:\\path.\nBye' }) },
  ],
  ['a PUT with its own Content-Type', { keyId: 'k1', method: 'PUT', path: '/v1/contacts/ct_1', headers: [{ name: 'Content-Type', value: 'application/json' }, { name: 'X-Empty', value: '' }], body: '{}' }],
  ['a PATCH with an empty body', { keyId: 'k1', method: 'PATCH', path: '/v1/contacts/ct_1', body: '' }],
  ['a DELETE', { keyId: 'k1', method: 'DELETE', path: '/v1/contacts/ct_1' }],
  ['a HEAD', { keyId: 'k1', method: 'HEAD', path: '/v1/contacts' }],
  ['an OPTIONS', { keyId: 'k1', method: 'OPTIONS', path: '/v1/contacts' }],
  ['a body starting with @', { keyId: 'k1', method: 'POST', path: '/v1/messages', body: '@/etc/passwd' }],
  // Over Linux's 128 KiB limit for one program argument (curl pipes it in).
  ['a 300 KB body', { keyId: 'k1', method: 'POST', path: '/v1/messages', body: JSON.stringify({ conversation_id: 'cv_1', body: `${EVERYTHING}\n`.repeat(12_000) }) }],
];

const NUL_REQUEST: SendRequestInput = {
  keyId: 'k1',
  method: 'POST',
  path: '/v1/messages',
  query: [{ name: 'note', value: 'a\0z' }],
  body: '{"body":"a\u0000z"}\na\0z',
};

describe.each(LANGUAGES)('the %s snippet, run', (language) => {
  it.each(REQUESTS)('reproduces %s', async (_label, request) => {
    expectReproduced(await runSnippet(language, request), request);
  });

  it.each(MATRIX)('reproduces %s in the query, a header and the body', async (_label, text, headerValid) => {
    const request = matrixRequest(text, headerValid);
    expectReproduced(await runSnippet(language, request), request);
  });
});

describe('a NUL character in the body and the query', () => {
  it.each(LANGUAGES.filter((l) => l !== 'curl'))('is reproduced by %s', async (language) => {
    expectReproduced(await runSnippet(language, NUL_REQUEST), NUL_REQUEST);
  });

  it('has no curl form: a shell word cannot hold it, and the error says so', () => {
    expect(() => generateSnippet(server.origin, NUL_REQUEST, 'curl', null)).toThrow(/cannot hold a NUL character/);
  });
});
