import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
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
    ['src-main/web-host/good.ts', "import { createConfMetadataStore } from '../adapters/conf-metadata-store';\nexport const x = createConfMetadataStore;\n"],
  ])('allowed imports pass: %s', async (filePath, code) => {
    expect(await lint(code, filePath)).toEqual([]);
  });
});
