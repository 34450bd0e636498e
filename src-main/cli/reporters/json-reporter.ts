import type { RunReport } from '../run-report';

/** The JSON report: the RunReport as is (schema in the README, "Command line runner"), one document. */
export function jsonReport(report: RunReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
