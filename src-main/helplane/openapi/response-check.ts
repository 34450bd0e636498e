import { openApiDocument, type JsonSchema, type OpenApiDocument, type OpenApiOperation } from './document';

/**
 * "Body valid against the endpoint's schema" (a request's `schema: endpoint` test): the operation
 * a method and concrete path are, its response schema for the status, and a check of the body
 * against it. Written by hand for the keywords the document uses ($ref, type, properties,
 * required, additionalProperties, items, const, enum, pattern, minLength, maxLength, minimum, oneOf,
 * anyOf, allOf) because ajv is only a development dependency; unknown keywords are ignored.
 */

const PROBLEMS_MAX = 20;

/** The operation `method path` is (path parameters matched as one segment each), or undefined. */
export function operationFor(method: string, path: string, document: OpenApiDocument = openApiDocument): OpenApiOperation | undefined {
  const parts = path.split('?')[0]!.split('/');
  for (const [template, item] of Object.entries(document.paths)) {
    const op = item[method.toLowerCase() as keyof typeof item];
    if (!op) continue;
    const segments = template.split('/');
    if (segments.length === parts.length && segments.every((s, i) => /^\{[^}]+\}$/.test(s) ? parts[i] !== '' : s === parts[i])) return op;
  }
  return undefined;
}

function deref(node: unknown, document: OpenApiDocument): JsonSchema | undefined {
  let current = node as JsonSchema | undefined;
  for (let hops = 0; current && typeof current.$ref === 'string' && hops < 10; hops++) {
    const [, section, name] = /^#\/components\/([^/]+)\/([^/]+)$/.exec(current.$ref) ?? [];
    current = section && name ? (document.components[section]?.[name] as JsonSchema | undefined) : undefined;
  }
  return current;
}

/** The response schema of `method path` for `status`; undefined when the document has none. */
export function responseSchemaFor(method: string, path: string, status: number, document: OpenApiDocument = openApiDocument): JsonSchema | undefined {
  const op = operationFor(method, path, document);
  const response = deref(op?.responses[String(status)], document) as { content?: Record<string, { schema?: unknown }> } | undefined;
  const schema = response?.content?.['application/json']?.schema;
  return schema === undefined ? undefined : deref(schema, document);
}

const typeOf = (value: unknown) => (value === null ? 'null' : Array.isArray(value) ? 'array' : Number.isInteger(value) ? 'integer' : typeof value);
const fits = (type: string, value: unknown) => type === typeOf(value) || (type === 'number' && typeof value === 'number');

/** Problems of `value` against `schema`, each `$.path: what`; empty when valid. */
export function checkAgainst(schema: JsonSchema, value: unknown, document: OpenApiDocument = openApiDocument): string[] {
  const problems: string[] = [];
  const walk = (node: unknown, v: unknown, at: string) => {
    if (problems.length >= PROBLEMS_MAX) return;
    const s = deref(node, document);
    if (!s) return;
    const say = (what: string) => problems.push(`${at}: ${what}`);
    if (s.type !== undefined) {
      const types = Array.isArray(s.type) ? (s.type as string[]) : [s.type as string];
      if (!types.some((t) => fits(t, v))) return say(`is ${typeOf(v)}, expected ${types.join(' or ')}`);
    }
    if ('const' in s && v !== s.const) say(`is ${JSON.stringify(v)}, expected ${JSON.stringify(s.const)}`);
    if (Array.isArray(s.enum) && !s.enum.includes(v as never)) say(`is ${JSON.stringify(v)}, expected one of ${s.enum.map((e) => JSON.stringify(e)).join(', ')}`);
    if (typeof v === 'string') {
      if (typeof s.pattern === 'string' && !new RegExp(s.pattern, 'u').test(v)) say(`${JSON.stringify(v.slice(0, 60))} does not match ${s.pattern}`);
      if (typeof s.minLength === 'number' && v.length < s.minLength) say(`is shorter than ${s.minLength}`);
      if (typeof s.maxLength === 'number' && v.length > s.maxLength) say(`is longer than ${s.maxLength}`);
    }
    if (typeof v === 'number' && typeof s.minimum === 'number' && v < s.minimum) say(`is below ${s.minimum}`);
    if (Array.isArray(v) && s.items !== undefined) v.forEach((item, i) => walk(s.items, item, `${at}[${i}]`));
    if (typeOf(v) === 'object') {
      const object = v as Record<string, unknown>;
      const properties = (s.properties ?? {}) as Record<string, unknown>;
      for (const name of (s.required as string[] | undefined) ?? []) if (!(name in object)) say(`lacks the required field ${name}`);
      for (const [name, child] of Object.entries(object)) {
        if (name in properties) walk(properties[name], child, `${at}.${name}`);
        else if (s.additionalProperties === false) say(`has the field ${name}, which the schema does not allow`);
      }
    }
    for (const sub of (s.allOf as unknown[] | undefined) ?? []) walk(sub, v, at);
    const alternatives = (s.oneOf ?? s.anyOf) as unknown[] | undefined;
    if (alternatives && !alternatives.some((sub) => checkAgainst(deref(sub, document) ?? {}, v, document).length === 0)) say('matches none of the allowed shapes');
  };
  walk(schema, value, '$');
  return problems;
}

/** The `schema: endpoint` check for one request: undefined when the path is no catalog operation or has no schema for the status. */
export function endpointSchemaCheck(method: string, path: string, document: OpenApiDocument = openApiDocument) {
  return (status: number, body: unknown): readonly string[] | undefined => {
    const schema = responseSchemaFor(method, path, status, document);
    return schema === undefined ? undefined : checkAgainst(schema, body, document);
  };
}
