import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * A server that echoes the key it was sent in every place a reply has (issue 13's hostile-server
 * suite): the reason phrase, headers, a redirect's Location, bodies with the key plain,
 * JSON-escaped, URL-encoded, spelled in \u escapes and base64-encoded (3 alignments, standard and
 * URL-safe), pieces of it (8 characters and more), a large body (kept in main's store) and a body
 * cut at a 1 MiB limit in the middle of the key. The forms are computed here, independently of the
 * console's own list, so a form the console forgets makes the tests fail.
 */

/** The key spelled entirely in JSON `\uXXXX` escapes. */
export function unicodeEscaped(key: string): string {
  return [...key].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).join('');
}

/** `key` base64-encoded after `align` other bytes and before others, standard or URL-safe. */
export function base64Echo(key: string, align: number, urlSafe = false): string {
  return Buffer.from(`${'x'.repeat(align)}${key}yy`, 'utf8').toString(urlSafe ? 'base64url' : 'base64');
}

/** Every form of `key` a reply may not hold (the tests search for each). */
export function echoForms(key: string): string[] {
  const url = encodeURIComponent(key);
  // Of a base64 echo, the part surely made of the key's bits alone (a character or two at each end is not).
  const base64 = [0, 1, 2].flatMap((align) => [false, true].map((urlSafe) => base64Echo(key, align, urlSafe).slice(align + 1, -6)));
  return [...new Set([key, JSON.stringify(key).slice(1, -1), url, url.replace(/%[0-9A-F]{2}/g, (h) => h.toLowerCase()), unicodeEscaped(key), ...base64])];
}

/** Pieces of `key` no text may hold: every run of 8 of its characters (a custom key's prefix shows at most 4). */
export function keyPieces(key: string): string[] {
  return Array.from({ length: key.length - 7 }, (_, i) => key.slice(i, i + 8));
}

/** /cut-large is cut here (a 1 MiB limit): 20 characters of the key come before it. */
const CUT_AT = 1024 * 1024;

export function hostileHandler(req: IncomingMessage, res: ServerResponse): void {
  const key = String(req.headers['x-api-key'] ?? '');
  const json = { 'Content-Type': 'application/json' };
  const url = new URL(req.url ?? '/', 'http://x');
  const path = url.pathname;
  const contact = (id: string) =>
    `{"id":"${id}","object":"contact","name":${JSON.stringify(key)},"email":"${unicodeEscaped(key)}","phone":null,"company":"${encodeURIComponent(key)}","conversation_count":0,"created_at":"x","updated_at":"x"}`;
  if (path === '/reason') {
    res.statusMessage = `Echo ${key}`;
    return void res.writeHead(200, json).end('{}');
  }
  if (path === '/headers') {
    return void res
      .writeHead(200, {
        ...json,
        'X-Echo': key,
        'X-Echo-Json': JSON.stringify(key),
        'Set-Cookie': `session=${encodeURIComponent(key)}; Path=/`,
        Link: `<http://127.0.0.1/next?key=${encodeURIComponent(key)}>; rel="next"`,
        'WWW-Authenticate': `Bearer error="${unicodeEscaped(key)}"`,
        'X-Echo-Basic': `Basic ${Buffer.from(`me:${key}`).toString('base64')}`,
        'X-Echo-Token': base64Echo(key, 2, true),
      })
      .end('{}');
  }
  if (path === '/json-escaped') return void res.writeHead(200, json).end(JSON.stringify({ echoed: key }));
  if (path === '/url-encoded') return void res.writeHead(200, json).end(JSON.stringify({ next: `/v1/x?key=${encodeURIComponent(key)}` }));
  if (path === '/unicode-escaped') return void res.writeHead(200, json).end(`{"echoed":"${unicodeEscaped(key)}"}`);
  if (path === '/redirect') return void res.writeHead(302, { Location: `http://127.0.0.2:1/${encodeURIComponent(key)}?k=${encodeURIComponent(key)}` }).end();
  if (path === '/base64') {
    const blobs = [0, 1, 2].flatMap((align) => [base64Echo(key, align), base64Echo(key, align, true)]);
    return void res.writeHead(200, json).end(JSON.stringify({ blobs, basic: `Basic ${Buffer.from(`me:${key}`).toString('base64')}` }));
  }
  if (path === '/pieces') {
    // Pieces of the key mid-body, and in a header: 8 characters and more, at odd offsets.
    return void res
      .writeHead(200, { ...json, 'X-Echo-Piece': key.slice(3, 13) })
      .end(JSON.stringify({ a: `id-${key.slice(1, 9)}-x`, b: key.slice(10, 30), c: `${key.slice(-9)}!` }));
  }
  if (path === '/not-json') return void res.writeHead(200, { 'Content-Type': 'text/plain' }).end(`You sent ${key} (${encodeURIComponent(key)})`);
  if (path === '/large') {
    // Over the 256 Ki characters from which a body stays in main; the key JSON-escaped (by
    // stringify), URL-encoded, in \u escapes and plain (which makes it invalid JSON), on many lines.
    const rows = Array.from({ length: 4000 }, (_, i) => ({ i, echo: i % 500 === 0 ? key : 'x', url: i % 900 === 0 ? encodeURIComponent(key) : 'z', u: i % 1300 === 0 ? '__UNICODE__' : 'y', b64: i % 600 === 0 ? base64Echo(key, i % 3, i % 1200 === 0) : 'b', pad: 'p'.repeat(40) }));
    const text = JSON.stringify({ rows, plain: '__PLAIN__' }, null, 2).split('__UNICODE__').join(unicodeEscaped(key)).replace('__PLAIN__', key);
    return void res.writeHead(200, json).end(text);
  }
  if (path === '/cut-large') {
    // Lines of filler (a viewer shows lines whole), then the key 20 bytes before the limit.
    const fillerLength = CUT_AT - 20;
    const filler = `${'p'.repeat(99)}\n`.repeat(Math.ceil(fillerLength / 100)).slice(0, fillerLength);
    return void res.writeHead(200, json).end(`${filler}${key} and more after it`);
  }
  if (path === '/v1/contacts') return void res.writeHead(200, json).end(`{"object":"list","data":[${contact('ct_1')}],"has_more":false,"next_cursor":null}`);
  if (path === '/v1/conversations') {
    if (url.searchParams.get('contact_id') === 'not-json') return void res.writeHead(200, { 'Content-Type': 'text/plain' }).end(`no JSON here, only ${key}`);
    return void res.writeHead(200, json).end(`{"object":"list","data":[{"id":${JSON.stringify(key)},"subject":`);
  }
  res.writeHead(404, json).end(JSON.stringify({ error: { type: 'invalid_request', code: 'not_found', message: `Nothing at ${path} for ${key}`, param: null, request_id: 'req_1' } }));
}
