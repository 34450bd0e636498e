import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const TSX_CLI = createRequire(import.meta.url).resolve('tsx/cli');

export interface Served {
  child: ChildProcessWithoutNullStreams;
  /** The first capture of `pattern` in the child's stdout. */
  match: string;
  stop(): Promise<void>;
}

/** Runs a TypeScript entry under tsx (as `npm run` would) and waits for `pattern` on stdout. */
export function serve(script: string, args: string[], pattern: RegExp): Promise<Served> {
  const child = spawn(process.execPath, [TSX_CLI, script, ...args], { cwd: ROOT });
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = pattern.exec(out)?.[1];
      if (match) resolve({ child, match, stop });
    });
    child.once('exit', (code) => reject(new Error(`${script} exited (${code}): ${out}${err}`)));
  });
}
