import { randomBytes } from 'node:crypto';
import { redactPieces, textMayHoldPiece } from './key-pieces';
import { base64Needles, redactCutTail, secretForms, unescapePrintable } from './secret-forms';

/** Helplane key format: `hl_<mode>_<32 base62><6 base62 CRC32 of "hl_<mode>_<32 chars>">`. */
export type KeyMode = 'live' | 'test';

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const BODY_LENGTH = 32;
const CHECKSUM_LENGTH = 6;
export const KEY_PREFIX_LENGTH = 12;
export const KEY_PATTERN = /^hl_(live|test)_[0-9A-Za-z]{38}$/;
/** Anything shaped like a Helplane key, for redaction and leak checks. */
export const KEY_LIKE = /hl_(?:live|test)_[0-9A-Za-z]{20,}/g;

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** CRC-32 (IEEE) of the UTF-8 bytes of `text`. */
export function crc32(text: string): number {
  let crc = 0xffffffff;
  for (const byte of Buffer.from(text, 'utf8')) {
    crc = (CRC_TABLE[(crc ^ byte) & 0xff] as number) ^ (crc >>> 8);
  }
  return (crc ^ 0xffffffff) >>> 0;
}

function toBase62(value: number, width: number): string {
  let out = '';
  let v = value;
  while (v > 0) {
    out = BASE62[v % 62] + out;
    v = Math.floor(v / 62);
  }
  return out.padStart(width, '0');
}

function randomBase62(length: number): string {
  let out = '';
  while (out.length < length) {
    for (const byte of randomBytes(length * 2)) {
      // Reject bytes >= 248 so every character is equally likely.
      if (byte < 248 && out.length < length) out += BASE62[byte % 62];
    }
  }
  return out;
}

function checksumOf(head: string): string {
  return toBase62(crc32(head), CHECKSUM_LENGTH);
}

/** A new random key with a valid checksum. */
export function generateKey(mode: KeyMode): string {
  const head = `hl_${mode}_${randomBase62(BODY_LENGTH)}`;
  return head + checksumOf(head);
}

export type KeyFormatCheck =
  | { ok: true; mode: KeyMode }
  | { ok: false; reason: 'format' | 'checksum' };

/** Offline check: shape, then checksum, so a typo is caught before any request. */
export function checkKeyFormat(key: string): KeyFormatCheck {
  const match = KEY_PATTERN.exec(key);
  if (!match) return { ok: false, reason: 'format' };
  const head = key.slice(0, key.length - CHECKSUM_LENGTH);
  if (checksumOf(head) !== key.slice(-CHECKSUM_LENGTH)) return { ok: false, reason: 'checksum' };
  return { ok: true, mode: match[1] as KeyMode };
}

/**
 * Why a Helplane-looking key (`hl_live_` / `hl_test_` …) is not in the format, in words that point
 * at the fault: the first character that is not a letter or digit, by position (1-based) — a `-`
 * or a space picked up in a copy — or how many characters there are. Null when the key does not
 * start like a Helplane key, or is in the format.
 */
export function describeFormatFault(key: string): string | null {
  const mode = /^hl_(live|test)_/.exec(key);
  if (!mode || KEY_PATTERN.test(key)) return null;
  const head = mode[0].length;
  const rest = key.slice(head);
  const bad = [...rest].findIndex((c) => !/[0-9A-Za-z]/.test(c));
  if (bad >= 0) {
    const position = [...key.slice(0, head + bad)].length + 1;
    const char = [...rest][bad]!;
    const shown = char === ' ' ? 'a space' : /\p{C}|\s/u.test(char) ? `an invisible character (U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')})` : `“${char}”`;
    return `Character ${position} is ${shown}: after ${mode[0]} a Helplane key has only letters and digits. Copy the key again, or remove that character.`;
  }
  const length = [...rest].length;
  return `After ${mode[0]} a Helplane key has 38 letters and digits; this one has ${length}. Copy the whole key again.`;
}

/** At most this many characters of a key not in the Helplane format are ever shown or stored. */
export const OTHER_KEY_PREFIX_MAX = 4;
/** The shape of a shown Helplane key prefix: `hl_<mode>_` plus 4 characters. */
const HL_PREFIX_PATTERN = /^hl_(?:live|test)_[0-9A-Za-z]{4}$/;

/**
 * The part of a key shown in lists and stored as metadata: a valid Helplane key shows its first 12
 * characters (`hl_<mode>_` + 4 of 38 random ones); any other key (custom servers accept anything
 * from 8 characters) at most 4, and never more than a quarter of it, so a short key is never
 * shown almost whole.
 */
export function keyPrefix(key: string): string {
  if (checkKeyFormat(key).ok) return key.slice(0, KEY_PREFIX_LENGTH);
  return key.slice(0, Math.min(OTHER_KEY_PREFIX_MAX, Math.floor(key.length / 4)));
}

/**
 * A prefix stored before keyPrefix followed the rule above (it was then the first 12 characters of
 * any key), cut to what the rule allows; a prefix that already follows it comes back unchanged, so
 * this can run on every read. Without the key, a stored prefix shorter than 12 was the whole key,
 * and one of 12 came from a key of at least 12 (a quarter: 3). A 12-character `hl_<mode>_`
 * prefix is kept: that is what a valid Helplane key shows.
 */
export function ruleAbidingPrefix(prefix: string): string {
  if (prefix.length <= OTHER_KEY_PREFIX_MAX || HL_PREFIX_PATTERN.test(prefix)) return prefix;
  const keyLength = Math.min(prefix.length, KEY_PREFIX_LENGTH);
  return prefix.slice(0, Math.min(OTHER_KEY_PREFIX_MAX, Math.floor(keyLength / 4)));
}

const visibleCache = new Map<string, number>();
/** How many characters of `secret` its prefix shows (keyPrefix), remembered per key: asked on every reply. */
export function visibleOf(secret: string): number {
  let visible = visibleCache.get(secret);
  if (visible === undefined) {
    visible = keyPrefix(secret).length;
    if (visibleCache.size > 32) visibleCache.clear();
    visibleCache.set(secret, visible);
  }
  return visible;
}

/** Replace anything key-shaped in `text` by its prefix and an ellipsis. */
export function redactKeys(text: string): string {
  // Most text has no key in it: one substring search instead of a regex pass with a callback.
  if (!text.includes('hl_')) return text;
  // Key-shaped text keeps `hl_<mode>_` + 4, valid checksum or not (as before keyPrefix's rule).
  return text.replace(KEY_LIKE, (k) => `${k.slice(0, KEY_PREFIX_LENGTH)}…[redacted]`);
}

/** Could `text` hold a key: something key-shaped, `secret` in any of its forms, or escapes that could spell one? (Cheap: substring searches.) */
export function mayHoldKey(text: string, secret: string | null): boolean {
  if (text.includes('hl_')) return true;
  if (secret === null || secret === '') return false;
  if (text.includes('\\u')) return true;
  for (const form of secretForms(secret)) if (text.includes(form)) return true;
  return base64Needles(secret).any.test(text) || textMayHoldPiece(text, secret, visibleOf(secret));
}

export interface RedactOptions {
  /** The text was cut (at the size limit): a piece of a key at its very end goes too. */
  cut?: boolean;
  /** Match the key in any letter case (URLs: a host is lowercased on the way). */
  anyCase?: boolean;
  /** The caller has shown no piece of the key is in the text (bytesMayHoldPiece on its bytes). */
  noPieces?: boolean;
}

/**
 * `text` without anything key-shaped and without `secret` (the key a request was sent with, which
 * need not look like a Helplane key) in any form a server could echo it in (secret-forms.ts): what
 * History, replies, snippets and files keep of user or server text.
 */
export function redactSecret(text: string, secret: string | null, options: RedactOptions = {}): string {
  let out = text;
  if (out.includes('\\u')) {
    // Escapes that spell a key are written out, so the key can be found and replaced.
    const plain = unescapePrintable(out);
    if (plain !== out && (plain.includes('hl_') || (secret && secretForms(secret).some((f) => plain.includes(f))))) out = plain;
  }
  out = redactKeys(out);
  if (!secret) return options.cut ? redactCutKeyTail(out) : out;
  for (const form of secretForms(secret)) {
    if (out.includes(form)) out = out.split(form).join('[redacted]');
  }
  // Base64 forms: one pass to find any, a second only when one is there.
  const encoded = base64Needles(secret);
  if (encoded.any.test(out)) out = out.replace(encoded.all, '[redacted]');
  // Pieces of it (key-pieces.ts): a sampled pass, and the exact search only where it hits.
  if (!options.noPieces && textMayHoldPiece(out, secret, visibleOf(secret))) out = redactPieces(out, secret, visibleOf(secret));
  if (options.anyCase) out = redactAnyCase(out, secret);
  return options.cut ? redactCutKeyTail(redactCutTail(out, secret, keyPrefix(secret).length)) : out;
}

/** A key-shaped piece at the very end of a cut text: too short for KEY_LIKE, still more than a prefix. */
function redactCutKeyTail(text: string): string {
  return text.replace(/hl_(?:live|test)_[0-9A-Za-z]{5,}$/, (k) => `${k.slice(0, KEY_PREFIX_LENGTH)}…[redacted]`);
}

function redactAnyCase(text: string, secret: string): string {
  let out = text;
  for (const form of secretForms(secret)) {
    const lower = form.toLowerCase();
    for (let at = out.toLowerCase().indexOf(lower); at >= 0; at = out.toLowerCase().indexOf(lower, at + '[redacted]'.length)) {
      out = `${out.slice(0, at)}[redacted]${out.slice(at + form.length)}`;
    }
  }
  return out;
}
