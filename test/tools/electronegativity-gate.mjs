#!/usr/bin/env node
// Security gate: run Electronegativity over the main and preload sources and the build output
// (`out/`), and fail on any MEDIUM or HIGH finding — the tool itself exits 0 whatever it finds.
// Usage: node test/tools/electronegativity-gate.mjs [--input DIR ...] [--no-exceptions]
//
// It calls Electronegativity's runner in-process rather than its CLI, because only the runner
// reports files it could not parse (an unparsed file is an unscanned file: that fails too).
// It runs offline: the translation download is replaced by the bundled English strings, and the
// one check that needs the network (Electron release notes) is left out (npm audit and
// Dependabot cover outdated Electron versions).
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';

const root = resolve(import.meta.dirname, '../..');
const require = createRequire(import.meta.url);

/** Severities that fail the gate. */
export const FAILING_SEVERITIES = new Set(['MEDIUM', 'HIGH']);

/** Checks not run at all, each with the reason. */
export const EXCLUDED_CHECKS = {
  // Downloads Electron's release list from GitHub: no network in CI, and it would make the
  // gate's result depend on the day it runs.
  AvailableSecurityFixesGlobalCheck: 'needs the network; outdated Electron is caught by npm audit',
};

/**
 * Known false positives: each one names the check, the file and why it does not apply.
 * Keep this list narrow: a new finding in another file fails the gate.
 * out/main/index.js is the bundle of src-main: a new instance in the sources still fails the
 * source scan, so listing the bundle adds no blind spot.
 * @type {Array<{ id: string; file: RegExp; reason: string }>}
 */
export const EXCEPTIONS = [
  {
    id: 'PRELOAD_JS_CHECK',
    file: /^(src-main\/app\/window\.ts|out\/main\/index\.js)$/,
    reason:
      'the check asks for a review of any preload: ours (src-preload/index.ts) exposes exactly one function per contract operation and event, ' +
      'no ipcRenderer and no event objects; test/unit/security/preload-surface.test.ts pins that surface',
  },
  {
    id: 'OPEN_EXTERNAL_JS_CHECK',
    file: /^(src-main\/app\/external-links\.ts|out\/main\/index\.js)$/,
    reason:
      'the one openExternal call receives only URLs that passed isAllowedExternalUrl (https, Helplane origins, no credentials or port); ' +
      'test/unit/security/external-links.test.ts checks the allowlist',
  },
];

/** The tool's i18n module fetches translations from S3 at start-up; use the bundled en-US. */
function useBundledTranslations(toolDir) {
  const i18nPath = join(toolDir, 'dist/locales/i18n.js');
  const i18n = require(require.resolve('i18n', { paths: [toolDir] }));
  const offline = () => {
    i18n.configure({ locales: ['en-US'], defaultLocale: 'en-US', directory: dirname(i18nPath), updateFiles: false, objectNotation: true, retryInDefaultLocale: true, register: globalThis });
    i18n.setLocale('en-US');
    return Promise.resolve();
  };
  require.cache[i18nPath] = { id: i18nPath, filename: i18nPath, loaded: true, exports: Object.assign(offline, { default: offline }) };
}

/** Copy the inputs into one folder so the global checks (CSP, navigation, permissions) see the whole app. */
function stage(inputs) {
  const dir = mkdtempSync(join(tmpdir(), 'helplane-electronegativity-'));
  for (const input of inputs) {
    const from = resolve(root, input);
    if (!existsSync(from)) throw new Error(`${input} does not exist${input.startsWith('out') ? ': run `npm run build` first' : ''}.`);
    const rel = relative(root, from);
    // Inputs outside the project (test fixtures) keep only their own name.
    const name = rel.startsWith('..') || rel === '' ? basename(from) : rel;
    cpSync(from, join(dir, name), { recursive: true });
  }
  return dir;
}

/** Split the tool's results into failures, waived findings and the rest (LOW / INFORMATIONAL). */
export function classify(issues, exceptions = EXCEPTIONS) {
  const failures = [];
  const waived = [];
  const informational = [];
  for (const issue of issues) {
    const severity = issue.severity?.name ?? String(issue.severity);
    const row = { id: issue.id, severity, confidence: issue.confidence?.name ?? String(issue.confidence), file: issue.file, line: issue.location?.line ?? 0, description: issue.description };
    const exception = exceptions.find((e) => e.id === row.id && e.file.test(row.file));
    if (!FAILING_SEVERITIES.has(severity)) informational.push(row);
    else if (exception) waived.push({ ...row, reason: exception.reason });
    else failures.push(row);
  }
  return { failures, waived, informational };
}

/** Run the scan; resolves with the classified findings and the files that could not be parsed. */
export async function scan(inputs, { exceptions = EXCEPTIONS } = {}) {
  const toolDir = dirname(require.resolve('@doyensec/electronegativity/package.json'));
  useBundledTranslations(toolDir);
  const run = require(join(toolDir, 'dist/runner.js'));
  const electronVersion = require('electron/package.json').version;
  const dir = stage(inputs);
  try {
    const result = await run(
      {
        input: dir,
        customScan: [],
        excludeFromScan: Object.keys(EXCLUDED_CHECKS),
        isRelative: true,
        electronVersionOverride: electronVersion,
        parserPlugins: [],
      },
      false,
    );
    const unparsed = result.errors.filter((e) => !e.tolerable).map((e) => ({ file: relative(dir, e.file), message: e.message }));
    return { ...classify(result.issues, exceptions), unparsed, checks: result.globalChecks + result.atomicChecks, electronVersion };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function format(row) {
  return `  ${row.severity}/${row.confidence} ${row.id} ${row.file}:${row.line}${row.description ? ` — ${row.description}` : ''}`;
}

async function main() {
  const { values } = parseArgs({ options: { input: { type: 'string', multiple: true }, 'no-exceptions': { type: 'boolean' } }, strict: true });
  const inputs = values.input ?? ['src-main', 'src-preload', 'out'];
  const report = await scan(inputs, { exceptions: values['no-exceptions'] ? [] : EXCEPTIONS });
  console.log(`electronegativity: ${report.checks} checks over ${inputs.join(', ')} (Electron ${report.electronVersion})`);
  for (const row of report.informational) console.log(`info:${format(row)}`);
  for (const row of report.waived) console.log(`waived:${format(row)}\n    because ${row.reason}`);
  const exceptions = values['no-exceptions'] ? [] : EXCEPTIONS;
  for (const e of exceptions.filter((x) => !report.waived.some((w) => w.id === x.id && x.file.test(w.file)))) {
    console.log(`unused exception: ${e.id} ${e.file} — remove it if the finding is gone for good`);
  }
  for (const file of report.unparsed) console.error(`unparsed: ${file.file}: ${file.message}`);
  for (const row of report.failures) console.error(`FAIL:${format(row)}`);
  const failed = report.failures.length > 0 || report.unparsed.length > 0;
  console.log(`electronegativity: ${report.failures.length} medium/high, ${report.unparsed.length} unparsed, ${report.waived.length} waived, ${report.informational.length} low/info — ${failed ? 'FAILED' : 'passed'}`);
  process.exitCode = failed ? 1 : 0;
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  main().catch((error) => {
    console.error(`electronegativity gate could not run: ${error instanceof Error ? error.stack : error}`);
    process.exitCode = 2;
  });
}
