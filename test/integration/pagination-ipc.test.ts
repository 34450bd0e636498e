import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INVOKE_CHANNELS, type PagesProgress, type ResponseView, type SavedBody } from '../../src-preload/contract';
import { createConfMetadataStore } from '../../src-main/adapters/conf-metadata-store';
import { createInProcessSandbox } from '../../src-main/adapters/in-process-sandbox';
import { createCore, type Core } from '../../src-main/core/create-core';
import { nodeHostAdapters } from '../../src-main/adapters/node-host';
import { folderExportTargets } from '../../src-main/adapters/folder-export-targets';
import { createSandboxKey } from '../helpers/sandbox-admin';
import { tempDir } from '../helpers/temp-dir';
import { testKeychain } from '../helpers/test-keychain';

// A small bucket so pacing matters: 5 requests at once, then 5 per second.
const RATE = { capacity: 5, refillPerWindow: 5, windowMs: 1000 };
const ADMIN = 'pagination-ipc-admin';
const dir = tempDir('pagination-ipc');
const keychain = testKeychain();
const sandbox = createInProcessSandbox({ dataDir: join(dir.path, 'sandbox'), adminToken: ADMIN, rateLimit: RATE });
const sender = { origin: 'app://helplane', isMainFrame: true };
const progress: PagesProgress[] = [];
let core: Core;
let keyId = '';

const fullBucket = () => new Promise((r) => setTimeout(r, (RATE.capacity / RATE.refillPerWindow) * RATE.windowMs + 200));

async function call<T>(channel: string, input: unknown): Promise<T> {
  const r = await core.router.handle(channel, sender, input);
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value as T;
}

/** The walk's last event, once it has ended. */
async function ended(walkId: string): Promise<PagesProgress> {
  for (;;) {
    const last = progress.filter((p) => p.walkId === walkId).at(-1);
    if (last && last.state !== 'running' && last.state !== 'waiting') return last;
    await new Promise((r) => setTimeout(r, 20));
  }
}

beforeAll(async () => {
  core = await createCore({
    host: 'web',
    dataDir: join(dir.path, 'data'),
    ...nodeHostAdapters(join(dir.path, 'data')),
    events: { emit: (name, payload) => name === 'pagesProgress' && progress.push(payload as PagesProgress) },
    isTrustedSender: () => true,
    metadata: createConfMetadataStore(join(dir.path, 'data')),
    secrets: keychain.store,
    sandbox,
    exportTargets: folderExportTargets(join(dir.path, 'exports')),
    demoKey: false,
  });
  const baseUrl = await sandbox.ensureStarted();
  const { secret } = await createSandboxKey(baseUrl, ADMIN);
  keyId = (await call<{ id: string }>(INVOKE_CHANNELS.keysAdd, { name: 'Pages', environment: 'sandbox', secret })).id;
});

afterAll(async () => {
  await core.dispose();
  await keychain.cleanup();
  dir.cleanup();
});

describe('Pagination over IPC', () => {
  it('requests:nextPage sends the next page as a normal reply that goes to History', async () => {
    await fullBucket();
    const query = [{ name: 'limit', value: '3' }];
    const first = await call<ResponseView>(INVOKE_CHANNELS.requestSend, { keyId, method: 'GET', path: '/v1/contacts', query });
    const page1 = JSON.parse(first.body) as { data: { id: string }[]; next_cursor: string };
    const second = await call<ResponseView>(INVOKE_CHANNELS.requestNextPage, { keyId, path: '/v1/contacts', query, cursor: page1.next_cursor });
    expect(second.status).toBe(200);
    expect(second.url).toContain(`starting_after=${page1.next_cursor}`);
    const page2 = JSON.parse(second.body) as { data: { id: string }[] };
    expect(page2.data).toHaveLength(3);
    expect(new Set([...page1.data, ...page2.data].map((c) => c.id)).size).toBe(6);
    // An old cursor in the query is replaced, not sent twice.
    const again = await call<ResponseView>(INVOKE_CHANNELS.requestNextPage, {
      keyId,
      path: '/v1/contacts',
      query: [...query, { name: 'starting_after', value: 'ct_stale' }],
      cursor: page1.next_cursor,
    });
    expect(JSON.parse(again.body)).toEqual(JSON.parse(second.body));
    const history = await call<{ query: { name: string; value: string }[] }[]>(INVOKE_CHANNELS.historyList, undefined);
    expect(history.filter((h) => h.query.some((q) => q.name === 'starting_after' && q.value === page1.next_cursor))).toHaveLength(2);
  }, 30_000);

  it('requests:fetchAllPages walks every page at the bucket’s pace: all items, zero 429, throttled progress, exportable', async () => {
    await fullBucket();
    const { walkId } = await call<{ walkId: string }>(INVOKE_CHANNELS.requestFetchAllPages, { keyId, path: '/v1/contacts', query: [{ name: 'limit', value: '25' }] });
    const end = await ended(walkId);
    expect(end.state).toBe('done');
    expect(end.rateLimited).toBe(0);
    // The seeded ws_acme has 500 contacts: 20 pages of 25.
    expect(end.pages).toBe(20);
    expect(end.items).toBe(500);
    const merged = JSON.parse(end.merged!.body) as { data: { id: string }[]; has_more: boolean };
    expect(merged.data).toHaveLength(500);
    expect(new Set(merged.data.map((c) => c.id)).size).toBe(500);
    expect(merged.has_more).toBe(false);
    expect(end.merged).toMatchObject({ items: 500, shownItems: 500, pages: 20, stopped: null });
    // Throttled: fewer running events than pages (a walk at 5/s spans ~3 s), and none after the end.
    const mine = progress.filter((p) => p.walkId === walkId);
    expect(mine.at(-1)).toBe(end);
    expect(mine.filter((p) => p.state === 'running').length).toBeLessThan(20);

    const csv = await call<SavedBody>(INVOKE_CHANNELS.requestExportPages, { walkId, format: 'csv' });
    const lines = readFileSync(csv.path, 'utf8').trimEnd().split('\r\n');
    // Every top-level field of a contact is a column, nothing nested is lost.
    expect(lines[0]!.split(',')).toEqual(expect.arrayContaining(['id', 'name', 'email', 'conversation_count', 'created_at']));
    expect(lines[1]!.startsWith(`${merged.data[0]!.id},`)).toBe(true);
    expect(lines).toHaveLength(501);
    const json = await call<SavedBody>(INVOKE_CHANNELS.requestExportPages, { walkId, format: 'json' });
    expect((JSON.parse(readFileSync(json.path, 'utf8')) as unknown[]).length).toBe(500);
    expect(json.bytes).toBe(readFileSync(json.path).length);
  }, 60_000);

  it('requests:cancelFetchAll stops mid-way, keeps the pages fetched and says so', async () => {
    await fullBucket();
    const { walkId } = await call<{ walkId: string }>(INVOKE_CHANNELS.requestFetchAllPages, { keyId, path: '/v1/conversations', query: [{ name: 'limit', value: '10' }] });
    while (!progress.some((p) => p.walkId === walkId && p.pages >= 3)) await new Promise((r) => setTimeout(r, 10));
    expect(await call(INVOKE_CHANNELS.requestCancelFetchAll, { walkId })).toEqual({ cancelled: true });
    const end = await ended(walkId);
    expect(end.state).toBe('cancelled');
    expect(end.pages).toBeLessThan(200);
    expect(end.merged!.items).toBe(end.pages * 10);
    expect(end.merged!.stopped).toBe(`Cancelled after ${end.pages} pages (${end.pages * 10} items).`);
    expect(await call(INVOKE_CHANNELS.requestCancelFetchAll, { walkId })).toEqual({ cancelled: false });
    const sent = end.requests;
    await new Promise((r) => setTimeout(r, 600));
    expect(progress.filter((p) => p.walkId === walkId).at(-1)!.requests).toBe(sent);
  }, 30_000);

  it('a walk id that is not one is refused; an unknown one cannot be exported', async () => {
    const bad = await core.router.handle(INVOKE_CHANNELS.requestCancelFetchAll, sender, { walkId: '../x' });
    expect(bad.ok).toBe(false);
    const gone = await core.router.handle(INVOKE_CHANNELS.requestExportPages, sender, { walkId: 'walk_0000000000000000', format: 'json' });
    expect(gone).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});
