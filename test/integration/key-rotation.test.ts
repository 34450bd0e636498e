import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createConfMetadataStore } from '../../src-main/adapters/conf-metadata-store';
import { createInProcessSandbox } from '../../src-main/adapters/in-process-sandbox';
import { createJsonFileStore } from '../../src-main/adapters/json-file-store';
import { nodeHostAdapters } from '../../src-main/adapters/node-host';
import { undiciHttp } from '../../src-main/adapters/undici-transport';
import { createCore, type Core } from '../../src-main/core/create-core';
import type { EventName } from '../../src-preload/contract';
import type { HttpAdapterFactory, HttpRequest, JsonDocument, SecretStore } from '../../src-main/ports';
import { tempDir } from '../helpers/temp-dir';
import { testKeychain } from '../helpers/test-keychain';
import { assertOk, typedClient, type TypedClient } from '../helpers/typed-client';

// Key rotation (issue 19) through the whole core, on the real keychain and the real sandbox:
// automatic with and without an overlap, guided, and interrupted at every step (the console
// quits, the network drops, the keychain refuses) — after which the next start resumes or rolls
// back, and no tab names a key that is gone or cannot be used.

const dir = tempDir('key-rotation');
/** A keychain namespace per data folder (as the console has), so no run recovers another's keys. */
const keychains = new Map<string, ReturnType<typeof testKeychain>>();
const keychainOf = (dataDir: string) => {
  if (!keychains.has(dataDir)) keychains.set(dataDir, testKeychain());
  return keychains.get(dataDir)!.store;
};
/** A stored key's secret, from whichever data folder's keychain holds it. */
async function secretOf(keyId: string): Promise<string | null> {
  for (const k of keychains.values()) {
    const secret = await k.store.get(keyId);
    if (secret !== null) return secret;
  }
  return null;
}
const sandbox = createInProcessSandbox({ dataDir: join(dir.path, 'sandbox'), adminToken: 'key-rotation-admin' });
const ADMIN = { Authorization: 'Bearer key-rotation-admin' };
let sandboxUrl = '';
let runs = 0;

interface Faults {
  /** rotation.json: writes after this many fail as if the console had quit. */
  quitAfterWrites?: number;
  /** Requests fail (the network dropped) while this returns true. */
  offline?: (request: HttpRequest) => boolean;
  /** The keychain refuses to store while this returns true. */
  keychainRefusesSet?: () => boolean;
  /** The keychain refuses to read while this returns true. */
  keychainRefusesGet?: () => boolean;
  /** workspace/tabs.json cannot be written while this returns true. */
  tabsWriteFails?: () => boolean;
  /** Awaited before each request is sent (to hold one while the test does something else). */
  gate?: (request: HttpRequest) => Promise<void>;
}

interface Run {
  core: Core;
  client: TypedClient;
  dataDir: string;
  events: Array<{ event: EventName; payload: unknown }>;
  clock: { now: number };
}

async function start(dataDir: string, faults: Faults = {}, clock = { now: Date.now() }): Promise<Run> {
  const events: Run['events'] = [];
  let writes = 0;
  const adapters = nodeHostAdapters(dataDir);
  const document = (path: string, options?: { pretty?: boolean }): JsonDocument => {
    const real = createJsonFileStore(path, options);
    if (path.endsWith('tabs.json') && faults.tabsWriteFails) {
      return { ...real, write: (value) => (faults.tabsWriteFails!() ? failWrite('EROFS: read-only file system') : real.write(value)) };
    }
    if (!path.endsWith('rotation.json') || faults.quitAfterWrites === undefined) return real;
    return {
      ...real,
      write(value) {
        if (++writes > faults.quitAfterWrites!) throw new Error('the console quit');
        real.write(value);
      },
    };
  };
  const keychain = { store: keychainOf(dataDir) };
  const secrets: SecretStore = {
    get: (a) => (faults.keychainRefusesGet?.() ? Promise.reject(new Error('The keychain is locked.')) : keychain.store.get(a)),
    set: (a, s) => (faults.keychainRefusesSet?.() ? Promise.reject(new Error('The keychain refused to store the key.')) : keychain.store.set(a, s)),
    delete: (a) => keychain.store.delete(a),
    accounts: () => keychain.store.accounts(),
  };
  const http: HttpAdapterFactory = (proxy) => {
    const real = undiciHttp(proxy);
    return {
      ...real,
      transport: {
        send: async (r) => {
          await faults.gate?.(r);
          if (faults.offline?.(r)) throw Object.assign(new Error('connect ENETUNREACH'), { code: 'ENETUNREACH' });
          return real.transport.send(r);
        },
      },
    };
  };
  const core = await createCore({
    host: 'web', dataDir, ...adapters, document, secrets, http,
    events: { emit: (event, payload) => events.push({ event, payload }) },
    isTrustedSender: () => true,
    metadata: createConfMetadataStore(dataDir),
    sandbox: { ...sandbox, stop: async () => undefined },
    env: {}, demoKey: false, rotationTimers: false,
    clock: { now: () => clock.now },
  });
  return { core, client: typedClient(core.router), dataDir, events, clock };
}

/** The rotations main lists now (under way, then those that ended in this run). */
async function rotations(run: Run) {
  const list = await run.client.call('keys:rotations');
  assertOk(list);
  return list.value.rotations;
}

/** A data folder with one sandbox key and one tab that sends with it. */
async function prepared(name = 'Deploy bot'): Promise<{ dataDir: string; keyId: string }> {
  const dataDir = join(dir.path, `data-${++runs}`);
  const run = await start(dataDir);
  const created = await run.client.call('keys:create', { name });
  assertOk(created);
  const saved = await run.client.call('workspace:save', {
    tabs: [{ id: 'tab_00000000000000a1', unsaved: true, name: 'List', target: { kind: 'free' }, method: 'GET', path: '/v1/contacts', pathParams: [], query: [], headers: [], body: null, keyId: created.value.key.id, collectionLink: null }],
    activeTabId: 'tab_00000000000000a1',
  });
  assertOk(saved);
  await run.core.dispose();
  return { dataDir, keyId: created.value.key.id };
}

async function serverKeys(): Promise<Array<{ id: string; name: string; prefix: string; status: string }>> {
  const res = await fetch(new URL('/_sandbox/workspaces/ws_acme/api_keys', sandboxUrl), { headers: ADMIN });
  return (await res.json()) as Array<{ id: string; name: string; prefix: string; status: string }>;
}

/** Sends GET /v1/contacts with the key's secret straight to the sandbox (not through the console). */
async function statusWith(keyId: string): Promise<{ status: number; code: string | null }> {
  const secret = await secretOf(keyId);
  if (secret === null) throw new Error(`no secret for ${keyId}`);
  const res = await fetch(new URL('/v1/contacts?limit=1', sandboxUrl), { headers: { 'X-API-Key': secret } });
  const body = (await res.json()) as { error?: { code?: string } };
  return { status: res.status, code: body.error?.code ?? null };
}

/**
 * What must hold whatever happened: one usable key has the name, every tab names a key that is
 * stored and works, no "(replacement)" key is left over, the sandbox holds no active key of that
 * name that this computer does not hold, and the plan file holds only what still waits.
 */
async function expectConsistent(run: Run, name: string): Promise<void> {
  const keys = await run.client.call('keys:list');
  assertOk(keys);
  const named = keys.value.filter((k) => k.name === name);
  expect(named).toHaveLength(1);
  expect(named[0]!.status).toBe('active');
  expect(keys.value.some((k) => k.name.includes('(replacement)'))).toBe(false);
  const tabs = await run.client.call('workspace:load');
  assertOk(tabs);
  for (const tab of tabs.value.tabs) {
    expect(tab.keyId).toBe(named[0]!.id);
    expect((await statusWith(tab.keyId!)).status).toBe(200);
  }
  const send = await run.client.call('request:send', { keyId: named[0]!.id, method: 'GET', path: '/v1/contacts', query: [{ name: 'limit', value: '1' }] });
  assertOk(send);
  expect(send.value.status).toBe(200);
  const held = new Set(keys.value.map((k) => k.prefix));
  const strays = (await serverKeys()).filter((k) => k.name === name && k.status === 'active' && !held.has(k.prefix));
  expect(strays).toEqual([]);
}

beforeAll(async () => {
  sandboxUrl = await sandbox.ensureStarted();
});

afterAll(async () => {
  await sandbox.stop();
  for (const k of keychains.values()) await k.cleanup();
  dir.cleanup();
});

describe('Rotate a sandbox key', () => {
  it('revoke now: create, test, move the tab, revoke, and the old key gets 401 revoked_api_key', async () => {
    const { dataDir, keyId } = await prepared();
    const run = await start(dataDir);
    const rotated = await run.client.call('keys:rotate', { id: keyId, overlapHours: 0 });
    assertOk(rotated);
    expect(rotated.value.state).toBe('done');
    expect(rotated.value.steps.map((s) => s.state)).toEqual(['done', 'done', 'done', 'done', 'done']);
    expect(rotated.value.message).toMatch(/401 revoked_api_key/);
    const newId = rotated.value.newKeyId!;
    expect(newId).not.toBe(keyId);

    const keys = await run.client.call('keys:list');
    assertOk(keys);
    const old = keys.value.find((k) => k.id === keyId)!;
    expect(old.name).toMatch(/^Deploy bot \(rotated \d{4}-\d{2}-\d{2}\)$/);
    expect(old.status).toBe('revoked');
    expect(keys.value.find((k) => k.id === newId)).toMatchObject({ name: 'Deploy bot', status: 'active', environment: 'sandbox' });
    expect(await statusWith(keyId)).toEqual({ status: 401, code: 'revoked_api_key' });
    expect(run.events.filter((e) => e.event === 'keyReferencesMoved').map((e) => e.payload)).toEqual([{ from: keyId, to: newId }]);

    // The tab moved, in memory and on disk; a draft that still names the old key (a window that had not heard) gets the new one.
    const tabs = await run.client.call('workspace:load');
    assertOk(tabs);
    expect(tabs.value.tabs.map((t) => t.keyId)).toEqual([newId]);
    const { updatedAt: _time, ...draft } = tabs.value.tabs[0]!;
    const late = await run.client.call('workspace:save', { tabs: [{ ...draft, keyId }], activeTabId: tabs.value.activeTabId });
    assertOk(late);
    expect(late.value.tabs[0]!.keyId).toBe(newId);

    await expectConsistent(run, 'Deploy bot');
    await run.core.dispose();
    // Nothing is left to resume, and no file holds either secret.
    expect(JSON.parse(readFileSync(join(dataDir, 'rotation.json'), 'utf8'))).toEqual({ version: 1, rotations: [] });
    const secrets = [(await secretOf(keyId))!, (await secretOf(newId))!];
    for (const file of filesUnder(dataDir)) for (const s of secrets) expect(readFileSync(file, 'latin1').includes(s), file).toBe(false);
  });

  it('with an overlap: the old key works until it ends, then it is revoked and checked', async () => {
    const { dataDir, keyId } = await prepared('Overlap bot');
    const clock = { now: Date.now() };
    const run = await start(dataDir, {}, clock);
    const rotated = await run.client.call('keys:rotate', { id: keyId, overlapHours: 24 });
    assertOk(rotated);
    expect(rotated.value.state).toBe('waiting');
    expect(rotated.value.steps.map((s) => s.state)).toEqual(['done', 'done', 'done', 'waiting', 'pending']);
    expect(Date.parse(rotated.value.revokeAt!)).toBe(clock.now + 24 * 3_600_000);
    expect((await statusWith(keyId)).status).toBe(200);

    clock.now += 23 * 3_600_000;
    await run.core.rotation.runDue();
    expect((await statusWith(keyId)).status).toBe(200);
    await run.core.dispose();

    // The console is restarted after the overlap ended: the start revokes and checks.
    clock.now += 2 * 3_600_000;
    const next = await start(dataDir, {}, clock);
    const list = await rotations(next);
    expect(list.map((r) => r.state)).toEqual(['done']);
    expect(await statusWith(keyId)).toEqual({ status: 401, code: 'revoked_api_key' });
    await expectConsistent(next, 'Overlap bot');
    await next.core.dispose();
  });

  it('Revoke now during the overlap ends it at once', async () => {
    const { dataDir, keyId } = await prepared('Impatient bot');
    const run = await start(dataDir);
    const rotated = await run.client.call('keys:rotate', { id: keyId, overlapHours: 168 });
    assertOk(rotated);
    // Pressed twice: one revokes, the other is told the rotation is at work (nothing is done twice).
    const [now, twice] = await Promise.all([
      run.client.call('keys:rotationConfirm', { id: rotated.value.id }),
      run.client.call('keys:rotationConfirm', { id: rotated.value.id }),
    ]);
    assertOk(now);
    expect(now.value.state).toBe('done');
    expect(!twice.ok && twice.error.message).toMatch(/already at work/);
    expect(await statusWith(keyId)).toEqual({ status: 401, code: 'revoked_api_key' });
    await run.core.dispose();
  });

  it('refuses what cannot be rotated, in words', async () => {
    const { dataDir, keyId } = await prepared('Twice bot');
    const run = await start(dataDir);
    const bad = await run.client.call('keys:rotate', { id: keyId, overlapHours: 10_000 });
    expect(!bad.ok && bad.error.code).toBe('invalid_argument');
    expect((await run.client.call('keys:rotations')).ok && (await run.client.call('keys:list'))).toMatchObject({ ok: true });
    const first = await run.client.call('keys:rotate', { id: keyId, overlapHours: 24 });
    assertOk(first);
    const again = await run.client.call('keys:rotate', { id: keyId, overlapHours: 0 });
    expect(again.ok).toBe(false);
    if (!again.ok) expect(again.error.message).toMatch(/already in a rotation/);
    const guided = await run.client.call('keys:rotateGuided', { id: first.value.newKeyId!, secret: 'hl_test_x' });
    expect(guided.ok).toBe(false);
    // The replacement holds every reference while the rotation waits: it is neither deleted nor revoked.
    for (const channel of ['keys:delete', 'keys:revoke'] as const) {
      const lost = await run.client.call(channel, { id: first.value.newKeyId! });
      expect(!lost.ok && lost.error.message).toMatch(/replaces “Twice bot” in a rotation that is not finished/);
    }
    // The old key may go: the rotation then ends, every reference already on the replacement.
    const oldSecret = (await secretOf(keyId))!;
    const gone = await run.client.call('keys:delete', { id: keyId });
    assertOk(gone);
    const now = await run.client.call('keys:rotationConfirm', { id: first.value.id });
    assertOk(now);
    expect(now.value.state).toBe('done');
    expect(now.value.message).toMatch(/deleted from this computer before it was revoked; it is revoked on the sandbox now/);
    const refused = await fetch(new URL('/v1/contacts?limit=1', sandboxUrl), { headers: { 'X-API-Key': oldSecret } });
    expect(refused.status).toBe(401);
    await run.core.dispose();
  });
});

/** A key made on the sandbox's admin routes, as a dashboard would (the console never saw it). */
async function dashboardKey(name: string): Promise<{ id: string; secret: string }> {
  const res = await fetch(new URL('/_sandbox/workspaces/ws_acme/api_keys', sandboxUrl), { method: 'POST', headers: { ...ADMIN, 'Content-Type': 'application/json' }, body: JSON.stringify({ name }) });
  return (await res.json()) as { id: string; secret: string };
}

describe('Rotate a custom-server key (guided)', () => {
  it('paste the new key, Test, move the tab; Check says the old one still works until it is revoked there, then marks it Revoked', async () => {
    const dataDir = join(dir.path, `data-${++runs}`);
    const run = await start(dataDir);
    const first = await dashboardKey('Partner API');
    const added = await run.client.call('keys:add', { name: 'Partner API', environment: 'custom', baseUrl: sandboxUrl, secret: first.secret });
    assertOk(added);
    const oldId = added.value.id;
    await run.client.call('workspace:save', {
      tabs: [{ id: 'tab_00000000000000b1', unsaved: true, name: 'List', target: { kind: 'free' }, method: 'GET', path: '/v1/contacts', pathParams: [], query: [], headers: [], body: null, keyId: oldId, collectionLink: null }],
      activeTabId: 'tab_00000000000000b1',
    });

    // What cannot be the replacement is refused before anything is stored.
    const same = await run.client.call('keys:rotateGuided', { id: oldId, secret: first.secret });
    expect(!same.ok && same.error.message).toMatch(/the key being rotated/);
    const typo = await run.client.call('keys:rotateGuided', { id: oldId, secret: 'not a key' });
    expect(!typo.ok && typo.error.message).toMatch(/does not look like an API key/);
    const unknown = await run.client.call('keys:rotateGuided', { id: oldId, secret: 'hl_test_00000000000000000000000000000000000000' });
    expect(unknown.ok).toBe(false);
    const afterRefusals = await run.client.call('keys:list');
    assertOk(afterRefusals);
    expect(afterRefusals.value.map((k) => k.id)).toEqual([oldId]);

    const second = await dashboardKey('Partner API');
    const rotated = await run.client.call('keys:rotateGuided', { id: oldId, secret: second.secret });
    assertOk(rotated);
    expect(rotated.value.state).toBe('waiting');
    expect(rotated.value.steps.map((s) => s.state)).toEqual(['done', 'done', 'done', 'waiting', 'pending']);
    expect(rotated.value.message).toMatch(/revoke the old key \(prefix hl_test_\w+\) on its server/);
    const newId = rotated.value.newKeyId!;
    const tabs = await run.client.call('workspace:load');
    assertOk(tabs);
    expect(tabs.value.tabs[0]!.keyId).toBe(newId);

    // Checked before the user revoked it: it still works, and the rotation keeps waiting.
    const early = await run.client.call('keys:rotationConfirm', { id: rotated.value.id });
    assertOk(early);
    expect(early.value.state).toBe('failed');
    expect(early.value.message).toMatch(/The old key still works/);
    expect(early.value.steps.map((s) => s.state)).toEqual(['done', 'done', 'done', 'waiting', 'failed']);

    await fetch(new URL(`/_sandbox/workspaces/ws_acme/api_keys/${first.id}`, sandboxUrl), { method: 'DELETE', headers: ADMIN });
    const confirmed = await run.client.call('keys:rotationConfirm', { id: rotated.value.id });
    assertOk(confirmed);
    expect(confirmed.value.state).toBe('done');
    expect(confirmed.value.message).toMatch(/401 revoked_api_key/);
    const keys = await run.client.call('keys:list');
    assertOk(keys);
    expect(keys.value.find((k) => k.id === oldId)).toMatchObject({ status: 'revoked' });
    expect(keys.value.find((k) => k.id === newId)).toMatchObject({ name: 'Partner API', status: 'active', environment: 'custom' });
    await run.core.dispose();
  });

  it('a guided rotation left waiting is still waiting after a restart, with no call made at start', async () => {
    const dataDir = join(dir.path, `data-${++runs}`);
    const run = await start(dataDir);
    const first = await dashboardKey('Waiting API');
    const added = await run.client.call('keys:add', { name: 'Waiting API', environment: 'custom', baseUrl: sandboxUrl, secret: first.secret });
    assertOk(added);
    const rotated = await run.client.call('keys:rotateGuided', { id: added.value.id, secret: (await dashboardKey('Waiting API')).secret });
    assertOk(rotated);
    await run.core.dispose();
    let calls = 0;
    const next = await start(dataDir, { offline: (r) => (r.url.startsWith(sandboxUrl) && !r.url.includes('/_sandbox/') ? (calls++, false) : false) });
    const list = await rotations(next);
    expect(list.map((r) => r.state)).toEqual(['waiting']);
    expect(list[0]!.message).toMatch(/took it up again/);
    expect(calls).toBe(0);
    await next.core.dispose();
  });
});

describe('a rotation interrupted at each step', () => {
  // A whole rotation writes rotation.json 8 times: quitting after write n (n < 8) is quitting at each step boundary.
  for (const quitAfter of [1, 2, 3, 4, 5, 6, 7, 8]) {
    it(`the console quits after write ${quitAfter} of rotation.json: the next start resumes or rolls back`, async () => {
      const name = `Quit bot ${quitAfter}`;
      const { dataDir, keyId } = await prepared(name);
      const run = await start(dataDir, { quitAfterWrites: quitAfter });
      const rotated = await run.client.call('keys:rotate', { id: keyId, overlapHours: 0 });
      await run.core.dispose();

      const next = await start(dataDir);
      await expectConsistent(next, name);
      const keys = await next.client.call('keys:list');
      assertOk(keys);
      const current = keys.value.find((k) => k.name === name)!;
      if (current.id === keyId) {
        // Rolled back: the old key is as it was and works.
        expect((await statusWith(keyId)).status).toBe(200);
      } else {
        // Went on: the old key is revoked and says so.
        expect(await statusWith(keyId)).toEqual({ status: 401, code: 'revoked_api_key' });
        expect(keys.value.find((k) => k.id === keyId)?.status).toBe('revoked');
      }
      const plans = JSON.parse(readFileSync(join(dataDir, 'rotation.json'), 'utf8')) as { rotations: unknown[] };
      expect(plans.rotations).toEqual([]);
      // Before the 8th write the console quit mid-rotation; the 8th is the last a whole rotation makes.
      if (quitAfter < 8) expect(rotated.ok).toBe(false);
      else expect(rotated.ok && rotated.value.state).toBe('done');
      await next.core.dispose();
    });
  }

  it('the network drops after the sandbox made the replacement: undone at the next start, no stray key on the sandbox', async () => {
    const { dataDir, keyId } = await prepared('Offline bot');
    let created = false;
    // Every request after the sandbox's reply to the create fails: the test, then the undo's revoke.
    const run = await start(dataDir, {
      offline: (r) => {
        if (created) return true;
        if (r.method === 'POST' && r.url.includes('/api_keys')) created = true;
        return false;
      },
    });
    const rotated = await run.client.call('keys:rotate', { id: keyId, overlapHours: 0 });
    assertOk(rotated);
    expect(rotated.value.state).toBe('failed');
    expect(rotated.value.message).toMatch(/Retry to undo it/);
    // The replacement is already gone from this computer; only the sandbox still has it, active.
    const keys = await run.client.call('keys:list');
    assertOk(keys);
    expect(keys.value.map((k) => k.id)).toEqual([keyId]);
    expect((await serverKeys()).filter((k) => k.name === 'Offline bot' && k.status === 'active')).toHaveLength(2);
    await run.core.dispose();

    const next = await start(dataDir);
    const list = await rotations(next);
    expect(list.map((r) => r.state)).toEqual(['rolled_back']);
    await expectConsistent(next, 'Offline bot');
    expect((await serverKeys()).filter((k) => k.name === 'Offline bot' && k.status === 'active')).toHaveLength(1);
    await next.core.dispose();
  });

  it('the network is down from the start: nothing is created, the key is unchanged', async () => {
    const { dataDir, keyId } = await prepared('Down bot');
    let offline = true;
    const run = await start(dataDir, { offline: () => offline });
    const rotated = await run.client.call('keys:rotate', { id: keyId, overlapHours: 0 });
    assertOk(rotated);
    // Undoing needs the sandbox too (a replacement it may have made): it waits, failed, for Retry.
    expect(rotated.value.state).toBe('failed');
    expect(rotated.value.message).toMatch(/Retry to undo it/);
    offline = false;
    const retried = await run.client.call('keys:rotationRetry', { id: rotated.value.id });
    assertOk(retried);
    expect(retried.value.state).toBe('rolled_back');
    await expectConsistent(run, 'Down bot');
    expect((await statusWith(keyId)).status).toBe(200);
    await run.core.dispose();
  });

  it('the network drops after the move: the rotation waits with every reference on the new key, and the next start finishes it', async () => {
    const { dataDir, keyId } = await prepared('Late drop bot');
    let offline = false;
    const run = await start(dataDir, { offline: () => offline });
    const rotated = await run.client.call('keys:rotate', { id: keyId, overlapHours: 1 });
    assertOk(rotated);
    expect(rotated.value.state).toBe('waiting');
    offline = true;
    const now = await run.client.call('keys:rotationConfirm', { id: rotated.value.id });
    assertOk(now);
    expect(now.value.state).toBe('failed');
    expect(now.value.steps.map((s) => s.state)).toEqual(['done', 'done', 'done', 'failed', 'pending']);
    expect(now.value.message).toMatch(/Retry to go on/);
    const tabs = await run.client.call('workspace:load');
    assertOk(tabs);
    expect(tabs.value.tabs[0]!.keyId).toBe(rotated.value.newKeyId);
    await run.core.dispose();
    // The next start, with the network back, goes on from the failed step.
    const next = await start(dataDir);
    const list = await rotations(next);
    expect(list.map((r) => r.state)).toEqual(['done']);
    expect(await statusWith(keyId)).toEqual({ status: 401, code: 'revoked_api_key' });
    await expectConsistent(next, 'Late drop bot');
    await next.core.dispose();
  });

  it('the keychain refuses the new key: nothing changes, and the sandbox keeps no key nobody holds', async () => {
    const { dataDir, keyId } = await prepared('Locked bot');
    const run = await start(dataDir, { keychainRefusesSet: () => true });
    const rotated = await run.client.call('keys:rotate', { id: keyId, overlapHours: 0 });
    assertOk(rotated);
    expect(rotated.value.state).toBe('rolled_back');
    expect(rotated.value.message).toMatch(/keychain refused/);
    expect(rotated.value.message).toMatch(/“Locked bot” is unchanged/);
    await expectConsistent(run, 'Locked bot');
    expect((await statusWith(keyId)).status).toBe(200);
    await run.core.dispose();
  });

  it('the keychain refuses to give the old key for the check: Retry finishes once it does', async () => {
    const { dataDir, keyId } = await prepared('Check bot');
    let locked = false;
    const run = await start(dataDir, { keychainRefusesGet: () => locked });
    const rotated = await run.client.call('keys:rotate', { id: keyId, overlapHours: 1 });
    assertOk(rotated);
    locked = true;
    const now = await run.client.call('keys:rotationConfirm', { id: rotated.value.id });
    assertOk(now);
    expect(now.value.state).toBe('failed');
    expect(now.value.message).toMatch(/keychain did not give the old key/);
    locked = false;
    const retried = await run.client.call('keys:rotationRetry', { id: rotated.value.id });
    assertOk(retried);
    expect(retried.value.state).toBe('done');
    await expectConsistent(run, 'Check bot');
    await run.core.dispose();
  });
});

describe('what else can happen during a rotation', () => {
  it('two pastes of a guided rotation at once make one rotation, not two keys of one name', async () => {
    const dataDir = join(dir.path, `data-${++runs}`);
    const run = await start(dataDir);
    const first = await dashboardKey('Twin API');
    const added = await run.client.call('keys:add', { name: 'Twin API', environment: 'custom', baseUrl: sandboxUrl, secret: first.secret });
    assertOk(added);
    const [a, b] = await Promise.all([
      run.client.call('keys:rotateGuided', { id: added.value.id, secret: (await dashboardKey('Twin API')).secret }),
      run.client.call('keys:rotateGuided', { id: added.value.id, secret: (await dashboardKey('Twin API')).secret }),
    ]);
    expect([a.ok, b.ok].sort()).toEqual([false, true]);
    const refused = a.ok ? b : a;
    expect(!refused.ok && refused.error.message).toMatch(/already in a rotation/);
    const keys = await run.client.call('keys:list');
    assertOk(keys);
    expect(keys.value.filter((k) => k.name === 'Twin API')).toHaveLength(1);
    await run.core.dispose();
  });

  it('the tabs file cannot be written at the move: the step fails (nothing revoked), and the next start moves them', async () => {
    const { dataDir, keyId } = await prepared('Read-only disk bot');
    let broken = true;
    const run = await start(dataDir, { tabsWriteFails: () => broken });
    const rotated = await run.client.call('keys:rotate', { id: keyId, overlapHours: 0 });
    assertOk(rotated);
    expect(rotated.value.state).toBe('failed');
    expect(rotated.value.steps.map((st) => st.state)).toEqual(['done', 'done', 'failed', 'pending', 'pending']);
    expect(rotated.value.message).toMatch(/EROFS/);
    // The old key was not revoked: on disk the tab still names it, and it works.
    expect((await statusWith(keyId)).status).toBe(200);
    await run.core.dispose().catch(() => undefined);
    broken = false;
    const next = await start(dataDir);
    await expectConsistent(next, 'Read-only disk bot');
    expect(await statusWith(keyId)).toEqual({ status: 401, code: 'revoked_api_key' });
    await next.core.dispose();
  });

  it('the old key cannot be deleted while the rotation still relies on it (before the move)', async () => {
    const { dataDir, keyId } = await prepared('Held bot');
    let release: () => void = () => undefined;
    const held = new Promise<void>((r) => (release = r));
    let holding = false;
    const run = await start(dataDir, {
      // Hold the replacement's test call (the step before the move).
      gate: async (r) => {
        if (r.url.includes('/v1/conversations') && !holding) {
          holding = true;
          await held;
        }
      },
    });
    const rotating = run.client.call('keys:rotate', { id: keyId, overlapHours: 0 });
    await expect.poll(() => holding).toBe(true);
    const deleted = await run.client.call('keys:delete', { id: keyId });
    expect(!deleted.ok && deleted.error.message).toMatch(/is being rotated and still holds every reference/);
    release();
    const rotated = await rotating;
    assertOk(rotated);
    expect(rotated.value.state).toBe('done');
    await expectConsistent(run, 'Held bot');
    await run.core.dispose();
  });

  it('Reset sandbox during an overlap ends the rotation, and tabs on the old demo key move to the new one', async () => {
    const { dataDir, keyId } = await prepared('Sandbox demo');
    const run = await start(dataDir);
    const rotated = await run.client.call('keys:rotate', { id: keyId, overlapHours: 24 });
    assertOk(rotated);
    const reset = await run.client.call('sandbox:reset');
    assertOk(reset);
    const list = await rotations(run);
    expect(list.map((r) => r.state)).toEqual(['done']);
    expect(list[0]!.message).toMatch(/The sandbox was reset during the rotation/);
    const tabs = await run.client.call('workspace:load');
    assertOk(tabs);
    expect(tabs.value.tabs[0]!.keyId).toBe(reset.value.demoKey!.id);
    expect((await statusWith(reset.value.demoKey!.id)).status).toBe(200);
    // Nothing is left waiting for a key the sandbox no longer knows.
    expect(JSON.parse(readFileSync(join(dataDir, 'rotation.json'), 'utf8'))).toEqual({ version: 1, rotations: [] });
    await run.core.dispose();
  });
});

function failWrite(message: string): never {
  throw new Error(message);
}

function filesUnder(root: string): string[] {
  if (!existsSync(root)) return [];
  return readdirSync(root, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name))
    .filter((p) => !p.includes(`${join(root, 'sandbox')}`));
}

