import { checkKeyFormat, KEY_PATTERN } from '../key-format';
import { secretForms } from '../secret-forms';

/**
 * Scan for leaked keys: where, in a file's bytes, a checksum-valid Helplane key or a stored key's
 * value (as written, JSON-escaped, URL-encoded: secretForms) appears. Each needle is a byte search
 * over the file as read (Buffer.indexOf, no decoding, no regular expression over every position),
 * so a tree of ordinary files costs little more than reading it; lines are counted only up to a
 * hit. A finding names the line and, for one of the user's keys, its name — never the secret.
 */

export interface ScanSecret {
  name: string;
  value: string;
}

export interface LeakInText {
  /** 1-based. */
  line: number;
  /** The stored key's name; undefined for a Helplane key that is not one of the user's. */
  keyName: string | undefined;
}

/** Stored keys shorter than this are not searched for (custom servers accept 8): they would match everywhere. */
export const SCAN_SECRET_MIN = 8;
const HL = Buffer.from('hl_');
const HL_KEY_LENGTH = 46;
const NEWLINE = 0x0a;

/** Built once per scan: each stored key's forms as bytes, and the values (a found hl_ key that is one of them is named). */
export interface LeakMatcher {
  needles: readonly { bytes: Buffer; name: string }[];
  values: ReadonlyMap<string, string>;
}

export function leakMatcher(secrets: readonly ScanSecret[]): LeakMatcher {
  const needles: { bytes: Buffer; name: string }[] = [];
  const values = new Map<string, string>();
  const seen = new Set<string>();
  for (const secret of secrets) {
    if (secret.value.length < SCAN_SECRET_MIN) continue;
    values.set(secret.value, secret.name);
    // A Helplane key as written is found by the hl_ search (with its checksum); its other forms here.
    for (const form of secretForms(secret.value)) {
      if (seen.has(form) || (form === secret.value && KEY_PATTERN.test(form))) continue;
      seen.add(form);
      needles.push({ bytes: Buffer.from(form, 'utf8'), name: secret.name });
    }
  }
  return { needles, values };
}

/** Every leak in `bytes` (a file as read), with its line. */
export function findLeaks(bytes: Buffer, matcher: LeakMatcher): LeakInText[] {
  const hits = new Map<number, string | undefined>();
  for (let at = bytes.indexOf(HL); at !== -1 && at + HL_KEY_LENGTH <= bytes.length; at = bytes.indexOf(HL, at + HL.length)) {
    const candidate = bytes.toString('latin1', at, at + HL_KEY_LENGTH);
    if (!KEY_PATTERN.test(candidate) || !checkKeyFormat(candidate).ok) continue;
    hits.set(at, matcher.values.get(candidate));
  }
  for (const needle of matcher.needles) {
    for (let at = bytes.indexOf(needle.bytes); at !== -1; at = bytes.indexOf(needle.bytes, at + needle.bytes.length)) {
      if (!hits.has(at)) hits.set(at, needle.name);
    }
  }
  if (hits.size === 0) return [];
  const found: LeakInText[] = [];
  let line = 1;
  let from = 0;
  for (const at of [...hits.keys()].sort((a, b) => a - b)) {
    for (let nl = bytes.indexOf(NEWLINE, from); nl !== -1 && nl < at; nl = bytes.indexOf(NEWLINE, nl + 1)) {
      line++;
      from = nl + 1;
    }
    found.push({ line, keyName: hits.get(at) });
  }
  return found;
}
