import { isDeepStrictEqual } from 'node:util';
import { jsonpath } from 'json-p3';
import type { RequestTest } from './model';

/**
 * The tests a saved request declares, run against one response (after each Send, and by the
 * command line runner). Pure: the response comes in already scrubbed of the key (the request path
 * does that), and the endpoint's schema check is a function the caller passes (it knows the
 * catalog's OpenAPI document). Each outcome says in words what was expected and what came.
 */

export interface TestedResponse {
  status: number;
  headers: readonly (readonly [string, string])[];
  body: string;
  durationMs: number;
}

export interface TestOutcome {
  /** `status is 201`, `$.id matches ^ct_`: what the test checks, in words. */
  label: string;
  result: 'passed' | 'failed' | 'error';
  /** Why it failed or could not run; empty when it passed. */
  detail: string;
}

/** Problems with the body against the endpoint's response schema (empty when valid); undefined when the request has no catalog endpoint. */
export type SchemaCheck = (status: number, body: unknown) => readonly string[] | undefined;

const SHOWN_MAX = 200;
const shown = (value: unknown) => {
  const text = typeof value === 'string' ? JSON.stringify(value) : JSON.stringify(value) ?? String(value);
  return text.length > SHOWN_MAX ? `${text.slice(0, SHOWN_MAX)}…` : text;
};
const asText = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value));

export function runTests(tests: readonly RequestTest[], response: TestedResponse, schemaCheck?: SchemaCheck): TestOutcome[] {
  let parsed: { ok: true; value: unknown } | { ok: false } | undefined;
  const body = () => {
    if (!parsed) {
      try {
        parsed = { ok: true, value: JSON.parse(response.body) };
      } catch {
        parsed = { ok: false };
      }
    }
    return parsed;
  };
  return tests.map((test) => runOne(test, response, body, schemaCheck));
}

function outcome(label: string, passed: boolean, detail: string): TestOutcome {
  return { label, result: passed ? 'passed' : 'failed', detail: passed ? '' : detail };
}

function runOne(test: RequestTest, response: TestedResponse, body: () => { ok: true; value: unknown } | { ok: false }, schemaCheck?: SchemaCheck): TestOutcome {
  if ('status' in test) return outcome(`status is ${test.status}`, response.status === test.status, `the status was ${response.status}`);
  if ('duration_under_ms' in test) {
    return outcome(`duration under ${test.duration_under_ms} ms`, response.durationMs < test.duration_under_ms, `it took ${Math.round(response.durationMs)} ms`);
  }
  if ('header' in test) {
    const values = response.headers.filter(([name]) => name.toLowerCase() === test.header.toLowerCase()).map(([, v]) => v);
    const value = values.length ? values.join(', ') : undefined;
    if (test.exists !== undefined) {
      return outcome(`header ${test.header} ${test.exists ? 'exists' : 'is absent'}`, (value !== undefined) === test.exists, value === undefined ? 'the response has no such header' : `the response has it: ${shown(value)}`);
    }
    if (value === undefined) return outcome(`header ${test.header} ${test.equals !== undefined ? `equals ${shown(test.equals)}` : `matches ${test.matches}`}`, false, 'the response has no such header');
    if (test.equals !== undefined) return outcome(`header ${test.header} equals ${shown(test.equals)}`, value === test.equals, `it was ${shown(value)}`);
    return outcome(`header ${test.header} matches ${test.matches}`, new RegExp(test.matches as string, 'u').test(value), `it was ${shown(value)}`);
  }
  if ('jsonpath' in test) {
    const label = `${test.jsonpath} ${test.exists !== undefined ? (test.exists ? 'exists' : 'does not exist') : test.equals !== undefined ? `equals ${shown(test.equals)}` : `matches ${test.matches}`}`;
    const data = body();
    if (!data.ok) return { label, result: 'error', detail: 'the response body is not JSON' };
    let values: unknown[];
    try {
      values = jsonpath.query(test.jsonpath, data.value as never).values();
    } catch (error) {
      return { label, result: 'error', detail: `the path is not valid JSONPath (${(error as Error).message})` };
    }
    if (test.exists !== undefined) return outcome(label, values.length > 0 === test.exists, values.length ? `it matched ${values.length} value${values.length > 1 ? 's' : ''}` : 'it matched nothing');
    if (values.length !== 1) return outcome(label, false, values.length ? `it matched ${values.length} values; make the path select one` : 'it matched nothing');
    if (test.equals !== undefined) return outcome(label, isDeepStrictEqual(values[0], test.equals), `it was ${shown(values[0])}`);
    return outcome(label, new RegExp(test.matches as string, 'u').test(asText(values[0])), `it was ${shown(values[0])}`);
  }
  const label = 'body valid against the endpoint schema';
  const data = body();
  if (!data.ok) return { label, result: 'error', detail: 'the response body is not JSON' };
  const problems = schemaCheck?.(response.status, data.value);
  if (problems === undefined) return { label, result: 'error', detail: 'this request has no catalog endpoint (or no schema for this status) to check against' };
  return outcome(label, problems.length === 0, problems.slice(0, 3).join('; '));
}
