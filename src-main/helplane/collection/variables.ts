import { VARIABLE_DEPTH_MAX } from './limits';
import type { CollectionFile, Entry, QueryEntry, RequestFile } from './model';
import type { CollectionProblem } from './problems';

/**
 * `{{name}}` variables, resolved in main before Send (and for the preview the tab shows).
 *
 * Precedence, highest first: runtime (a capture or `Use as variable` in this session) over the
 * environment (sandbox, production, custom:<origin>) over the collection. The more specific value
 * wins: the collection says what holds everywhere, an environment what differs on that server (ids
 * in the sandbox are not ids in production), and a value just captured is the chain's current state.
 *
 * Where a value goes decides how it is written: in `path`, percent-encoded (a value cannot add a
 * path segment or a query); in path parameters, query and header values, as is (the URL builder
 * encodes parameters; a header value must not hold a line break); in a JSON body, JSON-escaped when
 * the placeholder is inside a string literal (`"name": "{{name}}"` stays valid JSON whatever the
 * value holds) and as is outside one (`"limit": {{limit}}` inserts a number or a whole object).
 * A body is JSON when Content-Type says json, or when there is no Content-Type and it starts with
 * `{` or `[`. A variable's value may use other variables, up to VARIABLE_DEPTH_MAX deep; a loop is
 * an error naming it. `{{` not followed by a variable name and `}}` is left as text.
 */

export type VariableScope = 'runtime' | 'environment' | 'collection';

export interface Variable {
  value: string;
  scope: VariableScope;
}

export type VariableTable = ReadonlyMap<string, Variable>;

/** The variables a request sees in `environment`, highest precedence kept for each name. */
export function variableTable(collection: Pick<CollectionFile, 'variables' | 'environments'> | undefined, environment: string, runtime: readonly Entry[] = []): VariableTable {
  const table = new Map<string, Variable>();
  for (const entry of collection?.variables ?? []) table.set(entry.name, { value: entry.value, scope: 'collection' });
  for (const entry of collection?.environments.find((e) => e.environment === environment)?.variables ?? []) table.set(entry.name, { value: entry.value, scope: 'environment' });
  for (const entry of runtime) table.set(entry.name, { value: entry.value, scope: 'runtime' });
  return table;
}

const PLACEHOLDER = /\{\{\s*([A-Za-z_][A-Za-z0-9_.-]*)\s*\}\}/g;

/** The variable names `text` refers to, in order of first use. */
export function referencedNames(text: string): string[] {
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((m) => m[1] as string))];
}

type Context = 'raw' | 'path' | 'json';

class Resolver {
  readonly undefinedNames = new Set<string>();
  readonly loops = new Set<string>();
  readonly used = new Map<string, VariableScope>();
  private readonly expanded = new Map<string, string | undefined>();

  constructor(private readonly table: VariableTable) {}

  /** A variable's value with its own variables expanded; undefined when it cannot be. */
  private valueOf(name: string, stack: readonly string[]): string | undefined {
    if (this.expanded.has(name)) return this.expanded.get(name);
    const variable = this.table.get(name);
    if (!variable) {
      this.undefinedNames.add(name);
      return undefined;
    }
    this.used.set(name, variable.scope);
    if (stack.includes(name) || stack.length >= VARIABLE_DEPTH_MAX) {
      this.loops.add([...stack.slice(stack.indexOf(name) >= 0 ? stack.indexOf(name) : 0), name].join(' → '));
      return undefined;
    }
    let failed = false;
    const value = variable.value.replace(PLACEHOLDER, (whole, inner: string) => {
      const v = this.valueOf(inner, [...stack, name]);
      if (v === undefined) failed = true;
      return v ?? whole;
    });
    const result = failed ? undefined : value;
    this.expanded.set(name, result);
    return result;
  }

  resolve(text: string, context: Context): string {
    if (context !== 'json') {
      return text.replace(PLACEHOLDER, (whole, name: string) => {
        const value = this.valueOf(name, []);
        if (value === undefined) return whole;
        return context === 'path' ? encodeURIComponent(value) : value;
      });
    }
    return this.resolveJson(text);
  }

  /** A small scan of JSON text: is each placeholder inside a string literal? */
  private resolveJson(text: string): string {
    let out = '';
    let inString = false;
    for (let i = 0; i < text.length; ) {
      const ch = text[i] as string;
      if (ch === '{' && text[i + 1] === '{') {
        PLACEHOLDER.lastIndex = i;
        const match = PLACEHOLDER.exec(text);
        if (match && match.index === i) {
          const value = this.valueOf(match[1] as string, []);
          out += value === undefined ? match[0] : inString ? JSON.stringify(value).slice(1, -1) : value;
          i += match[0].length;
          continue;
        }
      }
      if (inString && ch === '\\') {
        out += text.slice(i, i + 2);
        i += 2;
        continue;
      }
      if (ch === '"') inString = !inString;
      out += ch;
      i += 1;
    }
    PLACEHOLDER.lastIndex = 0;
    return out;
  }
}

/** The request as it will be sent: every `{{name}}` replaced. */
export interface ResolvedRequest {
  method: string;
  endpoint?: string;
  path?: string;
  params: Entry[];
  query: QueryEntry[];
  headers: Entry[];
  body?: string;
}

export interface Resolution {
  /** What will be sent; where a variable could not be resolved its `{{name}}` is left in. */
  preview: ResolvedRequest;
  /** Variables used, with the scope each value came from (for the preview). */
  used: { name: string; scope: VariableScope }[];
  /** Empty when the request can be sent: undefined variables, loops, header values with line breaks. */
  problems: CollectionProblem[];
  /** The names that have no value (also in problems, in words). */
  undefinedNames: string[];
}

const isJsonBody = (headers: readonly Entry[], body: string) => {
  const type = headers.find((h) => h.name.toLowerCase() === 'content-type')?.value;
  if (type !== undefined) return /json/i.test(type);
  return /^\s*[[{]/.test(body);
};

/** Resolve `request`'s variables from `table`; `file` names the request in problems. */
export function resolveRequest(request: RequestFile, table: VariableTable, file?: string): Resolution {
  const r = new Resolver(table);
  const headers = request.headers.map((h) => ({ name: h.name, value: r.resolve(h.value, 'raw') }));
  const preview: ResolvedRequest = {
    method: request.method,
    ...(request.endpoint !== undefined ? { endpoint: request.endpoint } : {}),
    ...(request.path !== undefined ? { path: r.resolve(request.path, 'path') } : {}),
    params: request.params.map((p) => ({ name: p.name, value: r.resolve(p.value, 'raw') })),
    query: request.query.map((q) => ({ name: q.name, value: Array.isArray(q.value) ? q.value.map((v) => r.resolve(v, 'raw')) : r.resolve(q.value, 'raw') })),
    headers,
    ...(request.body !== undefined ? { body: r.resolve(request.body, isJsonBody(headers, request.body) ? 'json' : 'raw') } : {}),
  };
  const problems: CollectionProblem[] = [];
  const where = file ? `${file}: ` : '';
  if (r.undefinedNames.size > 0) {
    const names = [...r.undefinedNames];
    problems.push({
      code: 'undefined_variable',
      file,
      message: `${where}${names.length === 1 ? 'variable' : 'variables'} ${names.map((n) => `{{${n}}}`).join(', ')} ${names.length === 1 ? 'is' : 'are'} not defined in this collection or environment; define ${names.length === 1 ? 'it' : 'them'} in Variables before sending.`,
    });
  }
  for (const loop of r.loops) {
    problems.push({ code: 'variable_loop', file, message: `${where}variables refer to each other without end (${loop}, at most ${VARIABLE_DEPTH_MAX} deep); give one of them a plain value.` });
  }
  for (const header of headers) {
    if (/[\r\n\0]/.test(header.value)) problems.push({ code: 'invalid_field', file, field: `headers.${header.name}`, message: `${where}header ${header.name} resolves to a value with a line break, which HTTP does not allow.` });
  }
  return { preview, used: [...r.used].map(([name, scope]) => ({ name, scope })), problems, undefinedNames: [...r.undefinedNames] };
}
