import type { RequestTestRow } from '../../store/request-slice';

/**
 * The tests a tab declares, as the collection format writes them (status, header, jsonpath,
 * schema, duration_under_ms): made from the Add test form, and described in words for the list.
 * Main checks them again (the collection model) before each Send.
 */

export type TestKind = 'status' | 'header' | 'jsonpath' | 'schema' | 'duration';
export type TestCheck = 'equals' | 'matches' | 'exists';

export interface TestDraft {
  kind: TestKind;
  /** Status code, header name, JSONPath or milliseconds, by kind. */
  subject: string;
  check: TestCheck;
  expected: string;
}

export const TEST_KIND_LABELS: Record<TestKind, string> = {
  status: 'Status',
  header: 'Header',
  jsonpath: 'JSONPath',
  schema: 'Body valid against the endpoint schema',
  duration: 'Duration under (ms)',
};

const regexProblem = (text: string) => {
  try {
    new RegExp(text, 'u');
    return null;
  } catch (error) {
    return `The pattern is not a regular expression: ${(error as Error).message}`;
  }
};

/** The row to store, or words for what to fix. */
export function testFromDraft(d: TestDraft): { test: RequestTestRow } | { error: string } {
  const subject = d.subject.trim();
  switch (d.kind) {
    case 'status': {
      const n = Number(subject);
      if (!Number.isInteger(n) || n < 100 || n > 599) return { error: 'Give a status code from 100 to 599, such as 201.' };
      return { test: { status: n } };
    }
    case 'duration': {
      const n = Number(subject);
      if (!Number.isInteger(n) || n <= 0 || n > 600_000) return { error: 'Give a whole number of milliseconds from 1 to 600000.' };
      return { test: { duration_under_ms: n } };
    }
    case 'schema':
      return { test: { schema: 'endpoint' } };
    case 'header':
    case 'jsonpath': {
      if (subject === '') return { error: d.kind === 'header' ? 'Give the header’s name.' : 'Give a JSONPath, such as $.id.' };
      if (d.kind === 'jsonpath' && !subject.startsWith('$')) return { error: 'A JSONPath starts with $, such as $.data[0].id.' };
      const key = d.kind === 'header' ? 'header' : 'jsonpath';
      if (d.check === 'exists') return { test: { [key]: subject, exists: true } };
      if (d.check === 'matches') {
        const problem = regexProblem(d.expected);
        return problem ? { error: problem } : { test: { [key]: subject, matches: d.expected } };
      }
      // A JSONPath's expected value is JSON when it reads as JSON (42, true, "x"), else the text itself.
      if (d.kind === 'jsonpath') {
        let value: unknown;
        try {
          value = JSON.parse(d.expected);
        } catch {
          value = d.expected;
        }
        return { test: { jsonpath: subject, equals: value } };
      }
      return { test: { header: subject, equals: d.expected } };
    }
  }
}

/** A stored test in words, as main labels its result. */
export function testLabel(t: RequestTestRow): string {
  const shown = (v: unknown) => JSON.stringify(v);
  if (typeof t.status === 'number') return `status is ${t.status}`;
  if (typeof t.duration_under_ms === 'number') return `duration under ${t.duration_under_ms} ms`;
  if (t.schema !== undefined) return 'body valid against the endpoint schema';
  const subject = typeof t.header === 'string' ? `header ${t.header}` : typeof t.jsonpath === 'string' ? t.jsonpath : 'test';
  if (t.exists !== undefined) return `${subject} ${t.exists ? 'exists' : typeof t.header === 'string' ? 'is absent' : 'does not exist'}`;
  if (t.matches !== undefined) return `${subject} matches ${String(t.matches)}`;
  return `${subject} equals ${shown(t.equals)}`;
}
