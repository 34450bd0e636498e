import { secretForms } from './secret-forms';

/**
 * Pieces of a key: any run of at least PIECE_MIN of its characters (in a form of secret-forms.ts)
 * reaching past what its prefix may show and made of at least 4 different characters, found
 * anywhere in a text. 8 because that is the shortest
 * custom key (a piece that long could be a whole key), and 8 characters of a Helplane key's random
 * part are 47 bits of it; shorter runs turn up by chance in ordinary text (words, ids) and would
 * redact it for nothing. A server that cuts the key into shorter pieces on purpose is not stopped
 * by any length: the README says so.
 *
 * Finding them without a pass per piece: every run of PIECE_MIN characters of the key holds one of
 * its 4-character grams at a text position that is a multiple of STEP, so the text is sampled every
 * STEP characters and each sample looked up in a 64 Ki table of the key's grams (one pass, a few
 * operations per 5 characters); only a hit is checked character by character.
 */
export const PIECE_MIN = 8;
const GRAM = 4;
const STEP = PIECE_MIN - GRAM + 1;

interface PieceIndex {
  forms: readonly string[];
  /** Characters of the key a prefix shows (a piece inside them is not a secret). */
  visible: number;
  table: Uint8Array;
  /**
   * The grams themselves, packed (unsigned): a table hit is a gram of the key only if it is here.
   * Without it, a 10 KB reply's ~2,000 samples met a hashed gram by chance nearly every time, and
   * the exact search ran on almost every reply.
   */
  grams: Set<number>;
}

const cache = new Map<string, PieceIndex>();

/** A 16-bit hash of 4 characters packed in 32 bits (Fibonacci hashing: spreads JSON's similar grams). */
function gramHash(packed: number): number {
  return Math.imul(packed, 0x9e3779b1) >>> 16;
}

function packAt(text: string, at: number): number {
  return (text.charCodeAt(at) & 0xff) | ((text.charCodeAt(at + 1) & 0xff) << 8) | ((text.charCodeAt(at + 2) & 0xff) << 16) | (text.charCodeAt(at + 3) << 24);
}

/** The grams of `secret`'s forms, made once per key (kept in memory only, never logged). */
function pieceIndex(secret: string, visible: number): PieceIndex {
  let index = cache.get(secret);
  if (index) return index;
  const forms = secretForms(secret);
  const table = new Uint8Array(1 << 16);
  const grams = new Set<number>();
  const from = Math.max(0, visible - PIECE_MIN + 1);
  for (const form of forms) {
    for (let i = from; i + GRAM <= form.length; i++) {
      const packed = packAt(form, i);
      table[gramHash(packed)] = 1;
      grams.add(packed >>> 0);
    }
  }
  index = { forms, visible, table, grams };
  if (cache.size > 32) cache.clear();
  cache.set(secret, index);
  return index;
}

/** Keys this short are searched for whole only (a piece of them is most of them: found whole). */
function searchable(secret: string | null): secret is string {
  return secret !== null && secret.length > PIECE_MIN;
}

/** Could the bytes of a reply hold a piece of `secret`? One sampled pass; false means surely not. */
export function bytesMayHoldPiece(bytes: Uint8Array, secret: string | null, visible: number): boolean {
  if (!searchable(secret)) return false;
  const { table, grams } = pieceIndex(secret, visible);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let p = 0, end = bytes.byteLength - GRAM; p <= end; p += STEP) {
    const packed = view.getUint32(p, true);
    if (table[gramHash(packed)] === 1 && grams.has(packed)) return true;
  }
  return false;
}

/** Could `text` hold a piece of `secret`? The same sampled pass over a string. */
export function textMayHoldPiece(text: string, secret: string | null, visible: number): boolean {
  if (!searchable(secret) || text.length < PIECE_MIN) return false;
  // A longer text is copied to bytes first: a copy and a typed-array pass beat charCodeAt by ~5x
  // (latin1 keeps one byte per character; a character past 255 only risks a hit checked later).
  if (text.length >= 256) return bytesMayHoldPiece(Buffer.from(text, 'latin1'), secret, visible);
  const { table, grams } = pieceIndex(secret, visible);
  for (let p = 0, end = text.length - GRAM; p <= end; p += STEP) {
    const packed = packAt(text, p);
    if (table[gramHash(packed)] === 1 && grams.has(packed >>> 0)) return true;
  }
  return false;
}

/**
 * Does text[from, to) hold at least MIN_DISTINCT different characters? A run like "00000000" or
 * "abababab" in a (made-up or careless) key is not a secret worth hiding and is common in bodies;
 * 8 random characters of a key almost always hold 6 or more.
 */
const MIN_DISTINCT = 4;
function varied(text: string, from: number, to: number): boolean {
  const seen = new Set<string>();
  for (let i = from; i < to && seen.size < MIN_DISTINCT; i++) seen.add(text[i]!);
  return seen.size >= MIN_DISTINCT;
}

/** `text` with every piece of `secret` (PIECE_MIN or more characters past its prefix) replaced by "[redacted]". */
export function redactPieces(text: string, secret: string | null, visible: number): string {
  if (!searchable(secret) || text.length < PIECE_MIN) return text;
  const { table, forms } = pieceIndex(secret, visible);
  const ranges: Array<[number, number]> = [];
  for (let p = 0, end = text.length - GRAM; p <= end; p += STEP) {
    if (table[gramHash(packAt(text, p))] !== 1) continue;
    const gram = text.slice(p, p + GRAM);
    for (const form of forms) {
      for (let j = form.indexOf(gram); j >= 0; j = form.indexOf(gram, j + 1)) {
        // Grow the match both ways as far as text and form agree.
        let left = 0;
        while (p - left > 0 && j - left > 0 && text[p - left - 1] === form[j - left - 1]) left++;
        let right = GRAM;
        while (p + right < text.length && j + right < form.length && text[p + right] === form[j + right]) right++;
        if (left + right >= PIECE_MIN && j + right > visible && varied(text, p - left, p + right)) ranges.push([p - left, p + right]);
      }
    }
  }
  if (ranges.length === 0) return text;
  ranges.sort((a, b) => a[0] - b[0]);
  // Overlapping or touching matches become one marker.
  const merged: Array<[number, number]> = [];
  for (const range of ranges) {
    const last = merged.at(-1);
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push([range[0], range[1]]);
  }
  let out = '';
  let at = 0;
  for (const [start, stop] of merged) {
    out += `${text.slice(at, start)}[redacted]`;
    at = stop;
  }
  return out + text.slice(at);
}
