import { parse } from 'shell-quote';
import { AppFailure } from '../../lib/errors';

/**
 * A pasted command as shell words, by shell-quote, with the two things it does not do as a shell
 * does: a backslash-newline (the line continuation every "Copy as cURL" writes) is removed, and a
 * `$NAME` / `${NAME}` is kept as a marker (`\0NAME\0`) instead of being replaced by "" (shell-quote
 * has no environment here, and the user's shell would have one). NUL cannot be in a shell word, so
 * the marker cannot be forged by the input.
 */

export type ShellToken = string | { op: string };

const MARKER = /\0([^\0]*)\0/g;

/** Variable names a word holds as markers. */
export function variablesIn(word: string): string[] {
  return [...word.matchAll(MARKER)].map((m) => m[1] as string);
}

/** `word` with each marker replaced by `replace(name)`. */
export function replaceVariables(word: string, replace: (name: string) => string): string {
  return word.replace(MARKER, (_m, name: string) => replace(name));
}

/**
 * Backslash-newline removed wherever a shell removes it: outside quotes and inside double quotes,
 * never inside single quotes or `$'…'` (where it is a backslash and a newline, or an escape).
 */
export function joinContinuations(text: string): string {
  let out = '';
  let quote: 'none' | 'single' | 'double' | 'ansi' = 'none';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (quote === 'single') {
      if (ch === "'") quote = 'none';
      out += ch;
      continue;
    }
    if (ch === '\\') {
      const next = text[i + 1];
      const crlf = next === '\r' && text[i + 2] === '\n';
      if (quote !== 'ansi' && (next === '\n' || crlf)) {
        i += crlf ? 2 : 1;
        continue;
      }
      out += ch + (next ?? '');
      i++;
      continue;
    }
    if (quote === 'none') {
      if (ch === "'") quote = text[i - 1] === '$' ? 'ansi' : 'single';
      else if (ch === '"') quote = 'double';
    } else if ((quote === 'double' && ch === '"') || (quote === 'ansi' && ch === "'")) {
      quote = 'none';
    }
    out += ch;
  }
  return out;
}

/** The words and operators (`|`, `&&`, `;`, `>`, …) of `text`; comments dropped; a glob is its text. */
export function shellWords(text: string): ShellToken[] {
  if (text.includes('\0')) throw new AppFailure('invalid_argument', 'The command holds a NUL character, which no shell command can hold.');
  const tokens: ShellToken[] = [];
  for (const entry of parse(joinContinuations(text), (name: string) => `\0${name}\0`)) {
    if (typeof entry === 'string') tokens.push(entry);
    else if ('comment' in entry) continue;
    else if (entry.op === 'glob') tokens.push((entry as { pattern: string }).pattern);
    else tokens.push({ op: entry.op });
  }
  return tokens;
}
