import type { CatalogEntry } from '../../src-preload/contract';
import { openApiDocument, type JsonSchema, type OpenApiOperation } from './openapi/document';

type Param = OpenApiOperation['parameters'][number];

/** OpenAPI descriptions are CommonMark; the builder shows plain text, so a `code` span is quoted rather than shown with its backticks. */
export function plainDescription(text: string): string {
  return text.replace(/`([^`]+)`/g, '“$1”');
}

function param(p: Param): CatalogEntry['pathParams'][number] {
  const schema = p.schema as { type?: string; enum?: unknown[] };
  return {
    name: p.name,
    description: plainDescription(p.description),
    required: p.required,
    enum: Array.isArray(schema.enum) ? schema.enum.map(String) : null,
    type: typeof schema.type === 'string' ? schema.type : 'string',
  };
}

/** The builder's endpoint list, read from the OpenAPI document the sandbox serves. */
export function buildCatalog(): CatalogEntry[] {
  const entries: CatalogEntry[] = [];
  for (const [path, item] of Object.entries(openApiDocument.paths)) {
    for (const [method, op] of Object.entries(item) as Array<[string, OpenApiOperation]>) {
      const body = op.requestBody?.content['application/json'].schema as JsonSchema | undefined;
      entries.push({
        id: op.operationId,
        method: method.toUpperCase() as CatalogEntry['method'],
        path,
        summary: op.summary,
        description: plainDescription(op.description),
        pathParams: op.parameters.filter((p) => p.in === 'path').map(param),
        queryParams: op.parameters.filter((p) => p.in === 'query').map(param),
        bodySchema: body ? JSON.stringify(body) : null,
        template: op['x-template'] ? JSON.stringify(op['x-template'], null, 2) : null,
        needsKey: !(Array.isArray(op.security) && op.security.length === 0),
      });
    }
  }
  return entries;
}
