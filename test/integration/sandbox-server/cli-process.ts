import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const TSX_CLI = createRequire(import.meta.url).resolve('tsx/cli');

/**
 * What `npx tsx src-main/sandbox-server/cli.ts …` runs, minus the npm wrapper: npm exec starts the
 * command through `sh -c`, which dies on SIGTERM without passing it on (npx reports 143 and the
 * server is orphaned). Signals must reach tsx, which relays them to the CLI and exits with its code.
 * Its own process group lets cleanup reach the CLI even if tsx is gone.
 */
export function runSandboxCli(args: string[]): ChildProcessWithoutNullStreams {
  return spawn(process.execPath, [TSX_CLI, 'src-main/sandbox-server/cli.ts', ...args], { cwd: ROOT, detached: true });
}

/** SIGKILL to the whole group: tsx and the sandbox under it die at once, mid-write. */
export function killGroup(child: ChildProcessWithoutNullStreams, signal: NodeJS.Signals = 'SIGKILL'): void {
  try {
    if (child.pid !== undefined) process.kill(-child.pid, signal);
  } catch {
    // already gone
  }
}

export function exitOf(child: ChildProcessWithoutNullStreams): Promise<{ code: number | null; signal: string | null }> {
  if (child.exitCode !== null || child.signalCode !== null) {
    return Promise.resolve({ code: child.exitCode, signal: child.signalCode });
  }
  return new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
}

/** Resolves once the CLI has printed its base URL and admin token. */
export function announcement(child: ChildProcessWithoutNullStreams): Promise<{ baseUrl: string; adminToken: string }> {
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const baseUrl = /^Helplane sandbox: (\S+)$/m.exec(out)?.[1];
      const adminToken = /^Admin token: (\S+)$/m.exec(out)?.[1];
      if (baseUrl && adminToken) resolve({ baseUrl, adminToken });
    });
    child.once('exit', (code) => reject(new Error(`CLI exited (${code}) before announcing: ${out}${err}`)));
  });
}
