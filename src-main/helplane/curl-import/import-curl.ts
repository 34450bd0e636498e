import { AppFailure } from '../../lib/errors';
import { KEY_LIKE } from '../key-format';
import { LONG_OPTIONS, SHORT_OPTIONS, type CurlOption } from './curl-options';
import { replaceVariables, shellWords, variablesIn, type ShellToken } from './shell-words';

/** Import curl: a pasted curl command as the parts of a request tab. */

export const CURL_COMMAND_MAX = 1024 * 1024;
const KEY_HEADER = 'x-api-key';
const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'] as const;
export type ImportedMethod = (typeof METHODS)[number];

/**
 * Where the key of the command stands. The value of a pasted `X-API-Key` never leaves importCurl:
 * it is matched against the stored keys by the caller's matcher and forgotten.
 */
export type ImportedKey =
  /** No X-API-Key header. */
  | { kind: 'none' }
  /** `X-API-Key: $NAME`: the key comes from the user's environment; pick one. */
  | { kind: 'unresolved'; variable: string }
  /** A pasted value equal to this stored key's secret. */
  | { kind: 'matched'; matchedKeyId: string }
  /** A pasted value no stored key has: offer Add key (the value itself is not here). */
  | { kind: 'offerAddKey'; offerAddKey: true };

export interface ImportedRequest {
  method: ImportedMethod;
  /** `https://api.helplane.io`: the server the command calls. */
  origin: string;
  /** The path as it goes on the wire (percent-encoded where the URL needs it). */
  path: string;
  /** Query parameters, decoded, in order. */
  query: Array<{ name: string; value: string }>;
  /** Headers in order, without X-API-Key (and without cookies). */
  headers: Array<{ name: string; value: string }>;
  body?: string;
  key: ImportedKey;
  /** Options accepted and ignored (`--compressed`, `-s`), by name, for the dialog to list. */
  ignored: string[];
  /** What was left out and why, in words. */
  notes: string[];
}

/** The key matcher: the id of the stored key whose secret equals `value`, or null. It must not keep `value`. */
export type KeyMatcher = (value: string) => string | null;

const fail = (message: string): never => {
  throw new AppFailure('invalid_argument', message);
};

interface Parsed {
  method?: string;
  urls: string[];
  headers: Array<{ name: string; value: string }>;
  data: string[];
  json: string[];
  get: boolean;
  head: boolean;
  ignored: string[];
  notes: string[];
  /** What `@-` reads: the text piped in by `printf '%s' …` (Copy as code's form for a large body). */
  stdin?: string;
}

/**
 * Parse `command` (a curl command as pasted: line continuations, quotes, `$'…'`, `$VARIABLES`).
 * Throws an AppFailure naming the word it could not take. `matchKey` is called at most once, with
 * a pasted X-API-Key value.
 */
export function importCurl(command: string, matchKey: KeyMatcher): ImportedRequest {
  if (command.length > CURL_COMMAND_MAX) fail(`The command is longer than ${CURL_COMMAND_MAX / 1024} KB; paste a shorter one.`);
  if (/\^\r?\n|\^"/.test(command)) fail('This looks like a Windows cmd command (with ^). Copy it as cURL (bash) instead.');
  const tokens = shellWords(command.trim());
  const { words, stdin } = curlWords(tokens);
  const parsed = parseWords(words, stdin);
  return buildRequest(parsed, matchKey);
}

/** The words of the curl command itself, and what a `printf '%s' X |` before it pipes in. */
function curlWords(tokens: ShellToken[]): { words: string[]; stdin?: string } {
  const commands: ShellToken[][] = [[]];
  for (const token of tokens) {
    if (typeof token === 'string') (commands.at(-1) as ShellToken[]).push(token);
    else commands.push([token], []);
  }
  const at = commands.findIndex((c) => typeof c[0] === 'string' && /^curl(?:\.exe)?$/.test(c[0]));
  if (at < 0) fail('This is not a curl command: it should start with “curl”.');
  const words = commands[at] as string[];
  const before = commands.slice(0, at).filter((c) => c.length > 0);
  let stdin: string | undefined;
  if (before.length > 0) {
    const [printf, pipe] = before.slice(-2) as [ShellToken[], ShellToken[]];
    const piped = before.length === 2 && printf[0] === 'printf' && printf[1] === '%s' && printf.length === 3 && (pipe[0] as { op: string }).op === '|';
    if (!piped) fail('Only a curl command can be imported (or printf \'%s\' … | curl, as Copy as code writes).');
    stdin = printf[2] as string;
  }
  return stdin === undefined ? { words: words.slice(1) } : { words: words.slice(1), stdin };
}

function parseWords(words: string[], stdin: string | undefined): Parsed {
  const parsed: Parsed = { urls: [], headers: [], data: [], json: [], get: false, head: false, ignored: [], notes: [] };
  if (stdin !== undefined) parsed.stdin = stdin;
  const unknown: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i] as string;
    const takeValue = (name: string, inline?: string): string => {
      if (inline !== undefined && inline !== '') return inline;
      if (i + 1 >= words.length) fail(`${name} needs a value after it.`);
      i++;
      return words[i] as string;
    };
    if (word.startsWith('--') && word.length > 2) {
      const spec = LONG_OPTIONS.get(word);
      if (!spec) {
        unknown.push(word);
        continue;
      }
      apply(parsed, spec.option, word, spec.value ? takeValue(word) : '');
    } else if (word.startsWith('-') && word.length > 1) {
      // A cluster of short options (`-sSL`), the last of which may take the rest as its value (`-XPOST`).
      for (let c = 1; c < word.length; c++) {
        const name = `-${word[c]}`;
        const spec = SHORT_OPTIONS.get(word[c] as string);
        if (!spec) {
          unknown.push(name);
          break;
        }
        if (spec.value) {
          apply(parsed, spec.option, name, takeValue(name, word.slice(c + 1)));
          break;
        }
        apply(parsed, spec.option, name, '');
      }
    } else {
      parsed.urls.push(word);
    }
  }
  if (unknown.length > 0) {
    fail(`Import curl does not know the option${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')}. Remove ${unknown.length > 1 ? 'them' : 'it'} and paste again.`);
  }
  return parsed;
}

function apply(parsed: Parsed, option: CurlOption, name: string, value: string): void {
  switch (option) {
    case 'request':
      parsed.method = value;
      return;
    case 'header':
      addHeader(parsed, value, name);
      return;
    case 'data':
    case 'data-binary':
      parsed.data.push(value.startsWith('@') ? readAt(parsed, value, name) : value);
      return;
    case 'data-raw':
      parsed.data.push(value);
      return;
    case 'data-urlencode':
      parsed.data.push(urlencodeData(value, name));
      return;
    case 'json':
      parsed.json.push(value.startsWith('@') ? readAt(parsed, value, name) : value);
      return;
    case 'get':
      parsed.get = true;
      return;
    case 'head':
      parsed.head = true;
      return;
    case 'url':
      parsed.urls.push(value);
      return;
    case 'user':
      fail(`${name} sends a user name and password (basic auth), which Helplane does not use: it authenticates with an API key. Remove ${name} and pick a key.`);
      return;
    case 'user-agent':
      parsed.headers.push({ name: 'User-Agent', value });
      return;
    case 'referer':
      parsed.headers.push({ name: 'Referer', value });
      return;
    case 'cookie':
      parsed.notes.push(`Cookies (${name}) were left out: Helplane does not use them, and they can be a browser session.`);
      return;
    case 'form':
      fail(`${name} sends a multipart form, which the Helplane API does not take. Send a JSON body instead.`);
      return;
    case 'ignored-flag':
    case 'ignored-value':
      parsed.ignored.push(name);
      return;
  }
}

/** `@-` is what printf piped in; any other `@file` names a file on the user's disk, which is not read. */
function readAt(parsed: Parsed, value: string, name: string): string {
  if (value === '@-' && parsed.stdin !== undefined) return parsed.stdin;
  return fail(`${name} ${value.slice(0, 80)} reads the body from a file, which Import curl does not read. Paste the body itself (--data-raw '…').`);
}

/** curl's --data-urlencode forms: `content`, `=content`, `name=content` (and `@file`, refused). */
function urlencodeData(value: string, name: string): string {
  const eq = value.indexOf('=');
  const at = value.indexOf('@');
  if (at >= 0 && (eq < 0 || at < eq)) return fail(`${name} ${value.slice(0, 80)} reads a file, which Import curl does not read. Paste the value itself.`);
  if (eq < 0) return encodeURIComponent(value);
  const key = value.slice(0, eq);
  const encoded = encodeURIComponent(value.slice(eq + 1));
  return key === '' ? encoded : `${key}=${encoded}`;
}

function addHeader(parsed: Parsed, value: string, name: string): void {
  const colon = value.indexOf(':');
  const semicolon = value.indexOf(';');
  // `Name;` is curl's header with an empty value; `Name:` with nothing after it removes a header.
  if ((colon < 0 || (semicolon >= 0 && semicolon < colon)) && semicolon === value.length - 1 && semicolon > 0) {
    parsed.headers.push({ name: value.slice(0, -1).trim(), value: '' });
    return;
  }
  if (colon <= 0) fail(`${name} “${value.slice(0, 80)}” is not a header: write it as Name: value.`);
  const headerName = value.slice(0, colon).trim();
  const headerValue = value.slice(colon + 1).replace(/^[ \t]+/, '');
  if (headerValue === '') return;
  parsed.headers.push({ name: headerName, value: headerValue });
}

function buildRequest(parsed: Parsed, matchKey: KeyMatcher): ImportedRequest {
  if (parsed.urls.length === 0) fail('The command has no URL.');
  if (parsed.urls.length > 1) fail(`The command has more than one URL (${parsed.urls.slice(0, 3).map((u) => `“${u.slice(0, 60)}”`).join(', ')}); import one request at a time.`);
  const authority = /^(?:[a-z][a-z0-9+.-]*:\/\/)?([^/?#]*)/i.exec(parsed.urls[0] as string)?.[1] ?? '';
  const hostVariable = variablesIn(authority)[0];
  if (hostVariable !== undefined) {
    fail(`The URL's server comes from $${hostVariable || '(…)'}; paste the command with the server written out (the key's environment decides it).`);
  }
  const rawUrl = toBraces(parsed.urls[0] as string, 'the URL');
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(rawUrl) ? rawUrl : `http://${rawUrl}`);
  } catch {
    return fail(`“${rawUrl.slice(0, 80)}” is not a URL.`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') fail(`Only http and https URLs can be imported, not ${url.protocol}`);
  if (url.username || url.password) fail('The URL has a user name or password in it (basic auth), which Helplane does not use: it authenticates with an API key.');

  const headers: Array<{ name: string; value: string }> = [];
  let key: ImportedKey = { kind: 'none' };
  // The pasted key, only for the check below; it is in no value this returns.
  let pasted: string | undefined;
  for (const header of parsed.headers) {
    const lower = header.name.toLowerCase();
    if (lower === KEY_HEADER) {
      if (key.kind !== 'none') fail('The command has more than one X-API-Key header; keep one.');
      if (variablesIn(header.value).length === 0) pasted = header.value.trim();
      key = importKey(header.value, matchKey);
      continue;
    }
    if (lower === 'authorization') {
      fail('The command sends an Authorization header, which Helplane does not use: it authenticates with X-API-Key. Remove it and pick a key.');
    }
    if (lower === 'cookie') {
      parsed.notes.push('The Cookie header was left out: Helplane does not use cookies, and they can be a browser session.');
      continue;
    }
    headers.push({ name: header.name, value: toBraces(header.value, `header ${header.name}`) });
  }

  let body: string | undefined;
  const data = parsed.data.map((d) => toBraces(d, 'the body'));
  const json = parsed.json.map((d) => toBraces(d, 'the body'));
  if (json.length > 0) {
    if (data.length > 0) fail('The command has both --json and --data; keep one.');
    body = json.join('');
    // As curl: --json sets these unless the command does.
    if (!headers.some((h) => h.name.toLowerCase() === 'content-type')) headers.push({ name: 'Content-Type', value: 'application/json' });
    if (!headers.some((h) => h.name.toLowerCase() === 'accept')) headers.push({ name: 'Accept', value: 'application/json' });
  } else if (data.length > 0) {
    body = data.join('&');
    if (!parsed.get && !headers.some((h) => h.name.toLowerCase() === 'content-type')) {
      parsed.notes.push('The command sets no Content-Type: curl would send the body as a form (application/x-www-form-urlencoded); the console sends it as JSON unless you add a Content-Type header.');
    }
  }

  let method = parsed.head ? 'HEAD' : body !== undefined && !parsed.get ? 'POST' : 'GET';
  if (parsed.get && body !== undefined) {
    url.search = url.search === '' || url.search === '?' ? `?${body}` : `${url.search}&${body}`;
    body = undefined;
  }
  if (parsed.method !== undefined) method = parsed.method.toUpperCase();
  if (!(METHODS as readonly string[]).includes(method)) fail(`The method ${method.slice(0, 20)} is not one the console sends (${METHODS.join(', ')}).`);
  if (body !== undefined && (method === 'GET' || method === 'HEAD')) fail(`A ${method} request cannot have a body; the command sends one with ${method}.`);

  const query = [...url.searchParams].map(([name, value]) => ({ name, value }));
  // The URL parser escapes the braces of a {{variable}}; the console's templates want them as typed.
  const path = url.pathname.replace(/%7B%7B([^%/]*)%7D%7D/gi, (_m, name: string) => `{{${decodeURIComponent(name)}}}`);
  const request: ImportedRequest = { method: method as ImportedMethod, origin: url.origin, path, query, headers, key, ignored: parsed.ignored, notes: parsed.notes };
  if (body !== undefined) request.body = body;
  refuseKeysElsewhere(request, pasted);
  return request;
}

/** A `$NAME` of the command becomes the console's `{{NAME}}`: an undefined one then blocks Send, named. */
function toBraces(text: string, where: string): string {
  return replaceVariables(text, (name) => (name === '' ? fail(`${where} runs a command ($(…) or a special variable), which Import curl does not run. Paste its value instead.`) : `{{${name}}}`));
}

function importKey(value: string, matchKey: KeyMatcher): ImportedKey {
  const variables = variablesIn(value);
  if (variables.length > 0) {
    if (variables.length === 1 && value === `\0${variables[0]}\0` && variables[0] !== '') return { kind: 'unresolved', variable: variables[0] as string };
    fail('The X-API-Key header mixes a variable with other text; write it as X-API-Key: $HELPLANE_API_KEY or paste the key.');
  }
  const keyId = matchKey(value.trim());
  return keyId === null ? { kind: 'offerAddKey', offerAddKey: true } : { kind: 'matched', matchedKeyId: keyId };
}

/** A key anywhere but the X-API-Key header (the URL, another header, the body) would end up in a tab: refuse, naming where. */
function refuseKeysElsewhere(request: ImportedRequest, pasted: string | undefined): void {
  const places: Array<[string, string]> = [
    ['the URL', `${request.path}?${request.query.map((q) => `${q.name}=${q.value}`).join('&')}`],
    ...request.headers.map((h): [string, string] => [`header ${h.name}`, h.value]),
    ['the body', request.body ?? ''],
  ];
  for (const [where, text] of places) {
    if (new RegExp(KEY_LIKE.source).test(text) || (pasted !== undefined && pasted.length >= 8 && text.includes(pasted))) {
      fail(`${where} holds an API key. Send the key only as X-API-Key (Import curl then selects it), and paste again.`);
    }
  }
}
