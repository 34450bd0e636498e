// Prints one closing line for the whole run: "N passed, N failed" (and skipped), from the
// JSON reports vitest and Playwright wrote. Exits non-zero when a report is missing or empty.
import { existsSync, readFileSync } from 'node:fs';

const [vitestFile, playwrightFile] = process.argv.slice(2);
let passed = 0;
let failed = 0;
let skipped = 0;
let problems = 0;

if (vitestFile && existsSync(vitestFile)) {
  const v = JSON.parse(readFileSync(vitestFile, 'utf8'));
  passed += v.numPassedTests;
  // A file that fails to load has no test results of its own: count it as one failure.
  const brokenFiles = (v.testResults ?? []).filter((r) => r.status === 'failed' && !(r.assertionResults ?? []).some((a) => a.status === 'failed')).length;
  failed += v.numFailedTests + brokenFiles;
  skipped += (v.numPendingTests ?? 0) + (v.numTodoTests ?? 0);
} else {
  console.error(`summary: no vitest report at ${vitestFile}`);
  problems++;
}

if (playwrightFile && existsSync(playwrightFile)) {
  const p = JSON.parse(readFileSync(playwrightFile, 'utf8'));
  passed += p.stats.expected + p.stats.flaky;
  failed += p.stats.unexpected;
  skipped += p.stats.skipped;
} else {
  console.error(`summary: no Playwright report at ${playwrightFile}`);
  problems++;
}

console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 || problems > 0 || passed === 0 ? 1 : 0);
