import { isUtf8 } from 'node:buffer';
import type { ResponseView } from '../../../src-preload/contract';
import type { HttpResponse, KeyRecord } from '../../ports';
import { explainApiError, type SentRequest } from '../../helplane/error-explanations';
import { mayHoldKey, redactSecret, visibleOf } from '../../helplane/key-format';
import { bytesMayHoldPiece } from '../../helplane/key-pieces';
import { parseRateLimit } from '../../helplane/rate-limit-headers';
import type { ResponseStore } from '../responses/response-store';

/** From this many characters a body stays in main and the renderer gets lines on demand. */
export const LARGE_BODY_CHARS = 256 * 1024;
/** Lines sent with the reply, so the first screen paints without another round trip. */
const FIRST_WINDOW_LINES = 200;

/** `bytes` without a last UTF-8 character the cut may have split (a sample of a longer body). */
export function wholeCharacters(bytes: Uint8Array): Uint8Array {
  let i = bytes.length - 1;
  // Back over up to 3 continuation bytes (10xxxxxx) to the lead byte, and drop from there.
  for (let k = 0; i >= 0 && k < 3 && (bytes[i]! & 0xc0) === 0x80; k++) i--;
  return i >= 0 && bytes[i]! >= 0xc0 ? bytes.subarray(0, i) : bytes;
}

/** Binary when it is not valid UTF-8 or carries control bytes text never has. */
export function isBinary(bytes: Uint8Array, contentType: string | undefined): boolean {
  if (contentType && /^(image|audio|video|font)\/|application\/(octet-stream|pdf|zip|gzip)/i.test(contentType)) return true;
  const sample = bytes.subarray(0, 4096);
  if (sample.includes(0)) return true;
  return !isUtf8(sample.length < bytes.length ? wholeCharacters(sample) : sample);
}

function scrubHeaders(headers: HttpResponse['headers'], secret: string): HttpResponse['headers'] {
  // The transport's list is this response's own: when no value could hold a key, it is the reply's.
  if (!headers.some((h) => mayHoldKey(h.value, secret))) return headers;
  const out = new Array<{ name: string; value: string }>(headers.length);
  for (let i = 0; i < headers.length; i++) out[i] = { name: headers[i]!.name, value: redactSecret(headers[i]!.value, secret) };
  return out;
}

export interface ViewInput {
  record: KeyRecord;
  response: HttpResponse;
  finalUrl: string;
  redirectNote: string | undefined;
  secret: string;
  maxBytes: number;
  now: number;
  /** Epoch ms with sub-millisecond precision, when the body was in. */
  receivedAt: number;
  /** What was sent, for hints that name where an id came from (body field, query or path). */
  sent?: SentRequest;
}

/**
 * What the renderer sees of a response: the key scrubbed from body and headers, the rate-limit
 * headers read, notes in words (redirects, binary or non-JSON bodies, the size cap, API errors),
 * and a large body kept in `responses` with only its first lines in the reply.
 */
export function responseView(responses: ResponseStore, v: ViewInput): ResponseView {
  const { response, secret, maxBytes } = v;
  const rateLimit = parseRateLimit(response.headers, v.now, secret);
  const contentType = response.headers.find((h) => h.name.toLowerCase() === 'content-type')?.value;
  const isJson = /[/+]json\b/i.test(contentType ?? '');
  const binary = response.body.byteLength > 0 && isBinary(response.body, contentType);
  // A server could echo the key back (a debugging endpoint, say): never let it reach the renderer.
  // The text is a view on the same bytes (Buffer.from(uint8array) would copy a 100 MB body first).
  const text = binary ? '' : redactSecret(Buffer.from(response.body.buffer, response.body.byteOffset, response.body.byteLength).toString('utf8'), secret, {
        cut: response.bodyTruncated,
        // Pieces of the key are looked for in the bytes (faster than in the decoded text; keys are ASCII).
        noPieces: !bytesMayHoldPiece(response.body, secret, visibleOf(secret)),
      });
  const notes: string[] = [];
  // A redirect's Location is the server's text too, and a host in it comes back lowercased.
  if (v.redirectNote) notes.push(redactSecret(v.redirectNote, secret, { anyCase: true }));
  if (binary) notes.push(`The body is binary (${contentType ?? 'no Content-Type'}, ${response.body.byteLength} bytes), so it is not shown as text.`);
  else if (text.length > 0 && !isJson) notes.push(`The body is not JSON (${contentType ?? 'no Content-Type'}); it is shown as plain text.`);
  if (response.bodyTruncated) {
    notes.push(`Too large: the body is over the maximum response size of ${Math.round(maxBytes / (1024 * 1024))} MB (Settings), so only its start is kept. Raise the limit in Settings, or save it to a file with curl (Copy as code).`);
  }
  const explanation = explainApiError(response.status, text, v.record, v.sent);
  // It may name a field the server's reply chose: scrubbed like the server's other text.
  if (explanation) notes.push(redactSecret(explanation, secret));
  let bodyKind: ResponseView['bodyKind'] = 'text';
  if (response.body.byteLength === 0) bodyKind = 'empty';
  else if (binary) bodyKind = 'binary';
  else if (isJson) bodyKind = 'json';
  // A large body stays here; the reply carries its first lines and sizes (see response-store.ts).
  let large: ResponseView['large'];
  if (text.length >= LARGE_BODY_CHARS) {
    const first = text.trimStart()[0];
    const { id, index } = responses.add(text, bodyKind === 'json' || first === '{' || first === '[', response.status);
    large = { responseId: id, lineCount: index.length, firstLines: responses.lines(id, 0, FIRST_WINDOW_LINES), json: index.json, receivedAt: v.receivedAt };
  }
  return {
    status: response.status,
    // The reason phrase is the server's own text.
    statusText: mayHoldKey(response.statusText, secret) ? redactSecret(response.statusText, secret) : response.statusText,
    headers: scrubHeaders(response.headers, secret),
    body: large ? '' : text,
    ...(large ? { large } : {}),
    bodyTruncated: response.bodyTruncated,
    sizeBytes: response.body.byteLength,
    durationMs: response.durationMs,
    url: redactSecret(v.finalUrl, secret, { anyCase: true }),
    rateLimit,
    ...(response.ttfbMs !== undefined ? { ttfbMs: response.ttfbMs } : {}),
    ...(response.wireBytes !== undefined ? { wireBytes: response.wireBytes } : {}),
    bodyKind,
    notes,
    tooLarge: response.bodyTruncated,
  };
}
