import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createInProcessSandbox } from '../../src-main/adapters/in-process-sandbox';
import { createJsonFileStore } from '../../src-main/adapters/json-file-store';
import { portOf, sandboxPortMemory } from '../../src-main/adapters/sandbox-port-memory';
import type { SandboxRunner } from '../../src-main/ports';
import { tempDirPerTest } from '../helpers/temp-dir-per-test';

const dataDir = tempDirPerTest('sandbox-port');
const running: SandboxRunner[] = [];
const blockers: Server[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((s) => s.stop()));
  await Promise.all(blockers.splice(0).map((b) => new Promise<void>((r) => b.close(() => r()))));
});

function launch(dir: string): SandboxRunner {
  const sandbox = createInProcessSandbox({ dataDir: join(dir, 'sandbox'), portMemory: sandboxPortMemory(createJsonFileStore(join(dir, 'sandbox-port.json'))) });
  running.push(sandbox);
  return sandbox;
}

describe('the embedded sandbox keeps its port between launches', () => {
  it('reuses the last port at the next launch', async () => {
    const dir = dataDir();
    const first = launch(dir);
    const port = portOf(await first.ensureStarted());
    expect(createJsonFileStore(join(dir, 'sandbox-port.json')).read()).toEqual({ port });
    await first.stop();
    const second = launch(dir);
    expect(portOf(await second.ensureStarted())).toBe(port);
    const res = await fetch(`http://127.0.0.1:${port}/v1/openapi.json`);
    expect(res.status).toBe(200);
  });

  it('falls back to a free port when the remembered one is taken, and remembers the new one', async () => {
    const dir = dataDir();
    const first = launch(dir);
    const port = portOf(await first.ensureStarted())!;
    await first.stop();
    // Someone else took it meanwhile.
    const blocker = createServer();
    blockers.push(blocker);
    await new Promise<void>((r) => blocker.listen(port, '127.0.0.1', r));
    const second = launch(dir);
    const fallback = portOf(await second.ensureStarted());
    expect(fallback).not.toBe(port);
    expect(second.status().state).toBe('ready');
    expect(createJsonFileStore(join(dir, 'sandbox-port.json')).read()).toEqual({ port: fallback });
  });
});
