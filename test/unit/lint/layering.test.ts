import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, posix, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ESLint, type Linter } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const fixtures = join(root, 'test/fixtures/lint');
const eslint = new ESLint({ cwd: root, overrideConfigFile: join(root, 'eslint.config.js') });

const LAYERING_RULES = new Set(['no-restricted-imports', 'no-restricted-globals', 'no-restricted-syntax', 'layering/imports']);

async function lint(code: string, filePath: string): Promise<Linter.LintMessage[]> {
  const [result] = await eslint.lintText(code, { filePath, warnIgnored: true });
  return result?.messages ?? [];
}

const layeringLines = (messages: Linter.LintMessage[]) =>
  [...new Set(messages.filter((m) => m.ruleId && LAYERING_RULES.has(m.ruleId)).map((m) => m.line))].sort((a, b) => a - b);

describe('layering lint rules', () => {
  const files = readdirSync(fixtures).filter((name) => name.endsWith('.ts'));

  it('has a fixture for each layer', () => {
    expect(files.length).toBeGreaterThanOrEqual(3);
  });

  it.each(files)('%s: every marked line, and only those, breaks the layering', async (name) => {
    const code = readFileSync(join(fixtures, name), 'utf8');
    const lintAs = /^\/\/ lint-as: (\S+)/.exec(code)?.[1];
    expect(lintAs, 'first line names the virtual path').toBeTruthy();
    const expected = code
      .split('\n')
      .flatMap((line, index) => (line.includes('// layering-error') ? [index + 1] : []));

    const messages = await lint(code, String(lintAs));
    expect(messages.filter((m) => m.fatal)).toEqual([]);
    expect(layeringLines(messages)).toEqual(expected);
    for (const message of messages.filter((m) => m.ruleId && LAYERING_RULES.has(m.ruleId))) {
      expect(message.message).toMatch(/Layering/);
      expect(message.severity).toBe(2);
    }
  });

  it('renderer: imports of main, Electron and Node are errors', async () => {
    const messages = await lint("import type { EventSink } from '../../src-main/ports';\nexport type E = EventSink;\n", 'src-renderer/src/bad.ts');
    expect(messages).toEqual([expect.objectContaining({ ruleId: 'no-restricted-imports', line: 1 })]);
  });

  it('contract: node:fs and document are errors', async () => {
    const messages = await lint("import { readFileSync } from 'node:fs';\nexport const t = [readFileSync, document.title];\n", 'src-preload/contract/bad.ts');
    expect(messages.map((m) => m.ruleId).sort()).toEqual(['no-restricted-globals', 'no-restricted-imports']);
  });

  it('services: adapters and electron are errors', async () => {
    const code = "import { createKeytarSecretStore } from '../adapters/keytar-secret-store';\nimport { app } from 'electron';\nexport const x = [createKeytarSecretStore, app];\n";
    const messages = await lint(code, 'src-main/services/bad.ts');
    expect(layeringLines(messages)).toEqual([1, 2]);
  });

  it.each([
    [
      'src-renderer/src/features/keys/good.ts',
      "import type { DesktopApi } from '../../../../src-preload/contract/desktop-api';\nimport { INVOKE_CHANNELS } from '../../../../src-preload/contract/channels';\nimport { create } from 'zustand';\nimport { helper } from './src-main-helpers';\nexport const x = [INVOKE_CHANNELS, create, helper, document.title];\nexport type D = DesktopApi;\n",
    ],
    [
      'src-preload/contract/good.ts',
      "import { z } from 'zod';\nimport { INVOKE_CHANNELS } from './channels';\nexport const schema = z.object({ channel: z.enum([INVOKE_CHANNELS.keysList]) });\n",
    ],
    [
      'src-main/services/good.ts',
      "import { randomUUID } from 'node:crypto';\nimport type { SecretStore } from '../ports';\nimport { AppFailure } from './errors';\nexport const x = [randomUUID, AppFailure];\nexport type S = SecretStore;\n",
    ],
    [
      'src-main/adapters/electron-good.ts',
      "import { app } from 'electron';\nimport keytar from 'keytar';\nexport const x = [app, keytar];\n",
    ],
    [
      'src-renderer/src/lib/desktop-api.ts',
      "import type { DesktopApi } from '../../../src-preload/contract/desktop-api';\nexport const api = (globalThis as { helplane?: DesktopApi }).helplane;\nexport const same = window.helplane;\n",
    ],
    [
      'src-preload/index.ts',
      "import { contextBridge } from 'electron';\nimport { INVOKE_CHANNELS } from './contract/channels';\nimport type { DesktopApi } from './contract/desktop-api';\nexport const api = { channels: INVOKE_CHANNELS } as unknown as DesktopApi;\ncontextBridge.exposeInMainWorld('helplane', api);\n",
    ],
    ['src-main/adapters/sandbox.ts', "import { createSandboxApp } from '../sandbox-server/app';\nimport Database from 'better-sqlite3';\nexport const x = [createSandboxApp, Database];\n"],
    ['src-main/web-host/good.ts', "import { createConfMetadataStore } from '../adapters/conf-metadata-store';\nexport const x = createConfMetadataStore;\n"],
  ])('allowed imports pass: %s', async (filePath, code) => {
    expect(await lint(code, filePath)).toEqual([]);
  });
});

// The table itself (layering.config.js): every row has a fixture, and the two checks it drives (core
// no-restricted-imports for static imports of packages and other trees, the local rule for the rest)
// give the table's verdict for every pair of layers and every restricted package.
interface LayerRow { name: string; path: string; may: string; types?: string; packages?: string }
interface PackageRow { packages: string; layers: string }
interface Layering { LAYERS: LayerRow[]; PACKAGES: PackageRow[]; layerOf(path: string): LayerRow | undefined }
const layering = (await import(pathToFileURL(join(root, 'layering.config.js')).href)) as Layering;

const words = (list: string | undefined) => (list ?? '').split(/\s+/).filter(Boolean);
const lintAsOf = (code: string) => /^\/\/ lint-as: (\S+)/.exec(code)?.[1] ?? '';
const sampleFile = (layer: LayerRow) =>
  layer.path.endsWith('/') ? `${layer.path}sample.ts` : layer.path.endsWith('/*') ? `${layer.path.slice(0, -1)}sample.ts` : layer.path;
function specifier(fromFile: string, target: string): string {
  const path = posix.relative(posix.dirname(fromFile), target.replace(/\.tsx?$/, ''));
  return path.startsWith('.') ? path : `./${path}`;
}
/** What the table says: `to`, or a layer whose folder holds it, is in from's list. */
const tableAllows = (from: LayerRow, to: LayerRow) =>
  layering.LAYERS.some((outer) => (outer === to || (outer.path.endsWith('/') && to.path.startsWith(outer.path))) && words(from.may).includes(outer.name));

const isBuiltin = (name: string) => name.startsWith('node:') || builtinModules.includes(name);
const packageName = (specifier: string) => specifier.split('/').slice(0, specifier.startsWith('@') ? 2 : 1).join('/');
const inList = (name: string, list: string[]) =>
  list.some((entry) => (entry === 'node:*' ? isBuiltin(name) : entry.endsWith('/*') ? name.startsWith(entry.slice(0, -1)) : name === entry));
const rowLayers = (row: PackageRow) =>
  words(row.layers).flatMap((token) => (token.endsWith('/') ? layering.LAYERS.filter((l) => l.path.startsWith(token)).map((l) => l.name) : [token]));
function tableAllowsPackage(from: LayerRow, specifier: string): boolean {
  const name = packageName(specifier);
  if (layering.PACKAGES.some((row) => inList(name, words(row.packages)) && !rowLayers(row).includes(from.name))) return false;
  return from.packages === undefined || inList(name, words(from.packages));
}
const PACKAGE_SAMPLES = [
  'electron', 'electron/main', 'keytar', 'conf', 'electron-store', 'undici', 'chokidar', 'better-sqlite3', 'fastify', '@fastify/cors',
  'node:fs', 'fs', 'fs/promises', 'path', 'react', 'react-dom/client', 'zustand', 'zustand/vanilla', '@codemirror/view',
  '@tanstack/react-virtual', 'zod', 'structured-headers', 'shell-quote',
];
const eachLayer = layering.LAYERS.map((layer) => [layer.name, layer] as const);
/** Lines with an import-layering error (the contract also forbids the `require` global itself: not counted here). */
const importLines = (messages: Linter.LintMessage[]) => layeringLines(messages.filter((m) => m.ruleId !== 'no-restricted-globals'));

describe('the layering table', () => {
  const fixtureCode = readdirSync(fixtures).filter((name) => name.endsWith('.ts')).map((name) => readFileSync(join(fixtures, name), 'utf8'));

  it.each(eachLayer)('%s has a fixture with a broken import and an allowed one', (_name, layer) => {
    const imports = fixtureCode
      .filter((code) => layering.layerOf(lintAsOf(code))?.name === layer.name)
      .flatMap((code) => code.split('\n').filter((line) => /^(import|export) .* from '/.test(line)));
    expect(imports.some((line) => line.includes('// layering-error')), 'a broken import').toBe(true);
    // channels may import nothing at all: its fixture has only broken imports.
    if (words(layer.may).length > 0) expect(imports.some((line) => !line.includes('// layering-error')), 'an allowed import').toBe(true);
  });

  it('a message names both layers and what to do, after "Layering:"', async () => {
    const code = "import { createKeytarSecretStore } from '../adapters/keytar-secret-store';\nexport const x = createKeytarSecretStore;\n";
    const messages = await lint(code, 'src-main/services/bad.ts');
    expect(messages).toEqual([expect.objectContaining({ ruleId: 'layering/imports', severity: 2 })]);
    expect(messages[0]?.message).toMatch(/^Layering: services \(src-main\/services\/\) may not import adapters \(src-main\/adapters\/\); .*src-main\/ports\.ts/);
  });

  it('every layering message of the fixtures starts with "Layering:" (after the core rules\' own prefix)', async () => {
    for (const code of fixtureCode) {
      for (const message of (await lint(code, lintAsOf(code))).filter((m) => m.ruleId && LAYERING_RULES.has(m.ruleId))) {
        expect(message.message).toMatch(/^(?:'[^']+' import is restricted from being used by a pattern\. |Unexpected use of '[^']+'\. )?Layering: /);
      }
    }
  });

  it.each(eachLayer)('%s: static imports, import() and the table agree on every layer', async (_name, from) => {
    const file = sampleFile(from);
    const specifiers = layering.LAYERS.map((to) => specifier(file, sampleFile(to)));
    const expected = layering.LAYERS.flatMap((to, index) => (tableAllows(from, to) ? [] : [index + 1]));
    expect(importLines(await lint(specifiers.map((s) => `import '${s}';`).join('\n'), file)), 'static imports').toEqual(expected);
    expect(importLines(await lint(specifiers.map((s) => `void import('${s}');`).join('\n'), file)), 'import()').toEqual(expected);
  });

  it.each(eachLayer)('%s: static imports, require() and the table agree on every restricted package', async (_name, from) => {
    const file = sampleFile(from);
    const expected = PACKAGE_SAMPLES.flatMap((name, index) => (tableAllowsPackage(from, name) ? [] : [index + 1]));
    expect(importLines(await lint(PACKAGE_SAMPLES.map((name) => `import '${name}';`).join('\n'), file)), 'static imports').toEqual(expected);
    expect(importLines(await lint(PACKAGE_SAMPLES.map((name) => `require('${name}');`).join('\n'), file)), 'require()').toEqual(expected);
  });
});
