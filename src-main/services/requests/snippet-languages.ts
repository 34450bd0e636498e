import type { HttpMethod, SnippetLanguage } from '../../../src-preload/contract';
import { AppFailure } from '../../lib/errors';
import { goString, jsString, pythonString, shellWord } from './snippet-literals';

/** What a snippet sends: the key header comes first and is never in `headers`. */
export interface SnippetRequest {
  method: HttpMethod;
  url: string;
  headers: Array<[name: string, value: string]>;
  body?: string;
}

export const KEY_HEADER = 'X-API-Key';
export const KEY_VARIABLE = 'HELPLANE_API_KEY';
/** What the browser snippet's key constant holds until the user pastes their key over it. */
export const BROWSER_KEY_PLACEHOLDER = 'paste-your-api-key-here';

/**
 * Each language written out by hand rather than by httpsnippet: httpsnippet 3.0.10 (and
 * @readme/httpsnippet 11) put values in literals without escaping them for the language
 * (backslashes, newlines and quotes in JavaScript; a newline breaks Python; Python re-serialises the
 * body through `json=`, so the bytes change). Fixing that meant rewriting most of each target's
 * output; five short templates whose every value goes through one escaper per language
 * (snippet-literals.ts) are simpler and are tested by running them (test/integration/snippets-run.test.ts).
 */
export const SNIPPET_WRITERS: Record<SnippetLanguage, (request: SnippetRequest) => string> = {
  curl,
  'javascript-fetch': (request) => fetchSnippet(request, 'browser'),
  node: (request) => fetchSnippet(request, 'node'),
  'python-requests': python,
  go,
};

/**
 * Linux refuses a single program argument over 128 KiB (MAX_ARG_STRLEN), so a larger body is piped
 * in by the shell's own printf (a builtin: no such limit) instead of being an argument of curl.
 */
const CURL_ARGUMENT_BODY_MAX = 64 * 1024;

function curl({ method, url, headers, body }: SnippetRequest): string {
  if (body?.includes('\0')) {
    throw new AppFailure('request_rejected', 'A shell command cannot hold a NUL character, so this body has no curl form. Choose another language.');
  }
  const piped = body !== undefined && Buffer.byteLength(body, 'utf8') > CURL_ARGUMENT_BODY_MAX;
  // --globoff: `[` and `{` in a URL are literal, not curl's URL globbing. HEAD needs --head (with
  // --request HEAD curl waits for a body). --data-raw: a body starting with `@` is not a file name.
  const lines = [`curl --globoff ${method === 'HEAD' ? '--head' : `--request ${method}`}`, `--url ${shellWord(url)}`];
  // Double quotes so the shell expands the variable.
  lines.push(`--header "${KEY_HEADER}: $${KEY_VARIABLE}"`);
  // `Name;` is curl's way to send a header with an empty value (`Name:` would remove it).
  for (const [name, value] of headers) lines.push(`--header ${shellWord(value === '' ? `${name};` : `${name}: ${value}`)}`);
  if (body !== undefined) lines.push(piped ? '--data-binary @-' : `--data-raw ${shellWord(body)}`);
  const command = lines.join(' \\\n  ');
  return piped ? `printf '%s' ${shellWord(body)} | ${command}\n` : `${command}\n`;
}

function fetchSnippet({ method, url, headers, body }: SnippetRequest, where: 'browser' | 'node'): string {
  // Short comment lines: the console shows the snippet wrapped at its width.
  const intro =
    where === 'node'
      ? [`// Node.js 18 or later. Save as request.mjs, set ${KEY_VARIABLE}, run: node request.mjs`]
      : [
          '// Browser JavaScript: run it in a DevTools console or a <script type="module">.',
          "// The API must allow your page's origin (CORS).",
          '// Paste your key below on your own machine only; never commit or share it.',
          `const ${KEY_VARIABLE} = ${jsString(BROWSER_KEY_PLACEHOLDER)};`,
        ];
  const key = where === 'node' ? `process.env.${KEY_VARIABLE}` : KEY_VARIABLE;
  const headerLines = [`    ${jsString(KEY_HEADER)}: ${key},`, ...headers.map(([n, v]) => `    ${jsString(n)}: ${jsString(v)},`)];
  return [
    ...intro,
    '',
    `const response = await fetch(${jsString(url)}, {`,
    `  method: ${jsString(method)},`,
    '  headers: {',
    ...headerLines,
    '  },',
    ...(body !== undefined ? [`  body: ${jsString(body)},`] : []),
    '});',
    'console.log(response.status, response.statusText);',
    'console.log(await response.text());',
    '',
  ].join('\n');
}

function python({ method, url, headers, body }: SnippetRequest): string {
  return [
    'import os',
    '',
    'import requests',
    '',
    'response = requests.request(',
    `    ${pythonString(method)},`,
    `    ${pythonString(url)},`,
    '    headers={',
    `        ${pythonString(KEY_HEADER)}: os.environ[${pythonString(KEY_VARIABLE)}],`,
    ...headers.map(([n, v]) => `        ${pythonString(n)}: ${pythonString(v)},`),
    '    },',
    // Bytes, so requests sends them as they are (a str body would be encoded as Latin-1).
    ...(body !== undefined ? [`    data=${pythonString(body)}.encode("utf-8"),`] : []),
    ')',
    'print(response.status_code, response.reason)',
    'print(response.text)',
    '',
  ].join('\n');
}

function go({ method, url, headers, body }: SnippetRequest): string {
  const imports = ['fmt', 'io', 'net/http', 'os', ...(body !== undefined ? ['strings'] : [])];
  return [
    'package main',
    '',
    'import (',
    ...imports.map((i) => `\t"${i}"`),
    ')',
    '',
    'func main() {',
    ...(body !== undefined ? [`\tbody := strings.NewReader(${goString(body)})`] : []),
    `\treq, err := http.NewRequest(${goString(method)}, ${goString(url)}, ${body !== undefined ? 'body' : 'nil'})`,
    '\tif err != nil {',
    '\t\tpanic(err)',
    '\t}',
    // Assigned, not Header.Set, so names are sent as written rather than canonicalised.
    `\treq.Header[${goString(KEY_HEADER)}] = []string{os.Getenv(${goString(KEY_VARIABLE)})}`,
    ...headers.map(([n, v]) => `\treq.Header[${goString(n)}] = []string{${goString(v)}}`),
    '\tres, err := http.DefaultClient.Do(req)',
    '\tif err != nil {',
    '\t\tpanic(err)',
    '\t}',
    '\tdefer res.Body.Close()',
    '\tdata, _ := io.ReadAll(res.Body)',
    '\tfmt.Println(res.Status)',
    '\tfmt.Println(string(data))',
    '}',
    '',
  ].join('\n');
}
