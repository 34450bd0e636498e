import type { TestOutcome } from '../helplane/collection/assertions';

/**
 * What a run produced, reporter-independent: the JSON reporter writes it as is (its schema is in
 * the README, "Command line runner"), the text and JUnit reporters render it. It never holds a key:
 * bodies are not kept, and every text in it comes from the request engine, which scrubs replies.
 */

export const REPORT_SCHEMA_VERSION = 1;

export type RequestOutcome = 'passed' | 'failed' | 'error' | 'skipped';

export interface RequestReport {
  /** The request file, relative to the collection folder (posix). */
  file: string;
  name: string;
  method: string;
  /** The URL sent to (query included), as the engine reports it; null when nothing was sent. */
  url: string | null;
  /** The stored key's name (never its value); null when none was chosen. */
  key: string | null;
  /** passed: every test passed; failed: a test failed or could not run; error: no response; skipped: after --bail. */
  outcome: RequestOutcome;
  status: number | null;
  durationMs: number | null;
  /** Sends of this request (more than 1 after a 429 waited out). */
  attempts: number;
  /** 429 replies to this request (each waited out as Retry-After asked). */
  rateLimited: number;
  /** Why it got no response (or was not sent): a code and a sentence. */
  error: { code: string; message: string } | null;
  tests: TestOutcome[];
  /** Names of the variables its captures set (values are not reported). */
  captured: string[];
  /** Captures that could not be taken, in words. */
  notes: string[];
}

export interface RunSummary {
  requests: number;
  passed: number;
  failed: number;
  errors: number;
  skipped: number;
  tests: { total: number; passed: number; failed: number; error: number };
  /** 429 replies met in the whole run. */
  rateLimited: number;
}

export interface RunReport {
  schemaVersion: typeof REPORT_SCHEMA_VERSION;
  collection: { name: string; folder: string };
  environment: string;
  startedAt: string;
  durationMs: number;
  bailed: boolean;
  requests: RequestReport[];
  summary: RunSummary;
}

export function summarise(requests: readonly RequestReport[]): RunSummary {
  const tests = requests.flatMap((r) => r.tests);
  return {
    requests: requests.length,
    passed: requests.filter((r) => r.outcome === 'passed').length,
    failed: requests.filter((r) => r.outcome === 'failed').length,
    errors: requests.filter((r) => r.outcome === 'error').length,
    skipped: requests.filter((r) => r.outcome === 'skipped').length,
    tests: {
      total: tests.length,
      passed: tests.filter((t) => t.result === 'passed').length,
      failed: tests.filter((t) => t.result === 'failed').length,
      error: tests.filter((t) => t.result === 'error').length,
    },
    rateLimited: requests.reduce((n, r) => n + r.rateLimited, 0),
  };
}

/** Exit 0 when every request passed, else 1 (usage and key problems exit before a report exists). */
export function exitCodeOf(report: RunReport): 0 | 1 {
  return report.summary.failed + report.summary.errors === 0 && !report.bailed ? 0 : 1;
}
