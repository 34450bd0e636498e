import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INVOKE_CHANNELS } from '../../src-preload/contract';
import { createConfMetadataStore } from '../../src-main/adapters/conf-metadata-store';
import { createInProcessSandbox } from '../../src-main/adapters/in-process-sandbox';
import { createCore, type Core } from '../../src-main/core/create-core';
import { nodeHostAdapters } from '../../src-main/adapters/node-host';
import { folderExportTargets } from '../../src-main/adapters/folder-export-targets';
import { BudgetPacer, systemPacerClock } from '../../src-main/services/rate-limit/budget-pacer';
import { PageWalker, listPageOf, type WalkProgress } from '../../src-main/services/pagination/page-walker';
import { createSandboxKey } from '../helpers/sandbox-admin';
import { tempDir } from '../helpers/temp-dir';
import { testKeychain } from '../helpers/test-keychain';

// A small bucket so pacing matters: 5 requests at once, then 5 per second.
const RATE = { capacity: 5, refillPerWindow: 5, windowMs: 1000 };
const ADMIN = 'pagination-admin';
const dir = tempDir('pagination');
const keychain = testKeychain();
const sandbox = createInProcessSandbox({ dataDir: join(dir.path, 'sandbox'), adminToken: ADMIN, rateLimit: RATE });
const sender = { origin: 'app://helplane', isMainFrame: true };
let core: Core;
let walker: PageWalker;
let keyId = '';
let baseUrl = '';

const fullBucket = () => new Promise((r) => setTimeout(r, (RATE.capacity / RATE.refillPerWindow) * RATE.windowMs + 200));

beforeAll(async () => {
  core = await createCore({
    host: 'web',
    dataDir: join(dir.path, 'data'),
    ...nodeHostAdapters(join(dir.path, 'data')),
    events: { emit: () => {} },
    isTrustedSender: () => true,
    metadata: createConfMetadataStore(join(dir.path, 'data')),
    secrets: keychain.store,
    sandbox,
    exportTargets: folderExportTargets(join(dir.path, 'exports')),
    demoKey: false,
  });
  baseUrl = await sandbox.ensureStarted();
  const { secret } = await createSandboxKey(baseUrl, ADMIN);
  const r = await core.router.handle(INVOKE_CHANNELS.keysAdd, sender, { name: 'Pages', environment: 'sandbox', secret });
  if (!r.ok) throw new Error(r.error.message);
  keyId = (r.value as { id: string }).id;
  walker = new PageWalker({ api: core.gateway, pacer: core.pacer, now: () => Date.now() });
});

afterAll(async () => {
  await core.dispose();
  await keychain.cleanup();
  dir.cleanup();
});

describe('Fetch all pages against the sandbox', () => {
  it('walks every conversation at the bucket’s pace: all items once, no 429, progress per page', async () => {
    await fullBucket();
    // The expected count, independently: every contact's conversation_count (slow pages of 100 are fine here).
    const contacts = await walker.fetchAll({ keyId, path: '/v1/contacts', query: [] });
    expect(contacts.stop).toEqual({ reason: 'complete' });
    const expected = contacts.list.data.reduce<number>((sum, c) => sum + (c as { conversation_count: number }).conversation_count, 0);
    expect(expected).toBeGreaterThan(100);

    const progress: WalkProgress[] = [];
    const started = Date.now();
    const all = await walker.fetchAll({ keyId, path: '/v1/conversations', query: [{ name: 'limit', value: '50' }] }, { onProgress: (p) => progress.push(p) });
    const elapsed = Date.now() - started;
    expect(all.stop).toEqual({ reason: 'complete' });
    expect(all.rateLimited + contacts.rateLimited).toBe(0);
    expect(all.list.data.length).toBe(expected);
    expect(new Set(all.list.data.map((c) => (c as { id: string }).id)).size).toBe(expected);
    expect(all.list).toMatchObject({ object: 'list', has_more: false, next_cursor: null });
    expect(all.pages).toBe(Math.ceil(expected / 50));
    expect(progress.filter((p) => p.state === 'running').map((p) => p.pages)).toEqual(Array.from({ length: all.pages }, (_, i) => i + 1));
    expect(progress.at(-1)?.items).toBe(expected);
    // Paced, not hammered: the bucket was spent by the contacts walk, so each page waits for a token.
    expect(elapsed).toBeGreaterThanOrEqual(((all.pages - 1) * RATE.windowMs) / RATE.refillPerWindow * 0.9);
  }, 60_000);

  it('Next page continues from a reply’s next_cursor with the tab’s own query', async () => {
    await fullBucket();
    const first = await core.requests.send({ keyId, method: 'GET', path: '/v1/contacts', query: [{ name: 'limit', value: '3' }] });
    const page = listPageOf(first.body);
    expect(page?.has_more).toBe(true);
    const next = await walker.nextPage({ keyId, path: '/v1/contacts', query: [{ name: 'limit', value: '3' }] }, page!.next_cursor!);
    expect(next.data).toHaveLength(3);
    const ids = [...page!.data, ...next.data].map((c) => (c as { id: string }).id);
    expect(new Set(ids).size).toBe(6);
    expect(listPageOf('not json')).toBeNull();
    expect(listPageOf('{"object":"contact","id":"ct_1"}')).toBeNull();
  }, 30_000);

  it('stops at the caps and says so, with the cursor to go on from', async () => {
    await fullBucket();
    const byPages = await walker.fetchAll({ keyId, path: '/v1/contacts', query: [{ name: 'limit', value: '4' }] }, { maxPages: 2 });
    expect(byPages.stop).toEqual({ reason: 'max_pages', message: 'Stopped after 2 pages (the page limit); more pages remain.' });
    expect(byPages.list.data).toHaveLength(8);
    expect(byPages.list.has_more).toBe(true);
    const byItems = await walker.fetchAll({ keyId, path: '/v1/contacts', query: [{ name: 'limit', value: '4' }] }, { maxItems: 6 });
    expect(byItems.stop.reason).toBe('max_items');
    expect(byItems.list.data).toHaveLength(6);
    expect(byItems.list.next_cursor).toBe((byItems.list.data[5] as { id: string }).id);
    const rest = await walker.nextPage({ keyId, path: '/v1/contacts', query: [{ name: 'limit', value: '4' }] }, byItems.list.next_cursor!);
    expect((rest.data[0] as { id: string }).id).toBe((byPages.list.data[6] as { id: string }).id);
  }, 30_000);

  it('cancel mid-way keeps the pages fetched and sends nothing more', async () => {
    await fullBucket();
    const controller = new AbortController();
    const progress: WalkProgress[] = [];
    const result = await walker.fetchAll(
      { keyId, path: '/v1/conversations', query: [{ name: 'limit', value: '10' }] },
      {
        signal: controller.signal,
        onProgress: (p) => {
          progress.push(p);
          if (p.pages === 7) controller.abort();
        },
      },
    );
    expect(result.stop).toEqual({ reason: 'cancelled', message: 'Cancelled after 7 pages (70 items).' });
    expect(result.list.data).toHaveLength(70);
    expect(result.list.has_more).toBe(true);
    const requests = result.requests;
    await new Promise((r) => setTimeout(r, 500));
    expect(progress.at(-1)?.requests).toBe(requests);
  }, 30_000);

  it('a 429 it could not know of (another client spent the budget) waits Retry-After, then completes', async () => {
    await fullBucket();
    // Spend the workspace's bucket behind the walker's back, with another key of the same workspace.
    const other = await createSandboxKey(baseUrl, ADMIN, 'ws_acme', 'Other client');
    let status = 200;
    while (status !== 429) status = (await fetch(`${baseUrl}/v1/contacts?limit=1`, { headers: { 'X-API-Key': other.secret } })).status;
    // A pacer that has not seen this budget: the first page meets the 429.
    const fresh = new PageWalker({ api: core.gateway, pacer: new BudgetPacer(systemPacerClock), now: () => Date.now() });
    const progress: WalkProgress[] = [];
    const result = await fresh.fetchAll({ keyId, path: '/v1/contacts', query: [{ name: 'limit', value: '20' }] }, { maxPages: 3, onProgress: (p) => progress.push(p) });
    expect(result.rateLimited).toBe(1);
    expect(result.list.data).toHaveLength(60);
    expect(progress.find((p) => p.state === 'waiting')?.message).toMatch(/^Rate limited: waiting \d+ s as the server asks\.$/);
  }, 30_000);
});
