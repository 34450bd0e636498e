import type { CatalogEntry } from '../../../src-preload/contract';

export type EndpointEntry = CatalogEntry;

/**
 * Used only until main sends the catalog it builds from the sandbox's OpenAPI document
 * (catalogGet), so the first paint already offers the default endpoint.
 */
export const ENDPOINT_CATALOG: readonly EndpointEntry[] = [
  {
    id: 'listConversations',
    method: 'GET',
    path: '/v1/conversations',
    summary: 'List conversations',
    description: 'Conversations of the key’s workspace, newest first.',
    pathParams: [],
    queryParams: [{ name: 'limit', description: '1 to 100; the API defaults to 25.', required: false, enum: null, type: 'integer' }],
    bodySchema: null,
    template: null,
    needsKey: true,
  },
];

export const DEFAULT_ENDPOINT_ID = 'listConversations';
/** The Endpoint choice for a free-form request: method and path typed in (sent under the key's base URL). */
export const CUSTOM_ENDPOINT_ID = 'custom';

export function findEndpoint(id: string, catalog: readonly EndpointEntry[] = ENDPOINT_CATALOG): EndpointEntry | undefined {
  return catalog.find((e) => e.id === id);
}

/** "GET /v1/conversations — List conversations" */
export function endpointLabel(e: EndpointEntry): string {
  return `${e.method} ${e.path} — ${e.summary}`;
}

/** The query to send: the endpoint's parameters that have a value, in catalog order. */
export function buildQuery(endpoint: EndpointEntry, values: Record<string, string>): { name: string; value: string }[] {
  const query: { name: string; value: string }[] = [];
  for (const param of endpoint.queryParams) {
    const value = values[param.name]?.trim();
    if (value) query.push({ name: param.name, value });
  }
  return query;
}

/** Fill `{id}` placeholders; a missing value is an error the builder shows. */
const PLACEHOLDER = /(\{\{\s*[A-Za-z_][A-Za-z0-9_.-]*\s*\}\})/;

/** A path parameter percent-encoded, except its `{{name}}` placeholders: main resolves those (and encodes their values). */
export function encodeKeepingVariables(value: string): string {
  return value
    .split(PLACEHOLDER)
    .map((part, i) => (i % 2 === 1 ? part : encodeURIComponent(part)))
    .join('');
}

export function buildPath(endpoint: EndpointEntry, values: Record<string, string>): { path: string } | { missing: string } {
  let path = endpoint.path;
  for (const p of endpoint.pathParams) {
    const value = values[p.name]?.trim();
    if (!value) return { missing: p.name };
    path = path.replace(`{${p.name}}`, encodeKeepingVariables(value));
  }
  return { path };
}
