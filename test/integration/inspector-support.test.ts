import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INVOKE_CHANNELS, type ContactScanProgress, type TimelineProgress } from '../../src-preload/contract';
import { createConfMetadataStore } from '../../src-main/adapters/conf-metadata-store';
import { createInProcessSandbox } from '../../src-main/adapters/in-process-sandbox';
import { createCore, type Core } from '../../src-main/core/create-core';
import { nodeHostAdapters } from '../../src-main/adapters/node-host';
import { folderExportTargets } from '../../src-main/adapters/folder-export-targets';
import { createSandboxKey } from '../helpers/sandbox-admin';
import { tempDir } from '../helpers/temp-dir';
import { testKeychain } from '../helpers/test-keychain';

// Support staff (issue 18) through the router and the real engine: a small bucket, so the paced
// scan and timeline share it with the look-ups and none of them meets a 429.
const RATE = { capacity: 5, refillPerWindow: 5, windowMs: 1000 };
const ADMIN = 'support-admin';
const dir = tempDir('inspector-support');
const keychain = testKeychain();
const sandbox = createInProcessSandbox({ dataDir: join(dir.path, 'sandbox'), adminToken: ADMIN, rateLimit: RATE });
const sender = { origin: 'app://helplane', isMainFrame: true };
const scans: ContactScanProgress[] = [];
const timelines: TimelineProgress[] = [];
let core: Core;
let keyId = '';

const call = async <T,>(channel: string, arg?: unknown): Promise<T> => {
  const r = await core.router.handle(channel, sender, arg);
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value as T;
};
const until = async (check: () => boolean) => {
  for (let i = 0; i < 600 && !check(); i++) await new Promise((r) => setTimeout(r, 50));
  expect(check()).toBe(true);
};

beforeAll(async () => {
  core = await createCore({
    host: 'web',
    dataDir: join(dir.path, 'data'),
    ...nodeHostAdapters(join(dir.path, 'data')),
    events: {
      emit: (event, payload) => {
        if (event === 'contactScanProgress') scans.push(payload as ContactScanProgress);
        if (event === 'timelineProgress') timelines.push(payload as TimelineProgress);
      },
    },
    isTrustedSender: () => true,
    metadata: createConfMetadataStore(join(dir.path, 'data')),
    secrets: keychain.store,
    sandbox,
    exportTargets: folderExportTargets(join(dir.path, 'exports')),
    demoKey: false,
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

describe('Inspector support staff, end to end in main', () => {
  it('scans every contact by company with no 429, then reads a contact’s timeline while a look-up waits its turn', async () => {
    const { scanId } = await call<{ scanId: string }>(INVOKE_CHANNELS.inspectorScanStart, { keyId, by: 'company', value: 'Hooli' });
    await until(() => scans.some((s) => s.scanId === scanId && s.state === 'done'));
    const scan = scans.filter((s) => s.scanId === scanId).at(-1)!;
    expect(scan).toMatchObject({ scanned: 500, total: 500, rateLimited: 0 });
    expect(scan.matches.length).toBeGreaterThan(0);
    expect(scan.matches.every((c) => c.company?.includes('Hooli'))).toBe(true);

    const contact = scan.matches.find((c) => c.conversation_count > 1)!;
    const { timelineId } = await call<{ timelineId: string }>(INVOKE_CHANNELS.inspectorTimelineOpen, { keyId, contactId: contact.id, window: 20 });
    // A conversation read while the timeline spends the bucket: paced, it waits instead of a 429.
    const first = await call<{ id: string }>(INVOKE_CHANNELS.inspectorConversations, { keyId, contactId: contact.id });
    await until(() => timelines.some((t) => t.timelineId === timelineId && t.state === 'done'));
    const mine = timelines.filter((t) => t.timelineId === timelineId);
    expect(mine.at(-1)).toMatchObject({ loaded: contact.conversation_count, listComplete: true, hasMore: false, rateLimited: 0 });
    expect(mine.flatMap((t) => t.added).map((c) => c.contact_id).every((id) => id === contact.id)).toBe(true);
    expect(first).toBeTruthy();
  });

  it('refuses ids that are not its own', async () => {
    const r = await core.router.handle(INVOKE_CHANNELS.inspectorTimelineMore, sender, { timelineId: '../etc' });
    expect(r.ok).toBe(false);
  });
});
