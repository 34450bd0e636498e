/**
 * The ways a hostile or careless server can echo a key back that a plain search for the key misses:
 * JSON-escaped and URL-encoded (either case of hex), and `\uXXXX` escapes in JSON text. Redaction
 * (key-format.ts) searches for every form. For a Helplane key (letters, digits, `_`) the encoded
 * forms are the key itself, so the reply path pays one search, as before.
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
  for (const form of secretForms(secret)) {
    // Longest first: the whole form is redacted elsewhere; here only a piece at the very end.
    for (let n = Math.min(form.length - 1, text.length); n > visible; n--) {
      if (text.endsWith(form.slice(0, n))) return `${text.slice(0, text.length - n)}[redacted]`;
    }
  }
  return text;
}
