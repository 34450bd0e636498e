/**
 * String literals for Copy as code, one function per language. Each returns source text that the
 * language reads back as exactly `text`, so a snippet sends the bytes the console would: every
 * character that has a meaning inside that kind of literal is escaped, nothing else is touched
 * (non-ASCII stays readable).
 */

const LINE_SEPARATORS = new Set([0x2028, 0x2029, 0x85]);

/** Code points of `text`; a lone surrogate becomes U+FFFD, which is what UTF-8 encoding sends for it. */
function* codePoints(text: string): Generator<number> {
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    yield cp >= 0xd800 && cp <= 0xdfff ? 0xfffd : cp;
  }
}

const hex = (cp: number, width: number) => cp.toString(16).padStart(width, '0');

/** The escapes C-like languages share; `null` means "write the character as it is". */
function commonEscape(cp: number): string | null {
  switch (cp) {
    case 0x5c:
      return '\\\\';
    case 0x0a:
      return '\\n';
    case 0x0d:
      return '\\r';
    case 0x09:
      return '\\t';
    default:
      return null;
  }
}

/** Control characters and line separators, which editors and terminals mangle, as `\u` escapes. */
function isInvisible(cp: number): boolean {
  return cp < 0x20 || cp === 0x7f || LINE_SEPARATORS.has(cp);
}

/** A JavaScript single-quoted string (no `${}` or backtick meaning, unlike a template literal). */
export function jsString(text: string): string {
  let out = "'";
  for (const cp of codePoints(text)) {
    if (cp === 0x27) out += "\\'";
    else out += commonEscape(cp) ?? (isInvisible(cp) ? `\\u${hex(cp, 4)}` : String.fromCodePoint(cp));
  }
  return `${out}'`;
}

/** A double-quoted literal whose escapes mean the same in Python 3 str and Go interpreted strings. */
function doubleQuoted(text: string): string {
  let out = '"';
  for (const cp of codePoints(text)) {
    if (cp === 0x22) out += '\\"';
    else out += commonEscape(cp) ?? (isInvisible(cp) ? `\\u${hex(cp, 4)}` : String.fromCodePoint(cp));
  }
  return `${out}"`;
}

/** A Python 3 str (not an f-string, so `{` is plain; `%` only matters to the % operator, not used). */
export const pythonString = doubleQuoted;

/** A Go interpreted string (Go source is UTF-8; `%` only matters to Printf, not used). */
export const goString = doubleQuoted;

/**
 * A POSIX shell word in single quotes: nothing inside is special (`$`, backtick, `\`, newlines all
 * literal) except `'` itself, written as `'\''`. Lone surrogates become U+FFFD as elsewhere.
 */
export function shellWord(text: string): string {
  let plain = '';
  for (const cp of codePoints(text)) plain += String.fromCodePoint(cp);
  return `'${plain.split("'").join("'\\''")}'`;
}
