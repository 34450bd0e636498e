import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { INVOKE_CHANNELS } from '../../src-preload/contract';
import { createConfMetadataStore } from '../../src-main/adapters/conf-metadata-store';
import { createInProcessSandbox } from '../../src-main/adapters/in-process-sandbox';
import { nodeHostAdapters } from '../../src-main/adapters/node-host';
import { createCore, type Core } from '../../src-main/core/create-core';
import { memorySecretStore } from '../helpers/fakes';
import { createSandboxKey } from '../helpers/sandbox-admin';
import { tempDir } from '../helpers/temp-dir';
import { assertOk, typedClient } from '../helpers/typed-client';
import { recordUncaught } from '../helpers/uncaught';

// A core on real files whose history.json is replaced by a folder: the History flush fails (EISDIR)
// in its timer, which used to kill the web host half a second after a request.
const ADMIN = 'write-failures-admin-token';
const dir = tempDir('write-failures');
const dataDir = join(dir.path, 'data');
const historyPath = join(dataDir, 'history.json');
const sandbox = createInProcessSandbox({ dataDir: join(dir.path, 'sandbox'), adminToken: ADMIN });
const reported: { channel: string; error: unknown }[] = [];
const saveProblems: unknown[] = [];
const uncaught = recordUncaught();
let core: Core;

beforeAll(async () => {
  core = await createCore({
    host: 'web',
    dataDir,
    ...nodeHostAdapters(dataDir),
    events: { emit: (name, payload) => void (name === 'saveProblemsChanged' && saveProblems.push(payload)) },
    isTrustedSender: () => true,
    metadata: createConfMetadataStore(dataDir),
    secrets: memorySecretStore(),
    sandbox,
    demoKey: false,
    onUnexpectedError: (channel, error) => void reported.push({ channel, error }),
  });
});

afterAll(async () => {
  await core.dispose();
  dir.cleanup();
});

describe('history.json replaced by a folder', () => {
  it('keeps answering requests and History, tells the window and the log what could not be saved, and writes History once it can', async () => {
    const client = typedClient(core.router);
    const baseUrl = await sandbox.ensureStarted();
    const { secret } = await createSandboxKey(baseUrl, ADMIN);
    const added = await client.call(INVOKE_CHANNELS.keysAdd, { name: 'Acme dev', environment: 'sandbox', secret });
    assertOk(added);
    if (existsSync(historyPath)) rmSync(historyPath);
    mkdirSync(historyPath);

    const send = () => client.call(INVOKE_CHANNELS.requestSend, { keyId: added.value.id, method: 'GET', path: '/v1/conversations', query: [] });
    expect(await send()).toMatchObject({ ok: true, value: { status: 200 } });
    // Past the flush: the write has failed, was reported, and the process lives on.
    await vi.waitFor(() => expect(reported.map((r) => r.channel)).toContain('writing history.json (kept in memory, retrying)'), { timeout: 5000 });
    expect(reported.find((r) => r.channel.includes('history.json'))?.error).toMatchObject({ code: 'EISDIR' });
    expect(await send()).toMatchObject({ ok: true, value: { status: 200 } });
    const history = await client.call(INVOKE_CHANNELS.historyList);
    assertOk(history);
    expect(history.value).toHaveLength(2);
    expect(uncaught).toEqual([]);
    expect(saveProblems.at(-1)).toEqual({
      problems: [{ file: 'history.json', message: 'History could not be saved to history.json because a folder is in the way of the file. It is kept while the console runs and saved again when it can.' }],
    });

    // The folder goes: the kept entries reach the file on a retry.
    rmSync(historyPath, { recursive: true });
    await vi.waitFor(() => expect(existsSync(historyPath) && (JSON.parse(readFileSync(historyPath, 'utf8')) as unknown[]).length).toBe(2), { timeout: 10_000 });
    expect(saveProblems.at(-1)).toEqual({ problems: [] });
    expect(uncaught).toEqual([]);
  });
});
