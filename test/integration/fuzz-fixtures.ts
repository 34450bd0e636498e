import fc from 'fast-check';
import { z } from 'zod';
import { CONTRACT, OPERATIONS, type Operation } from '../../src-preload/contract';
import { generateKey } from '../../src-main/helplane/key-format';
import type { HttpTransport, KeyRecord, MetadataStore } from '../../src-main/ports';
import type { WebCoreOverrides } from '../../src-main/web-host/web-core';
import { memorySecretStore, stoppedSandbox } from '../helpers/fakes';

/** What a key looks like: no reply, file or log may ever match it. */
export const KEY_SHAPED = /hl_(live|test)_[0-9A-Za-z]{38}/;

export const STORED_KEY_ID = 'key_fuzz';
export const STORED_SECRET = generateKey('test');

/**
 * A core for fuzzing with fakes where the real thing would be slow or shared: an in-memory
 * keychain holding one key, in-memory metadata, no sandbox, and a server that echoes the
 * request back — X-API-Key included — so a leak through a reply would show.
 */
export function fuzzOverrides(): WebCoreOverrides & { unexpected: unknown[] } {
  const secretStore = memorySecretStore([[STORED_KEY_ID, STORED_SECRET]]);
  let records: KeyRecord[] = [
    {
      id: STORED_KEY_ID,
      name: 'Fuzz key',
      environment: 'custom',
      baseUrl: 'https://api.example.test',
      prefix: STORED_SECRET.slice(0, 12),
      createdAt: '2026-01-01T00:00:00.000Z',
      lastUsedAt: null,
      status: 'active',
      workspaceId: null,
    },
  ];
  const metadata: MetadataStore = { readKeys: () => records, writeKeys: (keys) => void (records = keys) };
  const sandbox = stoppedSandbox('no sandbox in the fuzz tests');
  const transport: HttpTransport = {
    async send(request) {
      const echo = JSON.stringify({ method: request.method, url: request.url, headers: request.headers, body: request.body ?? null });
      return {
        status: 200,
        statusText: 'OK',
        headers: [
          { name: 'content-type', value: 'application/json' },
          { name: 'x-echo-key', value: request.headers['X-API-Key'] ?? request.headers['x-api-key'] ?? '' },
          { name: 'x-ratelimit-limit', value: '100' },
          { name: 'x-ratelimit-remaining', value: '99' },
        ],
        body: new TextEncoder().encode(echo),
        bodyTruncated: false,
        durationMs: 1,
      };
    },
  };
  const unexpected: unknown[] = [];
  return { secrets: secretStore, metadata, sandbox, http: () => ({ transport }), unexpected, onUnexpectedError: (_channel, error) => void unexpected.push(error) };
}

const PROTO_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty'];

/** Keys an attacker would try, plus ordinary ones. */
export const keyArb = fc.oneof(fc.constantFrom(...PROTO_KEYS), fc.string({ maxLength: 12 }));

/** Any value a compromised renderer could send: nested junk, odd prototypes, boxed values, huge strings. */
export const junkArb: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: fc.anything({ key: keyArb, maxDepth: 4, withNullPrototype: true, withBoxedValues: true, withMap: true, withSet: true, withDate: true, withTypedArray: true, withSparseArray: true, withBigInt: true }) },
  { weight: 1, arbitrary: fc.constantFrom('x'.repeat(3 * 1024 * 1024), 'é'.repeat(600_000), '\u0000'.repeat(10_000)) },
  { weight: 1, arbitrary: fc.constantFrom(STORED_SECRET, generateKey('live'), `Bearer ${STORED_SECRET}`) },
);

/** Top-level field names of an operation's input schema (none for operations without input). */
export function fieldsOf(op: Operation): string[] {
  let schema: z.ZodType = CONTRACT[op].input;
  // Unwrap optional/default wrappers to reach the object.
  for (let i = 0; i < 3 && !(schema instanceof z.ZodObject); i++) {
    const inner = (schema as unknown as { def?: { innerType?: z.ZodType } }).def?.innerType;
    if (!inner) break;
    schema = inner;
  }
  return schema instanceof z.ZodObject ? Object.keys(schema.shape) : [];
}

/**
 * An argument for `op`: pure junk, or an object with the contract's own field names holding junk
 * (often with the stored key's id, so calls get past "not found"), plus extra and prototype keys.
 */
export function argFor(op: Operation): fc.Arbitrary<unknown> {
  const fields = fieldsOf(op);
  const fieldValue = fc.oneof(junkArb, fc.constant(STORED_KEY_ID), fc.string({ maxLength: 40 }), fc.constantFrom('GET', 'POST', '/v1/contacts', 'custom', 'csv'));
  const shaped = fc
    .tuple(
      fc.record(Object.fromEntries(fields.map((f) => [f, fieldValue])), { requiredKeys: [] }),
      fc.dictionary(keyArb, junkArb, { maxKeys: 3 }),
      fc.boolean(),
    )
    .map(([known, extra, withExtra]) => (withExtra ? Object.assign(Object.create(null) as object, known, extra) : known));
  return fc.oneof(junkArb, shaped, fc.constant(undefined), fc.constant(null));
}

export const operationArb = fc.constantFrom(...OPERATIONS);
