import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type { LightMyRequestResponse } from 'fastify';
import { describe, expect, it } from 'vitest';
import { openApiDocument, type HttpMethod } from '../../../src-main/helplane/openapi/document';
import { generateSeed } from '../../../src-main/sandbox-server/seed/seed';
import { createKey, createKeyedApp, createTestApp } from './helpers';

/** Component refs (`#/components/schemas/X`) rewritten to `$defs`, so ajv sees plain JSON Schema. */
function toJsonSchema(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(toJsonSchema);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [
        k,
        k === '$ref' && typeof v === 'string' ? v.replace('#/components/schemas/', '#/$defs/') : toJsonSchema(v),
      ]),
    );
  }
  return value;
}

const ajv = new Ajv2020({ strict: true, allErrors: true });
addFormats.default(ajv);
const defs = toJsonSchema(openApiDocument.components.schemas) as Record<string, unknown>;
const compiled = new Map<string, ValidateFunction>();

function resolve<T>(node: unknown): T {
  const ref = (node as { $ref?: string }).$ref;
  if (!ref) return node as T;
  const [, section, name] = /^#\/components\/(\w+)\/(.+)$/.exec(ref) ?? [];
  return openApiDocument.components[section!]![name!] as T;
}

/** The documented schema for this path, method and status; fails if undocumented. */
function validatorFor(path: string, method: HttpMethod, status: number): ValidateFunction {
  const id = `${method} ${path} ${status}`;
  let validate = compiled.get(id);
  if (!validate) {
    const operation = openApiDocument.paths[path]?.[method];
    expect(operation, `${method} ${path} is documented`).toBeDefined();
    const response = operation!.responses[String(status)];
    expect(response, `${id} is documented`).toBeDefined();
    const schema = resolve<{ content: { 'application/json': { schema: unknown } } }>(response).content['application/json']
      .schema;
    validate = ajv.compile({ ...(toJsonSchema(schema) as object), $defs: defs });
    compiled.set(id, validate);
  }
  return validate;
}

function expectDocumented(path: string, method: HttpMethod, res: LightMyRequestResponse): void {
  const validate = validatorFor(path, method, res.statusCode);
  const ok = validate(res.json());
  expect(ok, `${method} ${path} ${res.statusCode}: ${ajv.errorsText(validate.errors)}`).toBe(true);
}

describe('the OpenAPI document', () => {
  it('is served at /v1/openapi.json without a key and without a rate-limit token', async () => {
    const { app } = createTestApp();
    const res = await app.inject({ url: '/v1/openapi.json' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.json()).toEqual(JSON.parse(JSON.stringify(openApiDocument)));
    expect(res.headers['x-ratelimit-remaining']).toBeUndefined();
  });

  it('documents the five public endpoints with summaries, parameters and POST bodies with templates', () => {
    const operations = Object.entries(openApiDocument.paths).flatMap(([path, ops]) =>
      Object.entries(ops).map(([method, op]) => ({ path, method, op: op! })),
    );
    expect(operations.map((o) => `${o.method.toUpperCase()} ${o.path}`)).toEqual(
      expect.arrayContaining([
        'GET /v1/conversations',
        'GET /v1/conversations/{id}',
        'GET /v1/contacts',
        'POST /v1/contacts',
        'POST /v1/messages',
      ]),
    );
    for (const { method, path, op } of operations) {
      expect(op.summary.length, path).toBeGreaterThan(0);
      for (const p of op.parameters) {
        expect(p.description.length, `${path} ${p.name}`).toBeGreaterThan(0);
        expect(p.schema, `${path} ${p.name}`).toBeDefined();
      }
      if (method === 'post') {
        const schema = op.requestBody!.content['application/json'].schema;
        const validate = ajv.compile(toJsonSchema(schema) as object);
        expect(validate(op['x-template']), `${path} template: ${ajv.errorsText(validate.errors)}`).toBe(true);
      }
    }
  });

  it('describes real success and error responses of every endpoint', async () => {
    const { app, get, post } = await createKeyedApp({ rateLimit: { capacity: 40, refillPerWindow: 1, windowMs: 60_000 } });
    const acme = generateSeed().find((s) => s.workspace.id === 'ws_acme')!;
    const cv = acme.conversations[0]!.id;
    const ct = acme.contacts[0]!.id;

    expectDocumented('/v1/conversations', 'get', await get('/v1/conversations?limit=3'));
    expectDocumented('/v1/conversations', 'get', await get('/v1/conversations?limit=0'));
    expectDocumented('/v1/conversations', 'get', await app.inject({ url: '/v1/conversations' }));
    expectDocumented('/v1/conversations', 'get', await app.inject({ method: 'PUT', url: '/v1/conversations', headers: { 'x-api-key': 'x' } }));
    expectDocumented('/v1/conversations/{id}', 'get', await get(`/v1/conversations/${cv}`));
    expectDocumented('/v1/conversations/{id}', 'get', await get('/v1/conversations/cv_nope'));
    expectDocumented('/v1/contacts', 'get', await get('/v1/contacts?q=a'));
    expectDocumented('/v1/contacts', 'get', await get('/v1/contacts?email='));
    expectDocumented('/v1/contacts', 'post', await post('/v1/contacts', { name: 'A', email: 'a@b.io', phone: null }));
    expectDocumented('/v1/contacts', 'post', await post('/v1/contacts', { name: 'A', email: 'a@b.io' }));
    expectDocumented('/v1/contacts', 'post', await post('/v1/contacts', { name: 'A' }));
    expectDocumented('/v1/contacts', 'post', await post('/v1/contacts', '{x'));
    expectDocumented('/v1/contacts', 'post', await post('/v1/contacts', 'a=b', { 'content-type': 'text/plain' }));
    expectDocumented('/v1/contacts', 'post', await post('/v1/contacts', `"${'x'.repeat(1024 * 1024)}"`));
    expectDocumented('/v1/messages', 'post', await post('/v1/messages', { conversation_id: cv, body: 'hi' }));
    expectDocumented('/v1/messages', 'post', await post('/v1/messages', { contact_id: ct, subject: 's', body: 'hi' }));
    expectDocumented('/v1/messages', 'post', await post('/v1/messages', { contact_id: 'ct_nope', subject: 's', body: 'hi' }));
    expectDocumented('/v1/messages', 'post', await post('/v1/messages', { body: 'hi' }));
    const idem = { 'idempotency-key': 'doc' };
    expectDocumented('/v1/messages', 'post', await post('/v1/messages', { conversation_id: cv, body: 'once' }, idem));
    expectDocumented('/v1/messages', 'post', await post('/v1/messages', { conversation_id: cv, body: 'once' }, idem));
    expectDocumented('/v1/messages', 'post', await post('/v1/messages', { conversation_id: cv, body: 'other' }, idem));

    const tiny = await createKey(app, 'ws_tiny');
    expectDocumented('/v1/contacts', 'get', await app.inject({ url: '/v1/contacts', headers: { 'x-api-key': tiny.secret } }));
    let limited: LightMyRequestResponse;
    do limited = await get('/v1/contacts?limit=1');
    while (limited.statusCode === 200);
    expect(limited.statusCode).toBe(429);
    expectDocumented('/v1/contacts', 'get', limited);
  });
});
