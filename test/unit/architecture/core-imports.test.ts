import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const ADAPTER_LIBRARIES = ['keytar', 'undici', 'electron', 'electron-store', 'conf', 'better-sqlite3', 'fastify'];

/** Every file and package a source file loads, following relative imports (type-only imports load nothing). */
function importGraph(entry: string): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string) => {
    if (files.has(file)) return;
    files.add(file);
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
    const specifiers: string[] = [];
    source.forEachChild((node) => {
      if (ts.isImportDeclaration(node) && !node.importClause?.isTypeOnly) specifiers.push((node.moduleSpecifier as ts.StringLiteral).text);
      if (ts.isExportDeclaration(node) && !node.isTypeOnly && node.moduleSpecifier) specifiers.push((node.moduleSpecifier as ts.StringLiteral).text);
    });
    for (const spec of specifiers) {
      if (!spec.startsWith('.')) {
        packages.add(spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!);
        continue;
      }
      const base = resolve(dirname(file), spec);
      const target = [`${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), base].find((p) => existsSync(p) && p.endsWith('.ts'));
      if (target) visit(target);
    }
  };
  visit(join(root, entry));
  return { files, packages };
}

describe('the core loads no adapter', () => {
  it('core/create-core.ts reaches neither adapters/ nor the libraries they wrap', () => {
    const { files, packages } = importGraph('src-main/core/create-core.ts');
    expect([...files].map((f) => relative(root, f)).filter((f) => f.startsWith('src-main/adapters/'))).toEqual([]);
    expect(ADAPTER_LIBRARIES.filter((p) => packages.has(p))).toEqual([]);
    // It does reach the services, so the walk is real.
    expect([...files].some((f) => relative(root, f) === 'src-main/services/requests/request-service.ts')).toBe(true);
  });

  it('the hosts are what load them: the Electron host reaches keytar, undici and electron', () => {
    const { packages } = importGraph('src-main/index.ts');
    expect(['keytar', 'undici', 'electron'].filter((p) => packages.has(p))).toEqual(['keytar', 'undici', 'electron']);
  });
});
