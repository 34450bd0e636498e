/** A small JSON Schema check for the body editor: the keywords the API's request schemas use. */
export interface BodyProblem {
  message: string;
}

type Schema = {
  type?: string | string[];
  required?: string[];
  properties?: Record<string, Schema>;
  additionalProperties?: boolean;
  minLength?: number;
  maxLength?: number;
  enum?: unknown[];
  oneOf?: Schema[];
  anyOf?: Schema[];
  format?: string;
  pattern?: string;
};

function safeTest(pattern: string, value: string): boolean {
  try {
    return new RegExp(pattern, 'u').test(value);
  } catch {
    return true; // A pattern this engine cannot read is the server's to check.
  }
}

/** An id field whose value is a placeholder: it holds an ellipsis ("cv_…"), which no real id has. */
function isPlaceholderId(name: string, value: unknown): boolean {
  return (name === 'id' || name.endsWith('_id')) && typeof value === 'string' && (value.includes('…') || value.includes('...'));
}

function typeOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v;
}

function check(value: unknown, schema: Schema, at: string, out: BodyProblem[]): void {
  const where = at || 'The body';
  const alternatives = schema.oneOf ?? schema.anyOf;
  if (alternatives) {
    const results = alternatives.map((s) => {
      const errs: BodyProblem[] = [];
      check(value, s, at, errs);
      return errs;
    });
    if (!results.some((r) => r.length === 0)) {
      // Report the alternative that came closest.
      out.push(...(results.sort((a, b) => a.length - b.length)[0] ?? []));
    }
    return;
  }
  if (schema.type) {
    const types = Array.isArray(schema.type) ? schema.type : [schema.type];
    const actual = typeOf(value);
    if (!types.includes(actual) && !(actual === 'integer' && types.includes('number'))) {
      out.push({ message: `${where} must be ${types.join(' or ')}, not ${actual}.` });
      return;
    }
  }
  if (schema.enum && !schema.enum.includes(value)) out.push({ message: `${where} must be one of ${schema.enum.map((e) => JSON.stringify(e)).join(', ')}.` });
  if (typeof value === 'string') {
    if (schema.minLength !== undefined && value.length < schema.minLength) out.push({ message: `${where} must have at least ${schema.minLength} character(s).` });
    if (schema.maxLength !== undefined && value.length > schema.maxLength) out.push({ message: `${where} must have at most ${schema.maxLength} characters.` });
    if (schema.pattern !== undefined && !safeTest(schema.pattern, value)) out.push({ message: `${where} is not in the expected form.` });
    if (schema.format === 'email' && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(value)) out.push({ message: `${where} must be an email address.` });
  }
  if (typeOf(value) === 'object') {
    const obj = value as Record<string, unknown>;
    for (const name of schema.required ?? []) {
      if (!(name in obj)) out.push({ message: `“${name}” is required.` });
    }
    for (const [name, v] of Object.entries(obj)) {
      // A template's "cv_…" passes the schema (any non-empty string) and then 404s: say so before Send.
      if (isPlaceholderId(name, v)) out.push({ message: `“${name}” still holds the template’s placeholder ${JSON.stringify(v)}: put a real id there.` });
      const sub = schema.properties?.[name];
      if (sub) check(v, sub, `“${name}”`, out);
      else if (schema.additionalProperties === false) out.push({ message: `“${name}” is not a field of this endpoint.` });
    }
  }
}

/** Problems with `text` as the body of an endpoint with `schemaJson` (empty when fine). */
export function validateBody(text: string, schemaJson: string | null): BodyProblem[] {
  if (schemaJson === null) return [];
  if (text.trim() === '') return [{ message: 'This endpoint needs a JSON body.' }];
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return [{ message: `Not valid JSON: ${error instanceof Error ? error.message : String(error)}` }];
  }
  const out: BodyProblem[] = [];
  check(value, JSON.parse(schemaJson) as Schema, '', out);
  return out;
}
