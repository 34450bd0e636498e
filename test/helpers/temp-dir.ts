import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A fresh temp dir per test; removed by the returned cleanup. */
export function tempDir(label: string): { path: string; cleanup(): void } {
  const path = mkdtempSync(join(tmpdir(), `helplane-${label}-`));
  return { path, cleanup: () => rmSync(path, { recursive: true, force: true }) };
}
