import { isMap, isScalar, type Document } from 'yaml';
import { REQUEST_FILE_MAX } from './limits';
import { REQUEST_FIELD_ORDER, requestSchema, type RequestFile, type RequestTest } from './model';
import type { CollectionProblem } from './problems';
import { issueProblem, mapEntries, parseYaml, spliceFields, writeYaml } from './yaml-text';

/**
 * One request per file (`<name>.request.yaml`). Reading gives the request and keeps the text it came
 * from; writing an unchanged request gives back that very text (comments and all), and a changed
 * one has only its changed fields rewritten, every other line kept byte for byte (comments too).
 */

export type ParseResult<T> = { ok: true; value: T } | { ok: false; problem: CollectionProblem };

const ENTRY_FIELDS = new Set(['params', 'query', 'headers']);
const LIST_FIELDS = ['params', 'query', 'headers', 'captures', 'tests'] as const;

/** The request in `text` (the file `file`, named in every error). */
export function parseRequest(text: string, file: string): ParseResult<RequestFile> {
  if (text.length > REQUEST_FILE_MAX) {
    return { ok: false, problem: { code: 'too_large', file, message: `${file} is larger than ${REQUEST_FILE_MAX} characters; a request file this big is not read.` } };
  }
  const parsed = parseYaml(text, file);
  if (!parsed.ok) return parsed;
  const data = toData(parsed.value.doc, file);
  if (!data.ok) return data;
  const result = requestSchema.safeParse(data.value);
  if (!result.success) return { ok: false, problem: issueProblem(result.error, data.value, parsed.value, file) };
  return { ok: true, value: result.data };
}

function toData(doc: Document.Parsed, file: string): ParseResult<Record<string, unknown>> {
  const top = doc.contents;
  if (!isMap(top)) return { ok: false, problem: { code: 'invalid_field', file, line: 1, message: `${file}: a request file is a map of fields (name, method, path, …).` } };
  const data: Record<string, unknown> = {};
  for (const pair of top.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
    const isNull = pair.value === null || (isScalar(pair.value) && pair.value.value === null);
    if (ENTRY_FIELDS.has(key)) data[key] = mapEntries(pair.value, doc);
    else if (isNull) data[key] = (LIST_FIELDS as readonly string[]).includes(key) ? [] : undefined;
    else data[key] = (pair.value as { toJS(doc: Document): unknown }).toJS(doc);
  }
  for (const field of LIST_FIELDS) data[field] ??= [];
  return { ok: true, value: data };
}

const TEST_KEY_ORDER = ['status', 'header', 'jsonpath', 'schema', 'duration_under_ms', 'equals', 'matches', 'exists'] as const;

function testContent(test: RequestTest): Map<string, unknown> {
  const record = test as Record<string, unknown>;
  return new Map(TEST_KEY_ORDER.filter((k) => record[k] !== undefined).map((k) => [k, record[k]]));
}

/** The request as ordered YAML content: fields in REQUEST_FIELD_ORDER, empty lists left out. */
function content(request: RequestFile): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const field of REQUEST_FIELD_ORDER) {
    const value = request[field];
    if (value === undefined || (Array.isArray(value) && value.length === 0)) continue;
    if (field === 'params' || field === 'query' || field === 'headers') {
      out.set(field, new Map((value as { name: string; value: unknown }[]).map((e) => [e.name, e.value])));
    } else if (field === 'key') {
      out.set(field, new Map([['name', request.key?.name], ['environment', request.key?.environment]]));
    } else if (field === 'captures') {
      out.set(field, request.captures.map((c) => new Map([['variable', c.variable], ['path', c.path]])));
    } else if (field === 'tests') {
      out.set(field, request.tests.map(testContent));
    } else {
      out.set(field, value);
    }
  }
  return out;
}

/** The request as the console writes it, from nothing: stable field order, no folding. */
export function writeRequest(request: RequestFile): string {
  return writeYaml(content(request));
}

/**
 * The text to save for `request`. With the file's previous text and what it parsed to: the same
 * text when nothing changed (byte for byte), else that document with only the changed fields
 * replaced (new ones put in their place in the field order), so hand-written comments stay.
 */
export function serialiseRequest(request: RequestFile, previous?: { text: string; value: RequestFile }): string {
  if (!previous) return writeRequest(request);
  const before = content(previous.value);
  const after = content(request);
  const same = (field: string) => writeYaml(before.get(field) ?? null) === writeYaml(after.get(field) ?? null);
  if (REQUEST_FIELD_ORDER.every(same)) return previous.text;
  const changes = new Map(REQUEST_FIELD_ORDER.filter((f) => !same(f)).map((f) => [f, after.get(f)]));
  return spliceFields(previous.text, changes, REQUEST_FIELD_ORDER) ?? writeRequest(request);
}
