import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INVOKE_CHANNELS, type ExportProgress, type InvokeChannel } from '../../src-preload/contract';
import { createConfMetadataStore } from '../../src-main/adapters/conf-metadata-store';
import { createInProcessSandbox } from '../../src-main/adapters/in-process-sandbox';
import { nodeHostAdapters } from '../../src-main/adapters/node-host';
import { createCore, type Core } from '../../src-main/core/create-core';
import { startRecordingServer, type RecordingServer } from '../helpers/recording-server';
import { createSandboxKey } from '../helpers/sandbox-admin';
import { tempDir } from '../helpers/temp-dir';
import { testKeychain } from '../helpers/test-keychain';
import { typedClient, type CallArg, type Reply } from '../helpers/typed-client';
import { exportFinished } from '../helpers/export-progress';

// A server of the user's choosing (a custom key's base URL) claims the sandbox's workspace and says
// its budget is gone for an hour. Budgets have an origin, so none of that may reach the sandbox key.
const HOUR_S = 3600;
const ADMIN = 'hostile-budget-admin';
const dir = tempDir('hostile-budget');
const keychain = testKeychain();
const sandbox = createInProcessSandbox({ dataDir: join(dir.path, 'sandbox'), adminToken: ADMIN });
const progress: ExportProgress[] = [];
let core: Core;
let hostile: RecordingServer;
let sandboxKeyId = '';
let hostileKeyId = '';
let sandboxOrigin = '';

function call<C extends InvokeChannel>(channel: C, ...arg: CallArg<C>): Promise<Reply<C>> {
  return typedClient(core.router).call(channel, ...arg);
}

async function value<C extends InvokeChannel>(channel: C, ...arg: CallArg<C>) {
  const r = await call(channel, ...arg);
  if (!r.ok) throw new Error(`${channel}: ${r.error.code}: ${r.error.message}`);
  return r.value;
}

/** The export's last progress once it has ended (an export waiting an hour on a budget never ends: the test times out). */
const finished = (exportId: string) => exportFinished(progress, exportId);

beforeAll(async () => {
  // Every answer: an empty list page, "workspace ws_acme", no requests left, come back in an hour.
  hostile = await startRecordingServer((_req, res) => {
    res.writeHead(200, {
      'Content-Type': 'application/json',
      'X-Workspace-Id': 'ws_acme',
      'X-RateLimit-Limit': '100',
      'X-RateLimit-Remaining': '0',
      'Retry-After': String(HOUR_S),
    });
    res.end(JSON.stringify({ object: 'list', data: [], has_more: false, next_cursor: null }));
  });
  core = await createCore({
    host: 'web',
    dataDir: join(dir.path, 'data'),
    ...nodeHostAdapters(join(dir.path, 'data')),
    events: { emit: (event, payload) => event === 'exportProgress' && progress.push(payload as ExportProgress) },
    isTrustedSender: (s) => s.origin === 'app://helplane',
    metadata: createConfMetadataStore(join(dir.path, 'data')),
    secrets: keychain.store,
    sandbox,
    demoKey: false,
    env: {},
  });
  sandboxOrigin = await sandbox.ensureStarted();
  const { secret } = await createSandboxKey(sandboxOrigin, ADMIN, 'ws_acme');
  sandboxKeyId = (await value(INVOKE_CHANNELS.keysAdd, { name: 'Acme sandbox', environment: 'sandbox', secret })).id;
  hostileKeyId = (await value(INVOKE_CHANNELS.keysAdd, { name: 'Hostile', environment: 'custom', baseUrl: hostile.origin, secret: 'hostile-custom-key-1234' })).id;
});

afterAll(async () => {
  await core.dispose();
  await hostile.close();
  await keychain.cleanup();
  dir.cleanup();
});

describe('a hostile server claiming the sandbox workspace, remaining 0, cannot take over its budget', () => {
  it('keeps two budgets of ws_acme, one per server, and warns only for the hostile server’s key', async () => {
    const own = await value(INVOKE_CHANNELS.requestSend, { keyId: sandboxKeyId, method: 'GET', path: '/v1/conversations', query: [{ name: 'limit', value: '1' }] });
    expect(own.status).toBe(200);
    expect(own.rateLimit?.workspaceId).toBe('ws_acme');
    expect(own.rateLimit?.remaining).toBeGreaterThan(0);
    // The hostile reply comes after the sandbox's: were budgets keyed by workspace alone, it would win.
    const claimed = await value(INVOKE_CHANNELS.requestSend, { keyId: hostileKeyId, method: 'GET', path: '/v1/conversations' });
    expect(claimed.rateLimit).toMatchObject({ workspaceId: 'ws_acme', remaining: 0, retryAfterSeconds: HOUR_S });

    expect(await value(INVOKE_CHANNELS.requestBudgetCheck, { keyId: sandboxKeyId })).toEqual({ warning: null });
    expect((await value(INVOKE_CHANNELS.requestBudgetCheck, { keyId: hostileKeyId })).warning).toMatch(/used up/);

    const { budgets } = await value(INVOKE_CHANNELS.rateLimitList);
    expect(budgets).toHaveLength(2);
    const ofKey = (keyId: string) => budgets.filter((b) => b.keyIds.includes(keyId));
    expect(ofKey(sandboxKeyId)).toHaveLength(1);
    expect(ofKey(hostileKeyId)).toHaveLength(1);
    const [mine, theirs] = [ofKey(sandboxKeyId)[0]!, ofKey(hostileKeyId)[0]!];
    expect(mine.budgetId).not.toBe(theirs.budgetId);
    expect(mine.keyIds).toEqual([sandboxKeyId]);
    expect(mine.snapshot).toMatchObject({ workspaceId: 'ws_acme', retryAfterSeconds: null });
    expect(mine.snapshot.remaining).toBeGreaterThan(0);
    expect(theirs.keyIds).toEqual([hostileKeyId]);
    expect(theirs.snapshot).toMatchObject({ workspaceId: 'ws_acme', remaining: 0, retryAfterSeconds: HOUR_S });
  });

  it('paces an export on the sandbox key by the sandbox’s budget, not by the hour the hostile server asked for', async () => {
    // First an export on the hostile key: the pacer learns "ws_acme: nothing left for an hour" from it.
    const poisoned = await value(INVOKE_CHANNELS.exportStart, { keyId: hostileKeyId, kind: 'contacts', format: 'json', filter: {} });
    expect((await finished(poisoned.exportId)).state).toBe('done');
    expect(hostile.seen.some((r) => r.url.startsWith('/v1/contacts'))).toBe(true);

    const own = await value(INVOKE_CHANNELS.exportStart, { keyId: sandboxKeyId, kind: 'contacts', format: 'json', filter: {} });
    const last = await finished(own.exportId);
    expect(last.state, last.message ?? '').toBe('done');
    expect(last.rateLimited).toBe(0);
    expect(last.done).toBeGreaterThan(0);
    expect(await value(INVOKE_CHANNELS.requestBudgetCheck, { keyId: sandboxKeyId })).toEqual({ warning: null });
  }, 30_000);
});
