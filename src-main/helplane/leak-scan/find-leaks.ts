import { checkKeyFormat } from '../key-format';
import { secretForms } from '../secret-forms';

/**
 * Scan for leaked keys: where, in a file's text, a checksum-valid Helplane key or a stored key's
 * value (as written, JSON-escaped, URL-encoded: secretForms) appears. One regular expression for
 * all of them, so a file is read once whatever the number of keys. A finding names the line and,
 * for one of the user's keys, its name — never the secret or a piece of it.
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
const HL_KEY_SOURCE = 'hl_(?:live|test)_[0-9A-Za-z]{38}';

const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Built once per scan: the pattern and which stored key each of its needles belongs to. */
export interface LeakMatcher {
  pattern: RegExp;
  /** A needle (a form of a stored key) → that key's name. */
  owners: ReadonlyMap<string, string>;
  /** The stored values themselves, so a found hl_ key that is one of them is named. */
  values: ReadonlyMap<string, string>;
}

export function leakMatcher(secrets: readonly ScanSecret[]): LeakMatcher {
  const owners = new Map<string, string>();
  const values = new Map<string, string>();
  for (const secret of secrets) {
    if (secret.value.length < SCAN_SECRET_MIN) continue;
    values.set(secret.value, secret.name);
    for (const form of secretForms(secret.value)) if (!owners.has(form)) owners.set(form, secret.name);
  }
  // Longest first, so a longer form (an escaped one) wins over a shorter one it contains.
  const needles = [...owners.keys()].sort((a, b) => b.length - a.length).map(escapeRegex);
  return { pattern: new RegExp([HL_KEY_SOURCE, ...needles].join('|'), 'g'), owners, values };
}

/** Every leak in `text`, with its line (counted only up to each hit: a file without one costs no line count). */
export function findLeaks(text: string, matcher: LeakMatcher): LeakInText[] {
  const found: LeakInText[] = [];
  matcher.pattern.lastIndex = 0;
  let line = 1;
  let counted = 0;
  for (const match of text.matchAll(matcher.pattern)) {
    const hit = match[0];
    let keyName: string | undefined;
    if (hit.startsWith('hl_') && /^hl_(?:live|test)_/.test(hit) && hit.length === 46 && !matcher.owners.has(hit)) {
      if (!checkKeyFormat(hit).ok) continue;
      keyName = matcher.values.get(hit);
    } else {
      keyName = matcher.owners.get(hit);
    }
    for (let i = text.indexOf('\n', counted); i !== -1 && i < match.index; i = text.indexOf('\n', i + 1)) line++;
    counted = match.index;
    found.push({ line, keyName });
  }
  return found;
}
