import fc from 'fast-check';
import type { CollectionFile, RequestFile, RequestTest } from '../../../../src-main/helplane/collection/model';

/** Requests and collections as the console could write them (any text in the free-text fields). */

const text = fc.string({ unit: 'grapheme', maxLength: 40 });
const name = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 20 });
const variableName = fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_.-]{0,12}$/);
const uniqueBy = <T>(arb: fc.Arbitrary<T>, key: (t: T) => string) => fc.uniqueArray(arb, { selector: key, maxLength: 5 });
const entries = (caseless = false) => uniqueBy(fc.record({ name, value: text }), (e) => (caseless ? e.name.toLowerCase() : e.name));
const jsonPath = fc.constantFrom('$.id', '$.data[0].id', "$['odd key']", '$..email', '$.data[?@.status == "open"].id');
const regex = fc.constantFrom('^ct_', '\\d+', 'a|b');
const environment = fc.constantFrom('sandbox', 'production', 'custom:https://api.example.com', 'custom:http://127.0.0.1:8080');
const json: fc.Arbitrary<unknown> = fc.oneof(
  text,
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.oneof(text, fc.integer()), { maxLength: 3 }),
  fc.dictionary(fc.stringMatching(/^[a-z]{1,6}$/), fc.oneof(text, fc.integer()), { maxKeys: 3 }),
);

const test: fc.Arbitrary<RequestTest> = fc.oneof(
  fc.record({ status: fc.integer({ min: 100, max: 599 }) }),
  fc.oneof(fc.record({ header: name, equals: text }), fc.record({ header: name, matches: regex }), fc.record({ header: name, exists: fc.boolean() })),
  fc.oneof(
    fc.record({ jsonpath: jsonPath, equals: json }) as fc.Arbitrary<RequestTest>,
    fc.record({ jsonpath: jsonPath, matches: regex }),
    fc.record({ jsonpath: jsonPath, exists: fc.boolean() }),
  ),
  fc.constant({ schema: 'endpoint' as const }),
  fc.record({ duration_under_ms: fc.integer({ min: 1, max: 600_000 }) }),
);

export const requestArb: fc.Arbitrary<RequestFile> = fc
  .record(
    {
      name,
      order: fc.integer({ min: 0, max: 1000 }),
      method: fc.constantFrom('GET', 'POST', 'PATCH', 'DELETE', 'PURGE'),
      target: fc.oneof(
        fc.record({ endpoint: fc.constantFrom('listContacts', 'createContact') }),
        fc.record({ path: fc.stringMatching(/^\/[a-z0-9/{}._-]{0,30}$/) }),
      ),
      params: entries(),
      query: uniqueBy(fc.record({ name, value: fc.oneof(text, fc.array(text, { minLength: 1, maxLength: 3 })) }), (e) => e.name),
      headers: entries(true),
      body: fc.oneof(fc.string({ unit: 'grapheme', maxLength: 200 }), fc.json(), fc.constant('{\n  "a": 1\n}\n'), fc.constant('  lead\ntrail  \n\n')),
      key: fc.record({ name, environment }),
      captures: fc.array(fc.record({ variable: variableName, path: jsonPath }), { maxLength: 3 }),
      tests: fc.array(test, { maxLength: 4 }),
    },
    { requiredKeys: ['name', 'method', 'target', 'params', 'query', 'headers', 'captures', 'tests'] },
  )
  .map(({ target, ...rest }) => ({ ...rest, ...target }) as RequestFile);

export const collectionArb: fc.Arbitrary<CollectionFile> = fc.record({
  name,
  variables: uniqueBy(fc.record({ name: variableName, value: text }), (e) => e.name),
  environments: uniqueBy(
    fc.record({ environment, variables: uniqueBy(fc.record({ name: variableName, value: text }), (e) => e.name) }),
    (e) => e.environment,
  ),
});
