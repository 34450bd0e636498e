import type { RequestReport, RunReport, RunSummary } from '../run-report';

/** The text report: one line a request, its failed tests under it, then the summary. */

const MARK: Record<RequestReport['outcome'], string> = { passed: 'PASS', failed: 'FAIL', error: 'ERROR', skipped: 'SKIP' };

export function requestLine(r: RequestReport): string {
  const status = r.status !== null ? ` → ${r.status}` : '';
  const time = r.durationMs !== null ? ` (${Math.round(r.durationMs)} ms)` : '';
  const waits = r.rateLimited ? `, ${r.rateLimited} × 429 waited out` : '';
  return `${MARK[r.outcome].padEnd(5)} ${r.method} ${r.name} [${r.file}]${status}${time}${waits}`;
}

function details(r: RequestReport): string[] {
  const lines: string[] = [];
  if (r.error) lines.push(`      ${r.error.message}`);
  for (const t of r.tests) {
    if (t.result === 'passed') lines.push(`      ✓ ${t.label}`);
    else lines.push(`      ✗ ${t.label}: ${t.detail}${t.result === 'error' ? ' (could not run)' : ''}`);
  }
  for (const note of r.notes) lines.push(`      note: ${note}`);
  return lines;
}

export function summaryLine(s: RunSummary, durationMs: number, bailed: boolean): string {
  const parts = [`${s.requests} requests: ${s.passed} passed, ${s.failed} failed, ${s.errors} errors`];
  if (s.skipped) parts.push(`${s.skipped} skipped${bailed ? ' (--bail)' : ''}`);
  parts.push(`tests ${s.tests.passed}/${s.tests.total} passed`);
  if (s.rateLimited) parts.push(`${s.rateLimited} × 429 waited out`);
  return `${parts.join('; ')}; ${(durationMs / 1000).toFixed(1)} s`;
}

export function textReport(report: RunReport): string {
  const lines = [`${report.collection.name} (${report.collection.folder}) against ${report.environment}`, ''];
  for (const r of report.requests) lines.push(requestLine(r), ...details(r));
  lines.push('', summaryLine(report.summary, report.durationMs, report.bailed));
  return `${lines.join('\n')}\n`;
}
