import { HttpMethodSchema, type CatalogEntry, type HttpMethod, type KeyMeta } from '../../../src-preload/contract';
import type { z } from 'zod';
import type { RequestFileInputSchema, RequestFileSchema } from '../../../src-preload/contract/collections';
import { CUSTOM_ENDPOINT_ID, findEndpoint } from './endpoint-catalog';

/**
 * A tab's form and a request file, each made from the other. Saving starts from the file as it was
 * read: a field the tab did not change keeps the file's own value (a repeated query, a body's last
 * newline, `order`), so saving an unchanged request sends main the request it read, and main writes
 * the same bytes.
 */

export type RequestFileView = z.infer<typeof RequestFileSchema>;
export type RequestFileInput = z.input<typeof RequestFileInputSchema>;

type HeaderRow = { name: string; value: string };
type CaptureRow = { variable: string; path: string };
type RequestTestRow = Record<string, unknown>;

/** The form fields a request file sets in a tab (the request slice's fields of the same names). */
export interface RequestForm {
  endpointId: string;
  pathValues: Record<string, string>;
  queryValues: Record<string, string>;
  headerRows: HeaderRow[];
  body: string;
  customMethod: HttpMethod;
  customPath: string;
  captures: CaptureRow[];
  tests: RequestTestRow[];
  selectedKeyId: string | null;
}

/** The name collections give a key's server: sandbox, production or custom:<origin>. */
export function environmentName(key: Pick<KeyMeta, 'environment' | 'baseUrl'>): string {
  if (key.environment !== 'custom') return key.environment;
  try {
    return `custom:${new URL(key.baseUrl).origin}`;
  } catch {
    return 'custom';
  }
}

/** A query as typed after `?` in a Custom path: not percent-encoded, so `{{name}}` stays readable. */
function queryText(query: RequestFileView['query']): string {
  return query.flatMap((q) => (Array.isArray(q.value) ? q.value : [q.value]).map((v) => (v === '' ? q.name : `${q.name}=${v}`))).join('&');
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
}

/** A Custom path's `?query` as entries; a repeated name becomes a list, as the format has it. */
function parseQuery(text: string): RequestFileView['query'] {
  const out: RequestFileView['query'] = [];
  for (const part of text.split('&')) {
    if (part === '') continue;
    const at = part.indexOf('=');
    const name = decode(at < 0 ? part : part.slice(0, at));
    const value = at < 0 ? '' : decode(part.slice(at + 1));
    const known = out.find((q) => q.name === name);
    if (!known) out.push({ name, value });
    else known.value = [...(Array.isArray(known.value) ? known.value : [known.value]), value];
  }
  return out;
}

const asMethod = (method: string): HttpMethod => {
  const parsed = HttpMethodSchema.safeParse(method);
  return parsed.success ? parsed.data : 'GET';
};

/** A request file as a tab's form; its key is the stored key of that name and environment, if any. */
export function formFromRequest(request: RequestFileView, catalog: readonly CatalogEntry[], keys: readonly KeyMeta[]): RequestForm {
  const entry = request.endpoint !== undefined ? findEndpoint(request.endpoint, catalog) : undefined;
  const key = request.key ? keys.find((k) => k.name === request.key!.name && environmentName(k) === request.key!.environment) : undefined;
  const common = {
    headerRows: request.headers.map((h) => ({ name: h.name, value: h.value })),
    body: request.body ?? '',
    captures: request.captures.map((c) => ({ ...c })),
    tests: request.tests.map((t) => ({ ...t })),
    selectedKeyId: key?.id ?? null,
  };
  if (entry) {
    return {
      ...common,
      endpointId: entry.id,
      pathValues: Object.fromEntries(request.params.map((p) => [p.name, p.value])),
      queryValues: Object.fromEntries(request.query.map((q) => [q.name, Array.isArray(q.value) ? q.value.join(',') : q.value])),
      customMethod: 'GET',
      customPath: '/v1/',
    };
  }
  const query = queryText(request.query);
  const path = request.path ?? entryPathOf(request, catalog);
  return { ...common, endpointId: CUSTOM_ENDPOINT_ID, pathValues: {}, queryValues: {}, customMethod: asMethod(request.method), customPath: `${path}${query ? `?${query}` : ''}` };
}

/** An endpoint not in this catalog: its id as a path of its own is the best a Custom request can do. */
function entryPathOf(request: RequestFileView, _catalog: readonly CatalogEntry[]): string {
  return `/${request.endpoint ?? ''}`;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The file a tab was loaded from, and the form it was loaded as (what "unchanged" means). */
export interface RequestBase {
  request: RequestFileView;
  form: RequestForm;
}

/**
 * The tab's form as a request file named `name`; `base` is the file as read and the form it gave
 * (null for a new file). The key is written by name and environment, never its value.
 */
export function requestFromForm(
  form: RequestForm,
  options: { name: string; base: RequestBase | null; catalog: readonly CatalogEntry[]; keys: readonly KeyMeta[]; /** The key the tab sends with when it picked none. */ activeKeyId?: string | null },
): RequestFileInput {
  const { catalog, keys } = options;
  const base = options.base;
  const unchanged = (...fields: (keyof RequestForm)[]) => base !== null && fields.every((f) => same(base.form[f], form[f]));
  const keep = <V>(fields: (keyof RequestForm)[], fromBase: V, made: () => V): V => (unchanged(...fields) ? fromBase : made());
  const headers = keep(['headerRows'], base?.request.headers, () => form.headerRows.filter((h) => h.name.trim() !== '').map((h) => ({ name: h.name.trim(), value: h.value })))!;
  const captures = keep(['captures'], base?.request.captures, () => form.captures.filter((c) => c.variable.trim() !== '' || c.path.trim() !== ''))!;
  const tests = keep(['tests'], base?.request.tests, () => form.tests)!;
  const key = keep(['selectedKeyId'], base?.request.key, () => {
    const picked = keys.find((k) => k.id === (form.selectedKeyId ?? options.activeKeyId));
    return picked ? { name: picked.name, environment: environmentName(picked) } : undefined;
  });
  const order = base?.request.order;
  const entry = form.endpointId === CUSTOM_ENDPOINT_ID ? undefined : findEndpoint(form.endpointId, catalog);
  const sameTarget = unchanged('endpointId') && (entry !== undefined || unchanged('customMethod', 'customPath'));
  let target: Pick<RequestFileInput, 'method' | 'endpoint' | 'path' | 'params' | 'query' | 'body'>;
  if (entry) {
    const hasBody = entry.bodySchema !== null || (entry.method !== 'GET' && form.body.trim() !== '');
    const body = sameTarget ? keep(['body'], base?.request.body, () => form.body) : form.body;
    target = {
      method: entry.method,
      endpoint: entry.id,
      params: sameTarget ? keep(['pathValues'], base!.request.params, () => pairs(form.pathValues)) : pairs(form.pathValues),
      query: sameTarget ? keep(['queryValues'], base!.request.query, () => pairs(form.queryValues)) : pairs(form.queryValues),
      ...(hasBody && body !== undefined ? { body } : {}),
    };
  } else {
    const typed = form.customPath.trim();
    const at = typed.indexOf('?');
    const hasBody = form.customMethod !== 'GET' && form.customMethod !== 'HEAD' && form.body !== '';
    const body = keep(['body'], base?.request.body, () => form.body);
    target = {
      method: form.customMethod,
      path: sameTarget && base!.request.path !== undefined ? base!.request.path : at < 0 ? typed : typed.slice(0, at),
      params: [],
      query: sameTarget ? base!.request.query : at < 0 ? [] : parseQuery(typed.slice(at + 1)),
      ...(hasBody && body !== undefined ? { body } : {}),
    };
  }
  return { name: options.name, ...(order !== undefined ? { order } : {}), ...target, headers, ...(key ? { key } : {}), captures, tests };
}

const pairs = (values: Record<string, string>) =>
  Object.entries(values)
    .filter(([, v]) => v.trim() !== '')
    .map(([name, value]) => ({ name, value }));
