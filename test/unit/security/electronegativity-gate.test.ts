import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { classify, EXCEPTIONS, scan } from '../../tools/electronegativity-gate.mjs';
import { tempDir } from '../../helpers/temp-dir';

const runScan = scan;

const dir = tempDir('eneg');
afterAll(() => dir.cleanup());

function fixture(name: string, files: Record<string, string>): string {
  const path = join(dir.path, name);
  mkdirSync(path, { recursive: true });
  for (const [file, text] of Object.entries(files)) writeFileSync(join(path, file), text);
  return path;
}

describe('electronegativity gate', () => {
  it('fails a window without isolation or sandbox, and an app that never limits navigation', async () => {
    const app = fixture('insecure', {
      'main.js': `const { BrowserWindow } = require('electron');
new BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: false, sandbox: false } });`,
    });
    const report = await runScan([app]);
    const ids = report.failures.map((f) => f.id);
    expect(ids).toEqual(expect.arrayContaining(['CONTEXT_ISOLATION_JS_CHECK', 'SANDBOX_JS_CHECK', 'LIMIT_NAVIGATION_GLOBAL_CHECK']));
    expect(report.failures.every((f) => f.severity === 'MEDIUM' || f.severity === 'HIGH')).toBe(true);
  });

  it('reports a file it cannot parse instead of skipping it silently', async () => {
    const app = fixture('broken', { 'main.js': 'const = ;;; new BrowserWindow({' });
    const report = await runScan([app]);
    expect(report.unparsed.map((u) => u.file)).toEqual([expect.stringMatching(/main\.js$/)]);
  });

  it('passes the console itself: sources and build output', async () => {
    const report = await runScan(['src-main', 'src-preload', 'out']);
    expect(report.failures).toEqual([]);
    expect(report.unparsed).toEqual([]);
  });

  it('waives only the named check in the named file; the same check elsewhere still fails', () => {
    const severity = { name: 'MEDIUM' };
    const confidence = { name: 'FIRM' };
    const issue = (id: string, file: string) => ({ id, file, severity, confidence, location: { line: 1 } });
    const { failures, waived, informational } = classify([
      issue('PRELOAD_JS_CHECK', 'src-main/app/window.ts'),
      issue('PRELOAD_JS_CHECK', 'src-main/app/other-window.ts'),
      issue('OPEN_EXTERNAL_JS_CHECK', 'src-main/services/anything.ts'),
      { ...issue('CSP_GLOBAL_CHECK', 'x.ts'), severity: { name: 'LOW' } },
    ]);
    expect(waived.map((w) => w.file)).toEqual(['src-main/app/window.ts']);
    expect(failures.map((f) => `${f.id} ${f.file}`)).toEqual(['PRELOAD_JS_CHECK src-main/app/other-window.ts', 'OPEN_EXTERNAL_JS_CHECK src-main/services/anything.ts']);
    expect(informational).toHaveLength(1);
    for (const exception of EXCEPTIONS) expect(exception.reason.length).toBeGreaterThan(40);
  });
});
