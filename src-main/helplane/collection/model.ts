import { z } from 'zod';
import { compile } from 'json-p3';
import { BODY_TEXT_MAX, ENTRIES_MAX, NAME_TEXT_MAX, PATH_TEXT_MAX, VALUE_TEXT_MAX } from './limits';

/**
 * The collection format's data model, as zod schemas. Maps of the files (headers, query, params,
 * variables, environments) are kept as ordered entry lists, not JS objects: an object would move
 * keys like `2` before `a`, and the file's order is the user's order (so re-saving keeps it).
 */

const nameText = z.string().min(1, 'must not be empty').max(NAME_TEXT_MAX, `must be at most ${NAME_TEXT_MAX} characters`);
const valueText = z.string().max(VALUE_TEXT_MAX, `must be at most ${VALUE_TEXT_MAX} characters`);

/** A variable name: what `{{name}}` may hold. */
export const VARIABLE_NAME = /^[A-Za-z_][A-Za-z0-9_.-]*$/;
const variableName = nameText.regex(VARIABLE_NAME, 'must start with a letter or _ and hold only letters, digits, _ . -');

const jsonPathText = z
  .string()
  .min(1, 'must not be empty')
  .max(PATH_TEXT_MAX)
  .superRefine((text, ctx) => {
    try {
      compile(text);
    } catch (error) {
      ctx.addIssue({ code: 'custom', message: `is not a JSONPath (RFC 9535): ${(error as Error).message}` });
    }
  });

const regexText = valueText.superRefine((text, ctx) => {
  try {
    new RegExp(text, 'u');
  } catch (error) {
    ctx.addIssue({ code: 'custom', message: `is not a regular expression: ${(error as Error).message}` });
  }
});

const unique = <T extends { name: string }>(what: string) => (entries: T[], ctx: z.RefinementCtx) => {
  const seen = new Set<string>();
  entries.forEach((entry, index) => {
    const key = what === 'header' ? entry.name.toLowerCase() : entry.name;
    if (seen.has(key)) ctx.addIssue({ code: 'custom', path: [index, 'name'], message: `${what} “${entry.name}” is given twice` });
    seen.add(key);
  });
};

export const entrySchema = z.strictObject({ name: nameText, value: valueText });
export type Entry = z.infer<typeof entrySchema>;
const entries = (what: string) => z.array(entrySchema).max(ENTRIES_MAX, `must have at most ${ENTRIES_MAX} entries`).superRefine(unique(what));

/** A query parameter may repeat (`tag=a&tag=b`): its value is then a list. */
export const queryEntrySchema = z.strictObject({ name: nameText, value: z.union([valueText, z.array(valueText).min(1).max(ENTRIES_MAX)]) });
export type QueryEntry = z.infer<typeof queryEntrySchema>;

export const variablesSchema = z
  .array(z.strictObject({ name: variableName, value: valueText }))
  .max(ENTRIES_MAX, `must have at most ${ENTRIES_MAX} entries`)
  .superRefine(unique('variable'));

/** `sandbox`, `production`, or `custom:<origin>` (the origin of a custom server, as the Keys page stores it). */
export const ENVIRONMENT = /^(?:sandbox|production|custom:https?:\/\/[^/\s?#@]+)$/;
export const environmentSchema = z.string().regex(ENVIRONMENT, 'must be sandbox, production or custom:<origin> (custom:https://api.example.com)');

/** Which stored key a request is sent with: by name and environment, never its value. */
export const keyRefSchema = z.strictObject({ name: nameText, environment: environmentSchema });
export type KeyRef = z.infer<typeof keyRefSchema>;

export const captureSchema = z.strictObject({ variable: variableName, path: jsonPathText });
export type Capture = z.infer<typeof captureSchema>;

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
const jsonValue: z.ZodType<Json> = z.lazy(() =>
  z.union([z.string().max(VALUE_TEXT_MAX), z.number().finite(), z.boolean(), z.null(), z.array(jsonValue).max(ENTRIES_MAX), z.record(z.string(), jsonValue)]),
);

const exactlyOne = (keys: readonly string[]) => (value: Record<string, unknown>, ctx: z.RefinementCtx) => {
  const given = keys.filter((k) => value[k] !== undefined);
  if (given.length !== 1) ctx.addIssue({ code: 'custom', message: `needs exactly one of ${keys.join(', ')}${given.length ? ` (has ${given.join(', ')})` : ''}` });
};

export const statusTestSchema = z.strictObject({ status: z.number().int().min(100).max(599) });
export const headerTestSchema = z
  .strictObject({ header: nameText, equals: valueText.optional(), matches: regexText.optional(), exists: z.boolean().optional() })
  .superRefine(exactlyOne(['equals', 'matches', 'exists']));
export const jsonPathTestSchema = z
  .strictObject({ jsonpath: jsonPathText, equals: jsonValue.optional(), matches: regexText.optional(), exists: z.boolean().optional() })
  .superRefine(exactlyOne(['equals', 'matches', 'exists']));
/** The response body is valid against the endpoint's response schema (the catalog's OpenAPI document). */
export const schemaTestSchema = z.strictObject({ schema: z.literal('endpoint') });
export const durationTestSchema = z.strictObject({ duration_under_ms: z.number().int().positive().max(600_000) });

/** The word that says which kind a test is, and its schema: picked by key, so errors speak of that kind only. */
export const TEST_KINDS = [
  ['status', statusTestSchema],
  ['header', headerTestSchema],
  ['jsonpath', jsonPathTestSchema],
  ['schema', schemaTestSchema],
  ['duration_under_ms', durationTestSchema],
] as const;

export type RequestTest =
  | z.infer<typeof statusTestSchema>
  | z.infer<typeof headerTestSchema>
  | z.infer<typeof jsonPathTestSchema>
  | z.infer<typeof schemaTestSchema>
  | z.infer<typeof durationTestSchema>;

export const testSchema = z
  .unknown()
  .superRefine((value, ctx) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      ctx.addIssue({ code: 'custom', message: 'must be a map, such as status: 200' });
      return;
    }
    const kind = TEST_KINDS.find(([key]) => key in value);
    if (!kind) {
      ctx.addIssue({ code: 'custom', message: `must start with one of ${TEST_KINDS.map(([k]) => k).join(', ')}` });
      return;
    }
    const result = kind[1].safeParse(value);
    if (!result.success) for (const issue of result.error.issues) ctx.addIssue({ code: 'custom', path: issue.path as PropertyKey[], message: issue.message });
  }) as unknown as z.ZodType<RequestTest>;

export const METHOD = /^[A-Z][A-Z0-9_-]{0,19}$/;

export const requestSchema = z
  .strictObject({
    name: nameText,
    order: z.number().int().min(0).max(1_000_000).optional(),
    method: z.string().regex(METHOD, 'must be an HTTP method in capitals, such as GET or POST'),
    /** A catalog endpoint (its operation id); or `path` for a free-form request. */
    endpoint: z.string().min(1).max(NAME_TEXT_MAX).optional(),
    path: z.string().min(1).max(PATH_TEXT_MAX).regex(/^\//, 'must start with /').optional(),
    params: entries('path parameter'),
    query: z.array(queryEntrySchema).max(ENTRIES_MAX).superRefine(unique('query parameter')),
    headers: entries('header'),
    body: z.string().max(BODY_TEXT_MAX, `must be at most ${BODY_TEXT_MAX} characters`).optional(),
    key: keyRefSchema.optional(),
    captures: z.array(captureSchema).max(ENTRIES_MAX),
    tests: z.array(testSchema).max(ENTRIES_MAX),
  })
  .superRefine((value, ctx) => {
    if ((value.endpoint === undefined) === (value.path === undefined)) {
      ctx.addIssue({ code: 'custom', path: ['path'], message: 'needs exactly one of endpoint (a catalog endpoint) or path (a free path such as /v1/contacts)' });
    }
  });

export type RequestFile = z.infer<typeof requestSchema>;

export const collectionSchema = z.strictObject({
  name: nameText,
  variables: variablesSchema,
  environments: z
    .array(z.strictObject({ environment: environmentSchema, variables: variablesSchema }))
    .max(ENTRIES_MAX)
    .superRefine((list, ctx) => {
      const seen = new Set<string>();
      list.forEach((env, index) => {
        if (seen.has(env.environment)) ctx.addIssue({ code: 'custom', path: [index, 'environment'], message: `environment ${env.environment} is given twice` });
        seen.add(env.environment);
      });
    }),
});
export type CollectionFile = z.infer<typeof collectionSchema>;

/** Top-level field order of a request file: what is sent first, then what is checked. */
export const REQUEST_FIELD_ORDER = ['name', 'order', 'method', 'endpoint', 'path', 'params', 'query', 'headers', 'body', 'key', 'captures', 'tests'] as const;
export const COLLECTION_FIELD_ORDER = ['name', 'variables', 'environments'] as const;
