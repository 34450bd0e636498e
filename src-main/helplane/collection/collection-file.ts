import { isMap, isScalar } from 'yaml';
import { COLLECTION_FILE_MAX } from './limits';
import { COLLECTION_FIELD_ORDER, collectionSchema, type CollectionFile } from './model';
import type { ParseResult } from './request-file';
import { issueProblem, mapEntries, parseYaml, spliceFields, writeYaml } from './yaml-text';

/** The collection file: `collection.yaml` at the collection folder's root. */
export const COLLECTION_FILE_NAME = 'collection.yaml';

/** The collection in `text`: its name, its variables, and each environment's variables. */
export function parseCollection(text: string, file: string = COLLECTION_FILE_NAME): ParseResult<CollectionFile> {
  if (text.length > COLLECTION_FILE_MAX) {
    return { ok: false, problem: { code: 'too_large', file, message: `${file} is larger than ${COLLECTION_FILE_MAX} characters; it is not read.` } };
  }
  const parsed = parseYaml(text, file);
  if (!parsed.ok) return parsed;
  const { doc } = parsed.value;
  const top = doc.contents;
  if (!isMap(top)) return { ok: false, problem: { code: 'invalid_field', file, line: 1, message: `${file}: the collection file is a map of fields (name, variables, environments).` } };
  const data: Record<string, unknown> = { variables: [], environments: [] };
  for (const pair of top.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
    if (key === 'variables') data.variables = mapEntries(pair.value, doc);
    else if (key === 'environments') {
      const envs = mapEntries(pair.value, doc, (node) => mapEntries(node, doc));
      data.environments = Array.isArray(envs) ? envs.map((e: { name: string; value: unknown }) => ({ environment: e.name, variables: e.value })) : envs;
    } else data[key] = isScalar(pair.value) || isMap(pair.value) ? pair.value.toJS(doc) : pair.value;
  }
  const result = collectionSchema.safeParse(data);
  if (!result.success) return { ok: false, problem: issueProblem(result.error, data, parsed.value, file) };
  return { ok: true, value: result.data };
}

const entryMap = (entries: readonly { name: string; value: string }[]) => new Map(entries.map((e) => [e.name, e.value]));

function content(collection: CollectionFile): Map<string, unknown> {
  const out = new Map<string, unknown>([['name', collection.name]]);
  if (collection.variables.length) out.set('variables', entryMap(collection.variables));
  if (collection.environments.length) out.set('environments', new Map(collection.environments.map((e) => [e.environment, entryMap(e.variables)])));
  return out;
}

/** As serialiseRequest: the same text when unchanged, else only the changed fields rewritten. */
export function serialiseCollection(collection: CollectionFile, previous?: { text: string; value: CollectionFile }): string {
  const after = content(collection);
  if (!previous) return writeYaml(after);
  const before = content(previous.value);
  const same = (field: string) => writeYaml(before.get(field) ?? null) === writeYaml(after.get(field) ?? null);
  if (COLLECTION_FIELD_ORDER.every(same)) return previous.text;
  const changes = new Map(COLLECTION_FIELD_ORDER.filter((f) => !same(f)).map((f) => [f, after.get(f)]));
  return spliceFields(previous.text, changes, COLLECTION_FIELD_ORDER) ?? writeYaml(after);
}
