import { fork, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import type { UtilityReport, UtilityRequest } from '../../../src-main/sandbox-server/utility-protocol';
import { tempDir } from '../../helpers/temp-dir';
import { createSandboxKey } from '../../helpers/sandbox-admin';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const TSX_LOADER = createRequire(import.meta.url).resolve('tsx');
const SHIM = fileURLToPath(new URL('./parent-port-shim.mjs', import.meta.url));
const children: ChildProcess[] = [];
const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
  for (const cleanup of cleanups.splice(0)) cleanup();
});

function nextReport(child: ChildProcess): Promise<UtilityReport> {
  return new Promise((resolve) => child.once('message', (m) => resolve(m as UtilityReport)));
}

describe('sandbox utility-process entry (parentPort protocol, Electron stood in for)', () => {
  it('starts on a start message, reports base URL and admin token, and stops on a stop message', async () => {
    const dir = tempDir('sandbox-utility');
    cleanups.push(dir.cleanup);
    const child = fork('src-main/sandbox-server/utility-entry.ts', [], {
      cwd: ROOT,
      execArgv: ['--import', TSX_LOADER, '--import', SHIM],
    });
    children.push(child);
    const start: UtilityRequest = { type: 'start', dataDir: dir.path, adminToken: 'utility-admin', rateLimit: { capacity: 2, refillPerWindow: 1, windowMs: 60_000 } };
    const ready = nextReport(child);
    child.send(start);
    const report = await ready;
    expect(report).toEqual({ type: 'ready', baseUrl: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+$/), adminToken: 'utility-admin' });
    if (report.type !== 'ready') return;
    const { secret } = await createSandboxKey(report.baseUrl, 'utility-admin', 'ws_acme', 'k');
    const limited = await fetch(`${report.baseUrl}/v1/contacts`, { headers: { 'x-api-key': secret } });
    expect(limited.headers.get('x-ratelimit-burst')).toBe('2');

    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    const stopped = nextReport(child);
    child.send({ type: 'stop' } satisfies UtilityRequest);
    expect(await stopped).toEqual({ type: 'stopped' });
    expect(await exited).toBe(0);
  });

  it('reports a failure to start instead of crashing', async () => {
    const child = fork('src-main/sandbox-server/utility-entry.ts', [], {
      cwd: ROOT,
      execArgv: ['--import', TSX_LOADER, '--import', SHIM],
    });
    children.push(child);
    const report = nextReport(child);
    // A data dir under a file cannot be created.
    child.send({ type: 'start', dataDir: '/dev/null/sandbox' } satisfies UtilityRequest);
    expect(await report).toEqual({ type: 'failed', message: expect.stringMatching(/ENOTDIR|not a directory/i) });
  });
});
