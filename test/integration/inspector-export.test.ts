import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INVOKE_CHANNELS, type ExportProgress } from '../../src-preload/contract';
import { createConfMetadataStore } from '../../src-main/adapters/conf-metadata-store';
import { createInProcessSandbox } from '../../src-main/adapters/in-process-sandbox';
import { createCore, type Core } from '../../src-main/core/create-core';
import { nodeHostAdapters } from '../../src-main/adapters/node-host';
import { folderExportTargets } from '../../src-main/adapters/folder-export-targets';
import { createSandboxKey } from '../helpers/sandbox-admin';
import { tempDir } from '../helpers/temp-dir';
import { testKeychain } from '../helpers/test-keychain';
import { exportFinished } from '../helpers/export-progress';
import { ACME_CONTACT_COUNT } from '../../src-main/sandbox-server/seed/seed';

// A small bucket so pacing matters: 5 requests at once, then 5 per second.
const RATE = { capacity: 5, refillPerWindow: 5, windowMs: 1000 };
const ADMIN = 'inspector-admin';
const dir = tempDir('inspector');
const keychain = testKeychain();
const sandbox = createInProcessSandbox({ dataDir: join(dir.path, 'sandbox'), adminToken: ADMIN, rateLimit: RATE });
const sender = { origin: 'app://helplane', isMainFrame: true };
const progress: ExportProgress[] = [];
let core: Core;
let keyId = '';

const call = async <T,>(channel: string, arg?: unknown): Promise<T> => {
  const r = await core.router.handle(channel, sender, arg);
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value as T;
};

const finished = (exportId: string) => exportFinished(progress, exportId);

beforeAll(async () => {
  core = await createCore({
    host: 'web',
    dataDir: join(dir.path, 'data'),
    ...nodeHostAdapters(join(dir.path, 'data')),
    events: { emit: (event, payload) => event === 'exportProgress' && progress.push(payload as ExportProgress) },
    isTrustedSender: () => true,
    metadata: createConfMetadataStore(join(dir.path, 'data')),
    secrets: keychain.store,
    sandbox,
    exportTargets: folderExportTargets(join(dir.path, 'exports')),
  });
  const baseUrl = await sandbox.ensureStarted();
  const { secret } = await createSandboxKey(baseUrl, ADMIN);
  keyId = (await call<{ id: string }>(INVOKE_CHANNELS.keysAdd, { name: 'Support', environment: 'sandbox', secret })).id;
});

afterAll(async () => {
  await core.dispose();
  await keychain.cleanup();
  dir.cleanup();
});

describe('Inspector', () => {
  it('finds a contact by exact email and by part of a name, then reads a conversation', async () => {
    await new Promise((r) => setTimeout(r, 1200)); // let the small bucket refill
    const some = await call<{ contacts: Array<{ id: string; email: string; name: string; conversation_count: number }> }>(
      INVOKE_CHANNELS.inspectorSearch,
      { keyId, query: 'a' },
    );
    const contact = some.contacts.find((c) => c.conversation_count > 0)!;
    expect(contact).toBeDefined();
    const byEmail = await call<{ contacts: Array<{ id: string }>; matchedBy: string }>(INVOKE_CHANNELS.inspectorSearch, {
      keyId,
      query: contact.email.toUpperCase(),
    });
    expect(byEmail.matchedBy).toBe('email');
    expect(byEmail.contacts.map((c) => c.id)).toEqual([contact.id]);
    const page = await call<{ conversations: Array<{ id: string; contact_id: string }> }>(INVOKE_CHANNELS.inspectorConversations, {
      keyId,
      contactId: contact.id,
    });
    expect(page.conversations.length).toBe(Math.min(25, contact.conversation_count));
    expect(page.conversations.every((c) => c.contact_id === contact.id)).toBe(true);
    const conv = await call<{ id: string; messages: Array<{ conversation_id: string }> }>(INVOKE_CHANNELS.inspectorConversation, {
      keyId,
      conversationId: page.conversations[0]!.id,
    });
    expect(conv.messages.length).toBeGreaterThan(0);
    expect(conv.messages.every((m) => m.conversation_id === conv.id)).toBe(true);
  });

  it('explains an unknown conversation in words', async () => {
    const r = await core.router.handle(INVOKE_CHANNELS.inspectorConversation, sender, { keyId, conversationId: 'cv_nope' });
    expect(r).toMatchObject({ ok: false, error: { code: 'api_error' } });
    expect(!r.ok && r.error.message).toMatch(/404/);
  });

  it('exports every conversation as CSV at the pace of the bucket, with no 429', async () => {
    await new Promise((r) => setTimeout(r, (RATE.capacity / RATE.refillPerWindow) * RATE.windowMs + 200)); // full bucket
    const started = Date.now();
    const { exportId } = await call<{ exportId: string }>(INVOKE_CHANNELS.exportStart, { keyId, kind: 'conversations', format: 'csv', filter: {} });
    const last = await finished(exportId);
    const elapsed = Date.now() - started;
    expect(last.state, last.message ?? '').toBe('done');
    expect(last.rateLimited).toBe(0);
    const lines = readFileSync(last.path!, 'utf8').trimEnd().split('\r\n');
    expect(lines[0]).toMatch(/^id,subject,status/);
    expect(lines.length - 1).toBe(last.total);
    expect(new Set(lines.slice(1).map((l) => l.split(',')[0])).size).toBe(last.total);
    // What the token bucket allows: the first `capacity` at once, then one per refill interval.
    const minimum = (Math.max(0, last.requests - RATE.capacity) * RATE.windowMs) / RATE.refillPerWindow;
    expect(elapsed).toBeGreaterThanOrEqual(minimum * 0.95);
    expect(elapsed).toBeLessThanOrEqual(minimum * 1.1 + 300);
  }, 60_000);

  it('exports conversations from their own list: no contact pages first, contacts read only to name the rows', async () => {
    await new Promise((r) => setTimeout(r, (RATE.capacity / RATE.refillPerWindow) * RATE.windowMs + 200)); // full bucket
    const since = Date.now();
    const seen: ExportProgress[] = [];
    const { exportId } = await call<{ exportId: string }>(INVOKE_CHANNELS.exportStart, { keyId, kind: 'conversations', format: 'csv', filter: {} });
    const last = await finished(exportId);
    seen.push(...progress.filter((p) => p.exportId === exportId));
    expect(last.state, last.message ?? '').toBe('done');
    // Until the last page the list cannot say how many rows there are: "unknown total", not a guess.
    expect(seen.filter((p) => p.state === 'running' && p.done > 0 && p.done < last.done).every((p) => p.total === null)).toBe(true);
    expect(last.total).toBe(last.done);
    const history = await call<Array<{ path: string; time: number }>>(INVOKE_CHANNELS.historyList);
    const sent = history.filter((e) => e.time >= since).sort((a, b) => a.time - b.time);
    // Issue 18: rows carry the contact's name and email, so contacts are read — after the export's
    // own first page, never to estimate a total, and at most the whole contacts list once.
    expect(sent[0]!.path).toBe('/v1/conversations');
    expect(sent.filter((e) => e.path === '/v1/conversations')).toHaveLength(Math.ceil(last.done / 100));
    const contactPages = sent.filter((e) => e.path === '/v1/contacts').length;
    expect(contactPages).toBeLessThanOrEqual(Math.ceil(ACME_CONTACT_COUNT / 100));
    expect(last.requests).toBe(Math.ceil(last.done / 100) + contactPages);
    const lines = readFileSync(last.path!, 'utf8').trimEnd().split('\r\n');
    expect(lines[0]).toContain(',contact_id,contact_name,contact_email,');
    // Every row names its contact: the seeded contacts all exist.
    expect(lines.slice(1).every((l) => /,ct_\w+,[^,]+,[^,@]+@[^,]+,/.test(l))).toBe(true);
  }, 60_000);

  it('cancels an export and leaves no file behind', async () => {
    const { exportId } = await call<{ exportId: string }>(INVOKE_CHANNELS.exportStart, { keyId, kind: 'conversations', format: 'json', filter: {} });
    await new Promise((r) => setTimeout(r, 300));
    expect(await call<{ cancelled: boolean }>(INVOKE_CHANNELS.exportCancel, { exportId })).toEqual({ cancelled: true });
    const last = await finished(exportId);
    expect(last.state).toBe('cancelled');
    const { readdirSync } = await import('node:fs');
    expect(readdirSync(join(dir.path, 'exports')).filter((f) => f.endsWith('.json') || f.endsWith('.partial'))).toEqual([]);
  }, 30_000);
});
