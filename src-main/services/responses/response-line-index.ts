/**
 * A compact index of a body's display lines, built in one pass without parsing into objects.
 *
 * For JSON the lines are those `JSON.stringify(value, null, 2)` would print, kept as offsets into
 * the raw text (start, end, depth) rather than as strings, plus, for each line that opens an object
 * or array, the line that closes it and its number of children: enough for a lazily expanded tree
 * and a virtualised raw view of a 100 MB body at ~18 bytes per line.
 */
export interface LineIndex {
  /** Whether the body scanned as well-formed JSON structure (pretty lines, tree available). */
  json: boolean;
  length: number;
  starts: Uint32Array;
  ends: Uint32Array;
  depth: Uint16Array;
  /** For a line that opens a container: the line that closes it; -1 otherwise. */
  close: Int32Array;
  /** For a line that opens a container: how many children it has. */
  count: Int32Array;
}

class Lines {
  length = 0;
  starts: Uint32Array;
  ends: Uint32Array;
  depth: Uint16Array;
  close: Int32Array;
  count: Int32Array;

  /** `expected`: a guess of the line count, so a big body grows its arrays once at most. */
  constructor(expected: number) {
    const n = Math.max(1024, expected);
    this.starts = new Uint32Array(n);
    this.ends = new Uint32Array(n);
    this.depth = new Uint16Array(n);
    this.close = new Int32Array(n);
    this.count = new Int32Array(n);
  }

  push(start: number, end: number, depth: number): number {
    if (this.length === this.starts.length) this.grow();
    const i = this.length++;
    this.starts[i] = start;
    this.ends[i] = end;
    this.depth[i] = depth;
    this.close[i] = -1;
    return i;
  }

  private grow(): void {
    const n = this.starts.length * 2;
    const copy = <T extends Uint32Array | Uint16Array | Int32Array>(a: T, b: T): T => (b.set(a), b);
    this.starts = copy(this.starts, new Uint32Array(n));
    this.ends = copy(this.ends, new Uint32Array(n));
    this.depth = copy(this.depth, new Uint16Array(n));
    this.close = copy(this.close, new Int32Array(n));
    this.count = copy(this.count, new Int32Array(n));
  }

  done(json: boolean): LineIndex {
    const n = this.length;
    // Copies trimmed to size, so a 100 MB body does not keep up to twice the room it needs.
    return { json, length: n, starts: this.starts.slice(0, n), ends: this.ends.slice(0, n), depth: this.depth.slice(0, n), close: this.close.slice(0, n), count: this.count.slice(0, n) };
  }
}

const QUOTE = 34;
const BACKSLASH = 92;
const COMMA = 44;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;
const MAX_DEPTH = 65_000;

function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9;
}

/** The end (index of the closing quote) of the string starting at `i`, or -1 when it never ends. */
function stringEnd(text: string, i: number): number {
  let j = i + 1;
  for (;;) {
    const k = text.indexOf('"', j);
    if (k === -1) return -1;
    let slashes = 0;
    for (let b = k - 1; text.charCodeAt(b) === BACKSLASH; b--) slashes++;
    if (slashes % 2 === 0) return k;
    j = k + 1;
  }
}

/** Pretty-printed lines of a JSON text; null when its brackets or strings do not balance. */
export function indexJsonLines(text: string): LineIndex | null {
  // Pretty-printed JSON of API records averages 12-25 characters a line.
  const lines = new Lines(Math.ceil(text.length / 12));
  const stack: number[] = [];
  let lineStart = -1;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      if (lineStart < 0) lineStart = i;
      const end = stringEnd(text, i);
      if (end < 0) return null;
      i = end;
    } else if (isSpace(c)) {
      continue;
    } else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      if (lineStart < 0) lineStart = i;
      let next = i + 1;
      while (next < n && isSpace(text.charCodeAt(next))) next++;
      const closer = c === OPEN_BRACE ? CLOSE_BRACE : CLOSE_BRACKET;
      // An empty container prints on one line, as a leaf.
      if (text.charCodeAt(next) === closer) {
        i = next;
        continue;
      }
      if (stack.length >= MAX_DEPTH) return null;
      const line = lines.push(lineStart, i + 1, stack.length);
      lines.count[line] = 1;
      stack.push(line);
      lineStart = -1;
    } else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
      if (lineStart >= 0) lines.push(lineStart, i, stack.length);
      const opener = stack.pop();
      if (opener === undefined) return null;
      lines.close[opener] = lines.length;
      lineStart = i;
    } else if (c === COMMA) {
      if (lineStart < 0) return null;
      lines.push(lineStart, i + 1, stack.length);
      const top = stack[stack.length - 1];
      if (top !== undefined) lines.count[top]!++;
      lineStart = -1;
    } else if (lineStart < 0) {
      lineStart = i;
    }
  }
  if (stack.length > 0) return null;
  if (lineStart >= 0) lines.push(lineStart, n, 0);
  return lines.done(true);
}

/** Plain text: one line per "\n". */
export function indexTextLines(text: string): LineIndex {
  const lines = new Lines(Math.ceil(text.length / 40));
  let start = 0;
  for (let k = text.indexOf('\n'); k !== -1; k = text.indexOf('\n', start)) {
    lines.push(start, k > start && text.charCodeAt(k - 1) === 13 ? k - 1 : k, 0);
    start = k + 1;
  }
  lines.push(start, text.length, 0);
  return lines.done(false);
}

const INDENT = '  ';

/** Removes whitespace outside strings and puts one space after a key's colon, as JSON.stringify does. */
function normaliseJsonSegment(segment: string): string {
  if (!/[\s:]/.test(segment)) return segment;
  let out = '';
  for (let i = 0; i < segment.length; i++) {
    const c = segment.charCodeAt(i);
    if (c === QUOTE) {
      const end = stringEnd(segment, i);
      const stop = end < 0 ? segment.length - 1 : end;
      out += segment.slice(i, stop + 1);
      i = stop;
    } else if (isSpace(c)) {
      continue;
    } else if (c === 58) {
      out += ': ';
    } else {
      out += segment[i];
    }
  }
  return out;
}

/** The text of display line `i`, cut at `maxChars`. */
export function lineText(text: string, index: LineIndex, i: number, maxChars = 10_000): string {
  const start = index.starts[i]!;
  const end = Math.min(index.ends[i]!, start + maxChars);
  const raw = text.slice(start, end);
  const cut = index.ends[i]! > end ? '…' : '';
  if (!index.json) return raw + cut;
  return INDENT.repeat(index.depth[i]!) + normaliseJsonSegment(raw) + cut;
}

/** The display line holding character `offset` (binary search over line starts). */
export function lineAt(index: LineIndex, offset: number): number {
  let lo = 0;
  let hi = index.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (index.starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
