import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INVOKE_CHANNELS, type InvokeChannel } from '../../src-preload/contract';
import { createInProcessSandbox } from '../../src-main/adapters/in-process-sandbox';
import { createConfMetadataStore } from '../../src-main/adapters/conf-metadata-store';
import { createCore, type Core } from '../../src-main/core/create-core';
import { nodeHostAdapters } from '../../src-main/adapters/node-host';
import { stoppedSandbox } from '../helpers/fakes';
import { tempDir } from '../helpers/temp-dir';
import { testKeychain } from '../helpers/test-keychain';
import { TRUSTED_SENDER, typedClient, type CallArg, type Reply } from '../helpers/typed-client';

const dir = tempDir('sandbox-reset');
const keychain = testKeychain();
const sandboxDir = join(dir.path, 'sandbox');
const sandbox = createInProcessSandbox({ dataDir: sandboxDir, adminToken: 'reset-admin-token' });
const sender = TRUSTED_SENDER;
let core: Core;

function call<C extends InvokeChannel>(channel: C, ...arg: CallArg<C>): Promise<Reply<C>> {
  return typedClient(core.router).call(channel, ...arg);
}

beforeAll(async () => {
  core = await createCore({
    host: 'web',
    dataDir: join(dir.path, 'data'),
    ...nodeHostAdapters(join(dir.path, 'data')),
    events: { emit: () => undefined },
    isTrustedSender: () => true,
    metadata: createConfMetadataStore(join(dir.path, 'data')),
    secrets: keychain.store,
    sandbox,
  });
});

afterAll(async () => {
  await core.dispose();
  await keychain.cleanup();
  dir.cleanup();
});

describe('Settings > Sandbox data', () => {
  it('tells where the sandbox and the console keep their data', async () => {
    const info = await call(INVOKE_CHANNELS.appInfo);
    expect(info).toMatchObject({ ok: true, value: { dataDir: join(dir.path, 'data'), sandbox: { state: 'ready', dataDir: sandboxDir } } });
  });

  it('resets the sandbox: data back to the seed, old sandbox keys Invalid, a new demo key that works', async () => {
    const keys = await call(INVOKE_CHANNELS.keysList);
    const demo = keys.ok ? keys.value.find((k: { name: string }) => k.name === 'Sandbox demo') : undefined;
    expect(demo).toMatchObject({ status: 'active', environment: 'sandbox' });
    const email = `reset-${Date.now()}@example.com`;
    const created = await call(INVOKE_CHANNELS.requestSend, { keyId: demo!.id, method: 'POST', path: '/v1/contacts', body: JSON.stringify({ email, name: 'Before reset' }) });
    expect(created).toMatchObject({ ok: true, value: { status: 201 } });
    const find = (keyId: string) => call(INVOKE_CHANNELS.requestSend, { keyId, method: 'GET', path: '/v1/contacts', query: [{ name: 'email', value: email }] });
    const before = await find(demo!.id);
    expect(JSON.parse(before.ok ? before.value.body : '{}').data).toHaveLength(1);

    const mine = await call(INVOKE_CHANNELS.keysCreate, { name: 'Mine' });
    const reset = await call(INVOKE_CHANNELS.sandboxReset);
    // Issue 14 item 15: the old demo key is replaced, not kept beside the new one as Invalid; the user's own key is kept, Invalid.
    expect(reset).toMatchObject({ ok: true, value: { invalidatedKeys: 1, replacedDemoKeys: 1, demoKey: { name: 'Sandbox demo', status: 'active' } } });
    if (!reset.ok) return;
    expect(typeof reset.value.seed).toBe('number');
    expect(JSON.stringify(reset)).not.toMatch(/hl_test_[0-9A-Za-z]{38}/);

    const after = await call(INVOKE_CHANNELS.keysList);
    expect(after.ok && after.value.filter((k: { name: string }) => k.name === 'Sandbox demo').map((k: { id: string }) => k.id)).toEqual([reset.value.demoKey!.id]);
    expect(await keychain.store.get(demo!.id)).toBeNull();
    expect(after.ok && after.value.find((k: { id: string }) => k.id === (mine.ok ? mine.value.key.id : ''))).toMatchObject({ status: 'invalid' });

    const fresh = await find(reset.value.demoKey!.id);
    expect(fresh).toMatchObject({ ok: true, value: { status: 200 } });
    expect(JSON.parse(fresh.ok ? fresh.value.body : '{}').data).toEqual([]);
  });

  it('says why when there is no embedded sandbox to reset', async () => {
    const other = await createCore({
      host: 'web',
      dataDir: join(dir.path, 'data2'),
      ...nodeHostAdapters(join(dir.path, 'data2')),
      events: { emit: () => undefined },
      isTrustedSender: () => true,
      metadata: createConfMetadataStore(join(dir.path, 'data2')),
      secrets: keychain.store,
      sandbox: stoppedSandbox('no sandbox here'),
      demoKey: false,
    });
    const r = await other.router.handle(INVOKE_CHANNELS.sandboxReset, sender, undefined);
    expect(r).toMatchObject({ ok: false, error: { code: 'sandbox_unavailable' } });
    await other.dispose();
  });
});
