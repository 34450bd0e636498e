// Types for the gate script, so tests can import it.
export interface Finding {
  id: string;
  severity: string;
  confidence: string;
  file: string;
  line: number;
  description?: string;
}
export interface Exception {
  id: string;
  file: RegExp;
  reason: string;
}
export interface Classified {
  failures: Finding[];
  waived: Array<Finding & { reason: string }>;
  informational: Finding[];
}
export interface Report extends Classified {
  unparsed: Array<{ file: string; message: string }>;
  checks: number;
  electronVersion: string;
}
export const FAILING_SEVERITIES: Set<string>;
export const EXCLUDED_CHECKS: Record<string, string>;
export const EXCEPTIONS: Exception[];
export function classify(issues: unknown[], exceptions?: Exception[]): Classified;
export function scan(inputs: string[], options?: { exceptions?: Exception[] }): Promise<Report>;
