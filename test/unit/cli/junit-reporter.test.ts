import { parse, type TestSuites } from 'junit2json';
import { describe, expect, it } from 'vitest';
import { junitReport } from '../../../src-main/cli/reporters/junit-reporter';
import { summarise, type RequestReport, type RunReport } from '../../../src-main/cli/run-report';

const request = (over: Partial<RequestReport>): RequestReport => ({
  file: 'a.request.yaml', name: 'A', method: 'GET', url: 'http://127.0.0.1/v1/a', key: 'k', outcome: 'passed', status: 200, durationMs: 12, attempts: 1, rateLimited: 0, error: null, tests: [], captured: [], notes: [], ...over,
});
const reportOf = (requests: RequestReport[]): RunReport => ({
  schemaVersion: 1, collection: { name: 'C <&> "q"', folder: 'c' }, environment: 'sandbox', startedAt: '2026-12-01T00:00:00.000Z', durationMs: 1500, bailed: false, requests, summary: summarise(requests),
});

describe('the JUnit reporter, read by junit2json', () => {
  it('one suite per request, one case per test; failures, errors and skips where a CI viewer looks for them', async () => {
    const xml = junitReport(
      reportOf([
        request({ name: 'Tests <b>', tests: [{ label: 'status is 201', result: 'failed', detail: 'the status was 200 & "more"' }, { label: 'x', result: 'passed', detail: '' }, { label: '$.a exists', result: 'error', detail: 'the response body is not JSON' }], outcome: 'failed' }),
        request({ name: 'No tests' }),
        request({ name: 'No answer', outcome: 'error', status: null, error: { code: 'network_error', message: 'Could not connect\u0001.' } }),
        request({ name: 'Skipped', outcome: 'skipped', status: null }),
      ]),
    );
    const parsed = (await parse(xml)) as TestSuites;
    expect(parsed).toMatchObject({ name: 'C <&> "q"', tests: 6, failures: 1, errors: 2, time: 1.5 });
    const [tests, none, error, skipped] = parsed.testsuite!;
    expect(tests!.name).toBe('GET Tests <b>');
    expect(tests!.testcase!.map((c) => [c.name, c.classname, c.failure?.[0]?.message, c.error?.[0]?.message])).toEqual([
      ['status is 201', 'a.request.yaml', 'the status was 200 & "more"', undefined],
      ['x', 'a.request.yaml', undefined, undefined],
      ['$.a exists', 'a.request.yaml', undefined, 'the response body is not JSON'],
    ]);
    expect(none!.testcase!.map((c) => c.name)).toEqual(['responds']);
    expect(error!.testcase![0]!.error![0]).toMatchObject({ type: 'network_error', message: 'Could not connect.' });
    expect(skipped!.testcase![0]!.skipped).toHaveLength(1);
  });
});
