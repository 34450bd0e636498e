import { Document, isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Node, type ToStringOptions } from 'yaml';
import type { z } from 'zod';
import type { CollectionProblem } from './problems';

/**
 * YAML text in and out, with positions. YAML (eemeli/yaml) rather than JSON: one field per line
 * diffs cleanly, a body keeps its own lines as a block (`|`) instead of one escaped string,
 * comments are allowed and, through yaml's Document API, survive a re-save; JSON has neither
 * comments nor multi-line strings.
 */

/** How the console writes YAML: no line folding (a long value stays one line, so diffs stay small). */
export const TO_STRING: ToStringOptions = { indent: 2, lineWidth: 0, minContentWidth: 0, blockQuote: 'literal', flowCollectionPadding: false };

export interface ParsedYaml {
  doc: Document.Parsed;
  lines: LineCounter;
}

/** Parse `text`; a syntax error comes back as a problem with line and column. */
export function parseYaml(text: string, file: string): { ok: true; value: ParsedYaml } | { ok: false; problem: CollectionProblem } {
  const lines = new LineCounter();
  // uniqueKeys: a key given twice is an error, not the last one silently winning.
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true, strict: true });
  const first = doc.errors[0];
  if (first) {
    const pos = lines.linePos(first.pos[0]);
    return { ok: false, problem: { code: 'parse_error', file, line: pos.line, column: pos.col, message: `${file} does not parse as YAML at line ${pos.line}, column ${pos.col}: ${firstLine(first.message)}` } };
  }
  return { ok: true, value: { doc, lines } };
}

const firstLine = (text: string) => text.split('\n')[0] ?? text;

/** The node a model path points at (entry lists are YAML maps: index → pair, `name` → its key). */
export function nodeAt(doc: Document, path: readonly PropertyKey[]): Node | undefined {
  let node: unknown = doc.contents;
  for (let i = 0; i < path.length; i++) {
    const seg = path[i];
    if (isMap(node)) {
      if (typeof seg === 'number') {
        const pair = node.items[seg];
        if (!pair) return undefined;
        const next = path[i + 1];
        const isKey = next === 'name' || next === 'environment';
        node = isKey ? pair.key : pair.value;
        if (next !== undefined && ['name', 'value', 'environment', 'variables'].includes(String(next))) i++;
        continue;
      }
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(seg));
      if (!pair) return node as Node;
      node = pair.value ?? pair.key;
    } else if (isSeq(node) && typeof seg === 'number') {
      node = node.items[seg];
    } else {
      break;
    }
  }
  return (node ?? undefined) as Node | undefined;
}

/** `headers.X-Trace`, `tests[1].matches`: a model path in the words of the file. */
export function fieldPath(data: unknown, path: readonly PropertyKey[]): string {
  let out = '';
  let current: unknown = data;
  for (let i = 0; i < path.length; i++) {
    const seg = path[i];
    if (typeof seg === 'number' && Array.isArray(current)) {
      const item = current[seg] as Record<string, unknown> | undefined;
      const label = typeof item?.name === 'string' ? item.name : typeof item?.environment === 'string' ? item.environment : undefined;
      out += label !== undefined ? `.${label}` : `[${seg}]`;
      current = item;
      if (label !== undefined && (path[i + 1] === 'value' || path[i + 1] === 'name' || path[i + 1] === 'environment')) i++;
      continue;
    }
    out += out === '' ? String(seg) : `.${String(seg)}`;
    current = current && typeof current === 'object' ? (current as Record<string, unknown>)[String(seg)] : undefined;
  }
  return out;
}

/** A 1-based line and column of `node`, when it has a position. */
export function positionOf(node: Node | undefined, lines: LineCounter): { line: number; column: number } | undefined {
  const start = node?.range?.[0];
  if (start === undefined) return undefined;
  const pos = lines.linePos(start);
  return { line: pos.line, column: pos.col };
}

/** The first zod issue as a problem naming file, field, line and column. */
export function issueProblem(error: z.ZodError, data: unknown, parsed: ParsedYaml, file: string): CollectionProblem {
  const issue = error.issues[0];
  // An unknown field is named itself (`key.value`), not the map that holds it.
  const extra = issue?.code === 'unrecognized_keys' ? issue.keys.slice(0, 1) : [];
  const path = [...(issue?.path ?? []), ...extra] as PropertyKey[];
  const field = fieldPath(data, path) || undefined;
  const pos = positionOf(nodeAt(parsed.doc, path), parsed.lines);
  const more = error.issues.length > 1 ? ` (and ${error.issues.length - 1} more)` : '';
  const where = [file, field && `field ${field}`, pos && `line ${pos.line}`].filter(Boolean).join(', ');
  return { code: 'invalid_field', file, field, line: pos?.line, column: pos?.column, message: `${where}: ${field ? `${field} ` : ''}${issue?.message ?? 'is not valid'}${more}.` };
}

/** A scalar of an entry map as text: a plain `20` stays `20` (its source), an empty value is ''. */
export function scalarText(node: unknown): unknown {
  if (node === null || node === undefined) return '';
  if (!isScalar(node)) return isSeq(node) ? node.items.map(scalarText) : node; // not a scalar: left for zod to refuse
  if (node.value === null) return '';
  if (typeof node.value === 'string') return node.value;
  const source = (node as { source?: unknown }).source;
  return typeof source === 'string' ? source : String(node.value);
}

/** A YAML map of `name: value` as ordered entries (or the node itself, for zod to refuse, when it is no map). */
export function mapEntries(node: unknown, doc: Document, value: (n: unknown) => unknown = scalarText): unknown {
  if (node === null || node === undefined || (isScalar(node) && node.value === null)) return [];
  if (!isMap(node)) return isScalar(node) ? node.value : (node as Node).toJSON?.(doc) ?? node;
  return node.items.map((pair) => ({ name: isScalar(pair.key) ? String(pair.key.value) : String(pair.key), value: value(pair.value) }));
}

/** Build a document from ordered content (Maps keep their order) and write it as the console does. */
export function writeYaml(content: unknown): string {
  const doc = new Document(content);
  return doc.toString(TO_STRING);
}

/**
 * `text` with only the changed top-level fields rewritten, every other byte left as it was (so a
 * hand-formatted file keeps its layout, comments and spacing, and `git diff` shows only the change).
 * `changes`: field → its new content (undefined to remove it); new fields go before the first
 * existing field that comes after them in `order`. Undefined when the text is not a block map of
 * fields, for the caller to write the file from nothing.
 */
export function spliceFields(text: string, changes: ReadonlyMap<string, unknown>, order: readonly string[]): string | undefined {
  const doc = parseDocument(text, { uniqueKeys: true });
  const top = doc.contents;
  if (doc.errors.length > 0 || !isMap(top) || top.flow) return undefined;
  const spans = new Map<string, { start: number; end: number; tail: string }>();
  for (const pair of top.items) {
    if (!isScalar(pair.key) || !pair.key.range) return undefined;
    const start = lineStart(text, pair.key.range[0]);
    const valueEnd = (pair.value as Node | null)?.range?.[1] ?? pair.key.range[1];
    const lineEnd = text[valueEnd - 1] === '\n' ? valueEnd : nextLine(text, valueEnd);
    // An inline comment after the value (`path: /a  # why`) stays with the new value.
    const tail = text.slice(valueEnd, lineEnd).replace(/\n$/, '');
    spans.set(String(pair.key.value), { start, end: lineEnd, tail: /^\s+#/.test(tail) ? tail : '' });
  }
  const edits: { start: number; end: number; text: string }[] = [];
  for (const [field, value] of changes) {
    const span = spans.get(field);
    const snippet = value === undefined ? '' : writeYaml(new Map([[field, value]]));
    if (span) {
      const withTail = span.tail && snippet && !snippet.slice(0, -1).includes('\n') ? `${snippet.slice(0, -1)}${span.tail}\n` : snippet;
      edits.push({ start: span.start, end: span.end, text: withTail });
      continue;
    }
    if (value === undefined) continue;
    const later = order.slice(order.indexOf(field) + 1).map((f) => spans.get(f)?.start).filter((s): s is number => s !== undefined);
    const at = later.length ? Math.min(...later) : text.length;
    edits.push({ start: at, end: at, text: at === text.length && text !== '' && !text.endsWith('\n') ? `\n${snippet}` : snippet });
  }
  let out = text;
  for (const edit of edits.sort((a, b) => b.start - a.start || b.end - a.end)) out = out.slice(0, edit.start) + edit.text + out.slice(edit.end);
  return out;
}

function lineStart(text: string, at: number): number {
  return text.lastIndexOf('\n', at - 1) + 1;
}

function nextLine(text: string, at: number): number {
  const nl = text.indexOf('\n', at);
  return nl < 0 ? text.length : nl + 1;
}
