import type { HttpMethod } from '../../../../src-preload/contract';

export interface QueryParamSpec {
  name: string;
  /** Short hint shown under the input. */
  hint: string;
  inputMode?: 'numeric' | 'text';
}

export interface EndpointEntry {
  id: string;
  method: HttpMethod;
  path: string;
  summary: string;
  query: QueryParamSpec[];
}

/**
 * The endpoints the builder offers. Hand-written for now; a later issue generates this list
 * from the OpenAPI document, so keep entries plain data.
 */
export const ENDPOINT_CATALOG: readonly EndpointEntry[] = [
  {
    id: 'conversations.list',
    method: 'GET',
    path: '/v1/conversations',
    summary: 'List conversations',
    query: [{ name: 'limit', hint: '1 to 100; the API defaults to 25.', inputMode: 'numeric' }],
  },
];

export const DEFAULT_ENDPOINT_ID = 'conversations.list';

export function findEndpoint(id: string): EndpointEntry | undefined {
  return ENDPOINT_CATALOG.find((e) => e.id === id);
}

/** "GET /v1/conversations — List conversations" */
export function endpointLabel(e: EndpointEntry): string {
  return `${e.method} ${e.path} — ${e.summary}`;
}

/** The query to send: the endpoint's parameters that have a value, in catalog order. */
export function buildQuery(endpoint: EndpointEntry, values: Record<string, string>): { name: string; value: string }[] {
  const query: { name: string; value: string }[] = [];
  for (const param of endpoint.query) {
    const value = values[param.name]?.trim();
    if (value) query.push({ name: param.name, value });
  }
  return query;
}
