import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INVOKE_CHANNELS, type AccessLogPage, type ConversationDetail, type ExportProgress, type SaveProblem } from '../../src-preload/contract';
import { createConfMetadataStore } from '../../src-main/adapters/conf-metadata-store';
import { createInProcessSandbox } from '../../src-main/adapters/in-process-sandbox';
import { folderExportTargets } from '../../src-main/adapters/folder-export-targets';
import { nodeHostAdapters } from '../../src-main/adapters/node-host';
import { createCore, type Core } from '../../src-main/core/create-core';
import { createSandboxKey } from '../helpers/sandbox-admin';
import { exportFinished } from '../helpers/export-progress';
import { tempDir } from '../helpers/temp-dir';
import { testKeychain } from '../helpers/test-keychain';

const ADMIN = 'access-log-admin';
const dir = tempDir('access-log');
const data = join(dir.path, 'data');
const logPath = join(data, 'access-log.jsonl');
const keychain = testKeychain();
const sandbox = createInProcessSandbox({ dataDir: join(dir.path, 'sandbox'), adminToken: ADMIN });
const sender = { origin: 'app://helplane', isMainFrame: true };
const progress: ExportProgress[] = [];
const problems: SaveProblem[][] = [];
let core: Core;
let keyId = '';
let secret = '';

const call = async <T,>(channel: string, arg?: unknown): Promise<T> => {
  const r = await core.router.handle(channel, sender, arg);
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value as T;
};

beforeAll(async () => {
  // A folder where the log file goes: its first writes fail, as on a read-only or full disk.
  mkdirSync(logPath, { recursive: true });
  core = await createCore({
    host: 'web',
    dataDir: data,
    ...nodeHostAdapters(data),
    events: {
      emit: (event, payload) => {
        if (event === 'exportProgress') progress.push(payload as ExportProgress);
        if (event === 'saveProblemsChanged') problems.push((payload as { problems: SaveProblem[] }).problems);
      },
    },
    isTrustedSender: () => true,
    metadata: createConfMetadataStore(data),
    secrets: keychain.store,
    sandbox,
    exportTargets: folderExportTargets(join(dir.path, 'exports')),
  });
  const baseUrl = await sandbox.ensureStarted();
  ({ secret } = await createSandboxKey(baseUrl, ADMIN));
  keyId = (await call<{ id: string }>(INVOKE_CHANNELS.keysAdd, { name: 'Support', environment: 'sandbox', secret })).id;
});

afterAll(async () => {
  await core.dispose();
  await keychain.cleanup();
  dir.cleanup();
});

describe('access log', () => {
  let contact: { id: string; email: string; name: string; phone: string | null };
  let thread: ConversationDetail;

  it('keeps the Inspector working when the log cannot be written, says so, and writes the lines once it can', async () => {
    const found = await call<{ contacts: Array<typeof contact & { conversation_count: number }> }>(INVOKE_CHANNELS.inspectorSearch, { keyId, query: 'a' });
    contact = found.contacts.find((c) => c.conversation_count > 0)!;
    const page = await call<{ conversations: Array<{ id: string }> }>(INVOKE_CHANNELS.inspectorConversations, { keyId, contactId: contact.id });
    expect(page.conversations.length).toBeGreaterThan(0);
    expect(problems.at(-1)?.map((p) => p.file)).toContain('access-log.jsonl');
    expect(problems.at(-1)?.find((p) => p.file === 'access-log.jsonl')?.message).toMatch(/^The access log could not be saved to access-log.jsonl because a folder is in the way/);
    thread = await call<ConversationDetail>(INVOKE_CHANNELS.inspectorConversation, { keyId, conversationId: page.conversations[0]!.id });
    expect((await call<AccessLogPage>(INVOKE_CHANNELS.accessLogList)).pending).toBe(2);
    rmSync(logPath, { recursive: true });
    // The retry (1 s after the first failure, then doubling) appends both lines, in order.
    await expect.poll(async () => (await call<AccessLogPage>(INVOKE_CHANNELS.accessLogList)).pending, { timeout: 8000, interval: 200 }).toBe(0);
    expect(problems.at(-1)?.some((p) => p.file === 'access-log.jsonl')).toBe(false);
    const log = await call<AccessLogPage>(INVOKE_CHANNELS.accessLogList);
    expect(log.integrity).toMatchObject({ intact: true, message: 'The log is intact (2 entries).' });
    expect(log.entries.map((e) => [e.action, e.target])).toEqual([
      ['conversation.opened', { conversationId: thread.id, contactId: contact.id }],
      ['contact.opened', { contactId: contact.id }],
    ]);
    expect(log.entries[0]).toMatchObject({ user: userInfo().username, key: 'Support' });
  }, 30_000);

  it('logs an export’s start and end; a masked thread export holds no email, name or phone of the contact', async () => {
    await call(INVOKE_CHANNELS.settingsUpdate, { maskPersonalData: true });
    const { exportId } = await call<{ exportId: string }>(INVOKE_CHANNELS.exportStart, { keyId, kind: 'thread', format: 'csv', filter: { conversationId: thread.id }, bom: true });
    const last = await exportFinished(progress, exportId);
    expect(last.state, last.message ?? '').toBe('done');
    const text = readFileSync(last.path!, 'utf8');
    expect(text.startsWith('\uFEFFconversation_id,subject,contact_id,contact_name,contact_email,message_id,created_at,author_type,author_name,body\r\n')).toBe(true);
    expect(text).not.toContain(contact.email);
    expect(text).not.toContain(contact.name);
    if (contact.phone) expect(text).not.toContain(contact.phone);
    expect(text.trimEnd().split('\r\n')).toHaveLength(thread.messages.length + 1);
    await call(INVOKE_CHANNELS.settingsUpdate, { maskPersonalData: false });
    const log = await call<AccessLogPage>(INVOKE_CHANNELS.accessLogList, { offset: 0, limit: 2 });
    expect(log.entries.map((e) => e.action)).toEqual(['export.finished', 'export.started']);
    expect(log.entries[1]!.target).toMatchObject({ exportId, exportKind: 'thread', format: 'csv', masked: true, conversationId: thread.id });
    expect(log.entries[0]!.target).toMatchObject({ exportId, rows: thread.messages.length });
    expect(log.total).toBe(4);
  }, 30_000);

  it('holds no message body, no name or email of a contact, and no piece of the key', () => {
    const file = readFileSync(logPath, 'utf8');
    for (const m of thread.messages) expect(file).not.toContain(m.body);
    expect(file).not.toContain(thread.subject);
    expect(file).not.toContain(contact.email);
    expect(file).not.toContain(contact.name);
    expect(file).not.toContain(secret.slice(0, 12));
    expect(file).not.toMatch(/hl_(live|test)_/);
  });

  it('exports a copy of the log; Show in folder is the desktop app’s (the web host downloads)', async () => {
    const copy = await call<{ exportId: string; path: string }>(INVOKE_CHANNELS.accessLogExport);
    expect(readFileSync(copy.path, 'utf8')).toBe(readFileSync(logPath, 'utf8'));
    const r = await core.router.handle(INVOKE_CHANNELS.exportShowInFolder, sender, { exportId: copy.exportId });
    expect(r).toMatchObject({ ok: false, error: { code: 'request_rejected', message: expect.stringContaining('desktop app') } });
  });
});
