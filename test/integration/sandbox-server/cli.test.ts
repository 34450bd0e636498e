import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createRequire } from 'node:module';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const TSX_CLI = createRequire(import.meta.url).resolve('tsx/cli');
const children: ChildProcessWithoutNullStreams[] = [];
const dirs: string[] = [];

/**
 * What `npx tsx src-main/sandbox-server/cli.ts …` runs, minus the npm wrapper: npm exec starts the
 * command through `sh -c`, which dies on SIGTERM without passing it on (npx reports 143 and the
 * server is orphaned). Signals must reach tsx, which relays them to the CLI and exits with its code.
 */
function runCli(args: string[]): ChildProcessWithoutNullStreams {
  const child = spawn(process.execPath, [TSX_CLI, 'src-main/sandbox-server/cli.ts', ...args], {
    cwd: ROOT,
    // Own process group, so cleanup can reach the CLI even if tsx is gone.
    detached: true,
  });
  children.push(child);
  return child;
}

function killGroup(child: ChildProcessWithoutNullStreams): void {
  try {
    if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
  } catch {
    // already gone
  }
}

function exitOf(child: ChildProcessWithoutNullStreams): Promise<{ code: number | null; signal: string | null }> {
  if (child.exitCode !== null) return Promise.resolve({ code: child.exitCode, signal: null });
  return new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
}

/** Resolves with stdout once both announcement lines are printed. */
function announcement(child: ChildProcessWithoutNullStreams): Promise<{ baseUrl: string; adminToken: string }> {
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

afterEach(() => {
  for (const child of children.splice(0)) killGroup(child);
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('sandbox CLI', () => {
  it.each(['SIGTERM', 'SIGINT'] as const)('prints its base URL and admin token, serves requests, and exits 0 on %s', async (signal) => {
    const base = mkdtempSync(join(tmpdir(), 'helplane-sandbox-cli-'));
    dirs.push(base);
    const dataDir = join(base, 'data');
    const child = runCli(['--port', '0', '--data-dir', dataDir]);
    const { baseUrl, adminToken } = await announcement(child);

    expect(baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(statSync(dataDir).isDirectory()).toBe(true);
    const res = await fetch(`${baseUrl}/_sandbox/workspaces`, { headers: { authorization: `Bearer ${adminToken}` } });
    expect(res.status).toBe(200);
    expect(((await res.json()) as Array<{ id: string }>).map((w) => w.id)).toContain('ws_acme');

    const exited = exitOf(child);
    child.kill(signal);
    expect(await exited).toEqual({ code: 0, signal: null });
  });

  it('exits with code 2 and a clear message on bad arguments', async () => {
    const child = runCli(['--port', 'nope']);
    let err = '';
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    expect((await exitOf(child)).code).toBe(2);
    expect(err).toMatch(/--port must be an integer/);
    expect(err).toMatch(/Usage:/);
  });
});
