import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { announcement, exitOf, killGroup, runSandboxCli } from './cli-process';

const children: ChildProcessWithoutNullStreams[] = [];
const dirs: string[] = [];

function runCli(args: string[]): ChildProcessWithoutNullStreams {
  const child = runSandboxCli(args);
  children.push(child);
  return child;
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
