import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp-dir';

const root = resolve(import.meta.dirname, '../..');
const tsxCli = createRequire(import.meta.url).resolve('tsx/cli');
const dir = tempDir('web-cli');
afterAll(() => dir.cleanup());

function run(args: string[]) {
  return spawn(process.execPath, [tsxCli, 'src-main/web-host/cli.ts', ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
}

describe('npm run web (the CLI)', () => {
  it.skipIf(!existsSync(join(root, 'out/renderer/index.html')))('prints exactly one line with a URL that opens the console, and stops on SIGTERM', async () => {
    const child = run(['--no-open', '--port', '0', '--data-dir', join(dir.path, 'data')]);
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    await new Promise<void>((r, reject) => {
      child.stdout.on('data', () => out.includes('\n') && r());
      child.on('exit', (code) => reject(new Error(`exited ${code}`)));
    });
    const match = /^Helplane Console \(web\): (http:\/\/127\.0\.0\.1:\d+\/#token=[\w-]+)\n$/.exec(out);
    expect(match, out).not.toBeNull();
    const page = await fetch(match![1]!);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('web-shim.js');
    const code = await new Promise<number | null>((r) => {
      child.on('exit', (c) => r(c));
      child.kill('SIGTERM');
    });
    expect(code).toBe(0);
    expect(out.trim().split('\n')).toHaveLength(1);
  });

  it('refuses a bad port with a clear message and exit code 2', async () => {
    const child = run(['--port', 'abc', '--no-open']);
    let err = '';
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    const code = await new Promise<number | null>((r) => child.on('exit', r));
    expect(code).toBe(2);
    expect(err).toContain('--port must be a number');
  });
});
