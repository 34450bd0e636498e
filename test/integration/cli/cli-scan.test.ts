import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createConfMetadataStore } from '../../../src-main/adapters/conf-metadata-store';
import { nodeHostAdapters } from '../../../src-main/adapters/node-host';
import { createCore } from '../../../src-main/core/create-core';
import { generateKey } from '../../../src-main/helplane/key-format';
import { tempDir } from '../../helpers/temp-dir';
import { childEnv, runCli, writeCollection } from './cli-helpers';

/**
 * `npm run cli -- scan <folder>` as a child process, with the real keychain of the console's default
 * data folder (run with-keyring.sh): a key made in the console is found by name, a stranger's
 * Helplane key as "not one of yours", the secret never printed; exit 1 on a finding (a pre-commit hook).
 */
const dir = tempDir('cli-scan');
const xdg = join(dir.path, 'xdg');
const dataDir = join(xdg, 'Helplane Console');
const env = childEnv({ XDG_CONFIG_HOME: xdg });
let mine = '';

beforeAll(async () => {
  const core = await createCore({ host: 'web', dataDir, ...nodeHostAdapters(dataDir), metadata: createConfMetadataStore(dataDir), events: { emit: () => undefined }, isTrustedSender: () => true, env: {}, demoKey: false });
  try {
    mine = (await core.keys.create('Leaky')).secret;
  } finally {
    await core.dispose();
  }
}, 60_000);
afterAll(() => dir.cleanup());

describe('npm run cli -- scan', () => {
  it('finds a stored key by name and a stranger’s Helplane key by file:line, never printing either, and exits 1', async () => {
    const stranger = generateKey('live');
    const repo = writeCollection(join(dir.path, 'repo'), {
      '.gitignore': 'ignored.env\n',
      'src/config.ts': `export const config = {\n  apiKey: '${mine}',\n};\n`,
      'docs/old.md': `# Old\n${stranger}\n`,
      'ignored.env': `KEY=${mine}\n`,
      'clean.txt': 'nothing here\n',
    });
    const r = await runCli(['scan', repo], env);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stdout).toBe('docs/old.md:2: a Helplane key that is not one of yours\nsrc/config.ts:2: Leaky (one of your keys)\n');
    expect(r.stderr).toContain('2 keys found in 4 files');
    for (const text of [r.stdout, r.stderr]) {
      expect(text).not.toContain(mine.slice(12));
      expect(text).not.toContain(stranger.slice(12));
    }
    const json = await runCli(['scan', repo, '--reporter', 'json'], env);
    expect(json.code).toBe(1);
    const report = JSON.parse(json.stdout) as { findings: unknown[]; filesScanned: number };
    expect(report.findings).toEqual([{ file: 'docs/old.md', line: 2 }, { file: 'src/config.ts', line: 2, keyName: 'Leaky' }]);
  }, 60_000);

  it('exits 0 on a clean folder, 2 for a folder that does not exist or a bad option, with words', async () => {
    const clean = writeCollection(join(dir.path, 'clean'), { 'a.txt': 'hello\n' });
    writeFileSync(join(clean, 'b.txt'), 'no keys\n');
    const ok = await runCli(['scan', clean], env);
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout).toBe('');
    expect(ok.stderr).toContain('No keys found in 2 files');
    const missing = await runCli(['scan', join(dir.path, 'nope')], env);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('is not an existing folder');
    const bad = await runCli(['scan', clean, '--max-file-mb', 'lots'], env);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--max-file-mb must be a whole number');
    const wrong = await runCli(['scan', clean, '--bail'], env);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('--bail is an option of run');
  }, 60_000);
});
