import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';

/** The real runner as a child process (tsx), as `npm run cli` starts it; what it printed and its exit code. */
export const root = resolve(import.meta.dirname, '../../..');
const tsxCli = createRequire(import.meta.url).resolve('tsx/cli');

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The test's environment without any HELPLANE_* the machine has, plus `env`. */
export function childEnv(env: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const base = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('HELPLANE_API') && name !== 'HELPLANE_BASE_URL'));
  return { ...base, ...env };
}

export function runCli(args: string[], env: NodeJS.ProcessEnv = childEnv(), cwd = root): Promise<CliResult> {
  const child = spawn(process.execPath, [tsxCli, join(root, 'src-main/cli/cli.ts'), ...args], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  return new Promise((r) => child.on('close', (code) => r({ code, stdout, stderr })));
}

/** A collection folder made of `files` (path → text). */
export function writeCollection(folder: string, files: Record<string, string>): string {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(folder, path)), { recursive: true });
    writeFileSync(join(folder, path), text);
  }
  return folder;
}

/** A GET request file with tests. */
export function getRequest(name: string, path: string, order: number, tests = '  - status: 200\n', extra = ''): string {
  return `name: ${name}\norder: ${order}\nmethod: GET\npath: ${path}\n${extra}tests:\n${tests}`;
}
