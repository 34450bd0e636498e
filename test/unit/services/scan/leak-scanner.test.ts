import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateKey } from '../../../../src-main/helplane/key-format';
import { scanFolder } from '../../../../src-main/services/scan/leak-scanner';
import { tempDir } from '../../../helpers/temp-dir';

describe('scan for leaked keys', () => {
  const dir = tempDir('leak-scan');
  afterAll(() => dir.cleanup());

  it('finds checksum-valid hl_ keys and stored keys (as written, JSON-escaped, URL-encoded) by file:line, naming the user’s own, never the secret', async () => {
    const root = join(dir.path, 'repo');
    const mine = generateKey('test');
    const stranger = generateKey('live');
    const custom = 'staging+Key/42==secret';
    const broken = `${stranger.slice(0, -1)}${stranger.endsWith('A') ? 'B' : 'A'}`;
    mkdirSync(join(root, 'src', 'deep'), { recursive: true });
    mkdirSync(join(root, 'node_modules', 'pkg'), { recursive: true });
    mkdirSync(join(root, '.git'), { recursive: true });
    mkdirSync(join(root, 'logs'), { recursive: true });
    writeFileSync(join(root, '.gitignore'), 'node_modules/\n*.log\n');
    writeFileSync(join(root, 'src', '.gitignore'), 'secret-local.env\n');
    writeFileSync(join(root, 'README.md'), `line one\nexport HELPLANE_API_KEY=${mine}\n`);
    writeFileSync(join(root, 'src', 'deep', 'config.json'), `{\n  "a": 1,\n  "key": ${JSON.stringify(custom)},\n  "url": "https://x/?k=${encodeURIComponent(custom)}"\n}\n`);
    writeFileSync(join(root, 'src', 'other.txt'), `no key here\n\n\nfound ${stranger} here\nand a broken one ${broken}\n`);
    writeFileSync(join(root, 'src', 'secret-local.env'), `KEY=${mine}\n`);
    writeFileSync(join(root, 'node_modules', 'pkg', 'index.js'), `const k = '${mine}';`);
    writeFileSync(join(root, '.git', 'COMMIT_EDITMSG'), mine);
    writeFileSync(join(root, 'logs', 'today.log'), mine);
    writeFileSync(join(root, 'image.bin'), Buffer.concat([Buffer.from([0, 1, 2]), Buffer.from(mine)]));
    writeFileSync(join(root, 'big.txt'), `${'x'.repeat(2048)}\n${mine}\n`);

    const report = await scanFolder({ folder: root, secrets: [{ name: 'Sandbox demo', value: mine }, { name: 'Staging', value: custom }], maxFileBytes: 1024 });
    expect(report.findings).toEqual([
      { file: 'README.md', line: 2, keyName: 'Sandbox demo' },
      { file: 'src/deep/config.json', line: 3, keyName: 'Staging' },
      { file: 'src/deep/config.json', line: 4, keyName: 'Staging' },
      { file: 'src/other.txt', line: 4 },
    ]);
    expect(report.skipped).toMatchObject({ binary: 1, tooLarge: 1 });
    expect(report.filesScanned).toBe(5);
    expect(JSON.stringify(report)).not.toContain(mine.slice(12));
    expect(JSON.stringify(report)).not.toContain(stranger.slice(12));
    expect(JSON.stringify(report)).not.toContain('secret');
  });

  it('refuses a folder that does not exist, in words', async () => {
    await expect(scanFolder({ folder: join(dir.path, 'nope'), secrets: [] })).rejects.toThrow('is not an existing folder');
  });
});
