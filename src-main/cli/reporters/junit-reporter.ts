import type { RequestReport, RunReport } from '../run-report';

/**
 * JUnit XML, as CI test-report viewers read it: one <testsuite> per request (named after it, its
 * file as the class name), one <testcase> per test; a request with no tests is one case, "responds";
 * a request that got no response is an <error>; a request skipped after --bail is <skipped/>.
 */

// Characters XML 1.0 cannot hold at all are dropped; the five special ones escaped.
// eslint-disable-next-line no-control-regex
const INVALID_XML = /[^\u0009\u000A\u000D\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
export function xmlText(text: string): string {
  return text.replace(INVALID_XML, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

const seconds = (ms: number | null) => ((ms ?? 0) / 1000).toFixed(3);

interface Case {
  name: string;
  body: string;
  failure: boolean;
  error: boolean;
  skipped: boolean;
}

function casesOf(r: RequestReport): Case[] {
  if (r.outcome === 'skipped') return [{ name: 'sent', body: '<skipped message="not run: an earlier request failed (--bail)"/>', failure: false, error: false, skipped: true }];
  const e = r.error ?? { code: 'error', message: 'no response' };
  const responds: Case[] =
    r.outcome === 'error'
      ? [{ name: 'responds', body: `<error type="${xmlText(e.code)}" message="${xmlText(e.message)}"/>`, failure: false, error: true, skipped: false }]
      : r.tests.length === 0
        ? [{ name: 'responds', body: '', failure: false, error: false, skipped: false }]
        : [];
  return [...responds, ...r.tests.map((t) => ({
    name: t.label,
    body: t.result === 'passed' ? '' : t.result === 'failed' ? `<failure type="assertion" message="${xmlText(t.detail)}"/>` : `<error type="test_error" message="${xmlText(t.detail)}"/>`,
    failure: t.result === 'failed',
    error: t.result === 'error',
    skipped: false,
  }))];
}

export function junitReport(report: RunReport): string {
  const suites = report.requests.map((r) => ({ r, cases: casesOf(r) }));
  const count = (pick: (c: Case) => boolean) => suites.reduce((n, s) => n + s.cases.filter(pick).length, 0);
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="${xmlText(report.collection.name)}" tests="${count(() => true)}" failures="${count((c) => c.failure)}" errors="${count((c) => c.error)}" skipped="${count((c) => c.skipped)}" time="${seconds(report.durationMs)}" timestamp="${report.startedAt}">`,
  ];
  for (const { r, cases } of suites) {
    const n = (pick: (c: Case) => boolean) => cases.filter(pick).length;
    lines.push(
      `  <testsuite name="${xmlText(`${r.method} ${r.name}`)}" id="${xmlText(r.file)}" tests="${cases.length}" failures="${n((c) => c.failure)}" errors="${n((c) => c.error)}" skipped="${n((c) => c.skipped)}" time="${seconds(r.durationMs)}">`,
    );
    const out = [r.url ? `url: ${r.url}` : '', r.status !== null ? `status: ${r.status}` : '', r.rateLimited ? `429 waited out: ${r.rateLimited}` : '', ...r.notes].filter(Boolean);
    for (const c of cases) {
      const open = `    <testcase name="${xmlText(c.name)}" classname="${xmlText(r.file)}" time="${seconds(r.durationMs)}"`;
      lines.push(c.body ? `${open}>${c.body}</testcase>` : `${open}/>`);
    }
    if (out.length) lines.push(`    <system-out>${xmlText(out.join('\n'))}</system-out>`);
    lines.push('  </testsuite>');
  }
  lines.push('</testsuites>');
  return `${lines.join('\n')}\n`;
}
