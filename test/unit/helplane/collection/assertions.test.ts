import { describe, expect, it } from 'vitest';
import { runTests, type TestedResponse } from '../../../../src-main/helplane/collection/assertions';

const response: TestedResponse = {
  status: 201,
  headers: [
    ['Content-Type', 'application/json; charset=utf-8'],
    ['X-Request-Id', 'req_1'],
  ],
  body: JSON.stringify({ id: 'ct_1', email: 'ada@example.com', tags: ['vip'], count: 2, data: [{ id: 'a' }, { id: 'b' }] }),
  durationMs: 120,
};

describe('request tests', () => {
  it('passes what holds', () => {
    const outcomes = runTests(
      [
        { status: 201 },
        { header: 'content-type', matches: '^application/json' },
        { header: 'X-Request-Id', equals: 'req_1' },
        { header: 'Retry-After', exists: false },
        { jsonpath: '$.id', matches: '^ct_' },
        { jsonpath: '$.tags', equals: ['vip'] },
        { jsonpath: '$.count', equals: 2 },
        { jsonpath: '$.missing', exists: false },
        { jsonpath: '$.data[*].id', exists: true },
        { duration_under_ms: 500 },
        { schema: 'endpoint' },
      ],
      response,
      () => [],
    );
    expect(outcomes.filter((o) => o.result !== 'passed')).toEqual([]);
    expect(outcomes.map((o) => o.label).slice(0, 2)).toEqual(['status is 201', 'header content-type matches ^application/json']);
  });

  it('fails what does not, saying what came', () => {
    const outcomes = runTests(
      [
        { status: 200 },
        { header: 'X-Request-Id', equals: 'req_2' },
        { header: 'Retry-After', exists: true },
        { jsonpath: '$.email', equals: 'bob@example.com' },
        { jsonpath: '$.data[*].id', matches: 'a' },
        { jsonpath: '$.nope', exists: true },
        { duration_under_ms: 100 },
        { schema: 'endpoint' },
      ],
      response,
      () => ['/email: must match format "email"'],
    );
    expect(outcomes.map((o) => [o.result, o.detail])).toEqual([
      ['failed', 'the status was 201'],
      ['failed', 'it was "req_1"'],
      ['failed', 'the response has no such header'],
      ['failed', 'it was "ada@example.com"'],
      ['failed', 'it matched 2 values; make the path select one'],
      ['failed', 'it matched nothing'],
      ['failed', 'it took 120 ms'],
      ['failed', '/email: must match format "email"'],
    ]);
  });

  it('cannot run JSON tests on a body that is not JSON, nor a schema test without an endpoint', () => {
    const outcomes = runTests([{ jsonpath: '$.id', exists: true }, { schema: 'endpoint' }], { ...response, body: '<html>' });
    expect(outcomes.map((o) => o.result)).toEqual(['error', 'error']);
    expect(runTests([{ schema: 'endpoint' }], response)[0]).toMatchObject({ result: 'error', detail: expect.stringMatching(/no catalog endpoint/) });
  });
});
