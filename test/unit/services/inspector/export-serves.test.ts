import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ExportProgress } from '../../../../src-preload/contract';
import type { ApiGateway, PacerClock } from '../../../../src-main/ports';
import { folderExportTargets } from '../../../../src-main/adapters/folder-export-targets';
import type { AccessRecord } from '../../../../src-main/services/access-log/access-log-service';
import { BudgetPacer } from '../../../../src-main/services/rate-limit/budget-pacer';
import { ContactDirectory } from '../../../../src-main/services/inspector/contact-directory';
import { ExportService, type ExportRequest } from '../../../../src-main/services/inspector/export-service';
import { FinishedFiles } from '../../../../src-main/services/inspector/finished-files';
import { tempDir } from '../../../helpers/temp-dir';
import { exportFinished } from '../../../helpers/export-progress';

const BUDGET = 'workspace:ws_acme@http://127.0.0.1:4010';
const rate = { limit: 100, remaining: 50, burst: 200, resetAt: null, retryAfterSeconds: null, workspaceId: 'ws_acme', windowSeconds: 60 };
const contact = (i: number) => ({
  id: `ct_${i}`, object: 'contact', name: `Zoë Müller ${i}`, email: `zoe${i}@example.com`, phone: `+1 555 010 01${String(i).padStart(2, '0')}`, company: null,
  conversation_count: 1, created_at: '2026-01-01T00:00:00Z', updated_at: '2026-01-01T00:00:00Z',
});
const conversation = (i: number, contactN: number) => ({
  id: `cv_${i}`, object: 'conversation', subject: `Refund for zoe${contactN}@example.com`, status: 'open', channel: 'email', contact_id: `ct_${contactN}`,
  assignee: 'Sam Agent', tags: ['billing'], message_count: 2, created_at: '2026-01-02T00:00:00Z', updated_at: '2026-01-02T00:00:00Z', last_message_at: '2026-01-02T00:00:00Z',
});
const detail = {
  ...conversation(1, 2),
  messages: [
    { id: 'msg_1', object: 'message', conversation_id: 'cv_1', author: { type: 'contact', id: 'ct_2', name: 'Zoë Müller 2' }, body: 'Call me on +1 555 010 0102, or zoe2@example.com', created_at: '2026-01-02T10:00:00Z' },
    { id: 'msg_2', object: 'message', conversation_id: 'cv_1', author: { type: 'agent', id: 'ag_1', name: 'Sam Agent' }, body: '=HYPERLINK("http://x")', created_at: '2026-01-02T11:00:00Z' },
  ],
};
const list = (data: unknown[], next: string | null) => JSON.stringify({ object: 'list', data, has_more: next !== null, next_cursor: next });

const dirs: Array<{ cleanup(): void }> = [];
afterEach(() => dirs.splice(0).forEach((d) => d.cleanup()));

function fakeClock(): PacerClock {
  const clock = { t: 0, now: () => clock.t, sleep: async (ms: number) => void (clock.t += ms) };
  return clock;
}

/**
 * A fake API: conversations in two pages (contacts 1..3, then 4), contacts in pages of two, one
 * thread. `gate` holds every reply until released (to cancel mid-export).
 */
function setup(options: { mask?: boolean; gate?: Promise<void>; directory?: ContactDirectory } = {}) {
  const dir = tempDir('export-serves');
  dirs.push(dir);
  const calls: string[] = [];
  const api: ApiGateway = {
    budgetFor: async () => BUDGET,
    async get(_key, path, query) {
      calls.push(`${path}${query.starting_after ? `@${query.starting_after}` : ''}`);
      await options.gate;
      const ok = (body: string) => ({ status: 200, body, rateLimit: rate, receivedAt: 0, budgetId: BUDGET });
      if (path === '/v1/conversations') {
        return ok(query.starting_after ? list([conversation(3, 4)], null) : list([conversation(1, 1), conversation(2, 3)], 'cv_2'));
      }
      if (path === '/v1/contacts') {
        const pages: Record<string, [unknown[], string | null]> = { first: [[contact(1), contact(2)], 'ct_2'], ct_2: [[contact(3), contact(4)], 'ct_4'], ct_4: [[contact(5)], null] };
        const [data, next] = pages[query.starting_after ?? 'first']!;
        return ok(list(data, next));
      }
      if (path === '/v1/conversations/cv_1') return ok(JSON.stringify(detail));
      return { status: 404, body: '{"error":{"code":"not_found"}}', rateLimit: rate, receivedAt: 0, budgetId: BUDGET };
    },
  };
  const events: ExportProgress[] = [];
  const access: AccessRecord[] = [];
  const revealed: string[] = [];
  const finishedFiles = new FinishedFiles({ showInFolder: (p) => void revealed.push(p) });
  const service = new ExportService({
    api,
    targets: folderExportTargets(dir.path),
    events: { emit: (_c, p) => events.push(p as ExportProgress) },
    pacer: new BudgetPacer(fakeClock()),
    now: () => Date.UTC(2026, 11, 1),
    mask: () => options.mask ?? false,
    access: { record: (r) => void access.push(r) },
    contacts: options.directory ?? new ContactDirectory(),
    finished: finishedFiles,
  });
  const run = async (input: Omit<ExportRequest, 'keyId'>) => {
    const { exportId } = await service.start({ keyId: 'key_1', ...input });
    return exportFinished(events, exportId);
  };
  return { dir, calls, events, access, service, run, finishedFiles, revealed };
}

const csvLines = (path: string) => readFileSync(path, 'utf8').replace(/^\uFEFF/, '').trimEnd().split('\r\n');

describe('exports that serve', () => {
  it('conversation rows carry the contact’s name and email, reading contacts only as far as the rows need', async () => {
    const { run, calls } = setup();
    const last = await run({ kind: 'conversations', format: 'csv', filter: {} });
    expect(last.state, last.message ?? '').toBe('done');
    const lines = csvLines(last.path!);
    expect(lines[0]).toBe('id,subject,status,channel,contact_id,contact_name,contact_email,assignee,tags,message_count,created_at,updated_at,last_message_at');
    expect(lines[1]).toContain('ct_1,Zoë Müller 1,zoe1@example.com,Sam Agent');
    expect(lines[2]).toContain('ct_3,Zoë Müller 3,zoe3@example.com');
    expect(lines[3]).toContain('ct_4,Zoë Müller 4,zoe4@example.com');
    // Its own list first; two contact pages name ct_1..ct_4; the third is never read.
    expect(calls).toEqual(['/v1/conversations', '/v1/contacts', '/v1/contacts@ct_2', '/v1/conversations@cv_2']);
    expect(last.done).toBe(3);
    expect(last.requests).toBe(4);
  });

  it('names rows from contacts already read (a search) without any contact request', async () => {
    const directory = new ContactDirectory();
    directory.remember([1, 2, 3, 4].map(contact) as never);
    const { run, calls } = setup({ directory });
    const last = await run({ kind: 'conversations', format: 'json', filter: {} });
    const rows = JSON.parse(readFileSync(last.path!, 'utf8')) as Array<Record<string, unknown>>;
    expect(rows.map((r) => [r.contact_name, r.contact_email])).toEqual([
      ['Zoë Müller 1', 'zoe1@example.com'],
      ['Zoë Müller 3', 'zoe3@example.com'],
      ['Zoë Müller 4', 'zoe4@example.com'],
    ]);
    expect(calls.filter((c) => c.startsWith('/v1/contacts'))).toEqual([]);
  });

  it('writes names, emails and phone numbers masked when Mask personal data is on (main reads the setting)', async () => {
    const { run } = setup({ mask: true });
    const contacts = readFileSync((await run({ kind: 'contacts', format: 'csv', filter: {} })).path!, 'utf8');
    const conversations = readFileSync((await run({ kind: 'conversations', format: 'csv', filter: {} })).path!, 'utf8');
    const thread = readFileSync((await run({ kind: 'thread', format: 'json', filter: { conversationId: 'cv_1' } })).path!, 'utf8');
    for (const text of [contacts, conversations, thread]) {
      expect(text).not.toMatch(/zoe\d@example\.com/);
      expect(text).not.toMatch(/Müller/);
      expect(text).not.toMatch(/555 010 01/);
    }
    // A leading + is defused for spreadsheets, masked or not.
    expect(contacts).toContain("ct_1,Z••• M••• 1•••,z•••@example.com,'+• ••• ••• ••01");
    expect(conversations).toContain('ct_1,Z••• M••• 1•••,z•••@example.com');
    const rows = JSON.parse(thread) as Array<Record<string, unknown>>;
    expect(rows[0]).toMatchObject({ author_name: 'Z••• M••• 2•••', body: 'Call me on +• ••• ••• ••02, or z•••@example.com' });
    // An agent's name is the company's own: kept.
    expect(rows[1]).toMatchObject({ author_name: 'Sam Agent' });
  });

  it('exports one conversation’s thread as CSV: messages with author, time and body, formulas defused', async () => {
    const { run, calls } = setup();
    const last = await run({ kind: 'thread', format: 'csv', filter: { conversationId: 'cv_1' } });
    expect(last.state, last.message ?? '').toBe('done');
    expect(last.fileName).toMatch(/^helplane-thread-cv_1-.*\.csv$/);
    const lines = csvLines(last.path!);
    expect(lines[0]).toBe('conversation_id,subject,contact_id,contact_name,contact_email,message_id,created_at,author_type,author_name,body');
    expect(lines[1]).toBe('cv_1,Refund for zoe2@example.com,ct_2,Zoë Müller 2,zoe2@example.com,msg_1,2026-01-02T10:00:00Z,contact,Zoë Müller 2,"Call me on +1 555 010 0102, or zoe2@example.com"');
    expect(lines[2]).toBe('cv_1,Refund for zoe2@example.com,ct_2,Zoë Müller 2,zoe2@example.com,msg_2,2026-01-02T11:00:00Z,agent,Sam Agent,"\'=HYPERLINK(""http://x"")"');
    expect({ done: last.done, total: last.total }).toEqual({ done: 2, total: 2 });
    expect(calls).toEqual(['/v1/conversations/cv_1', '/v1/contacts']);
  });

  it('exports a thread as JSON: one valid array of messages', async () => {
    const { run } = setup();
    const rows = JSON.parse(readFileSync((await run({ kind: 'thread', format: 'json', filter: { conversationId: 'cv_1' } })).path!, 'utf8')) as Array<Record<string, unknown>>;
    expect(rows.map((r) => [r.message_id, r.author_type, r.created_at])).toEqual([
      ['msg_1', 'contact', '2026-01-02T10:00:00Z'],
      ['msg_2', 'agent', '2026-01-02T11:00:00Z'],
    ]);
  });

  it('starts a CSV with a UTF-8 BOM only when asked, and never a JSON file', async () => {
    const { run } = setup();
    const withBom = readFileSync((await run({ kind: 'contacts', format: 'csv', filter: {}, bom: true })).path!);
    const without = readFileSync((await run({ kind: 'contacts', format: 'csv', filter: {} })).path!);
    const json = readFileSync((await run({ kind: 'contacts', format: 'json', filter: {}, bom: true })).path!);
    expect([...withBom.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(withBom.subarray(3, 5).toString()).toBe('id');
    expect(without.subarray(0, 2).toString()).toBe('id');
    expect(json.subarray(0, 1).toString()).toBe('[');
    expect(() => JSON.parse(json.toString('utf8'))).not.toThrow();
  });

  it('a cancelled export leaves no file, not even its partial one', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const { service, events, dir, access } = setup({ gate });
    const { exportId, fileName } = await service.start({ keyId: 'key_1', kind: 'conversations', format: 'csv', filter: {} });
    // The partial file exists while it runs, under a hidden name, never the chosen one.
    // (Opened by the export's own task: waited for, as a busy machine may run it after start() returns.)
    await vi.waitFor(() => expect(readdirSync(dir.path).filter((f) => f.endsWith('.partial'))).toHaveLength(1));
    expect(existsSync(join(dir.path, fileName))).toBe(false);
    expect(service.cancel(exportId)).toBe(true);
    release();
    const last = await exportFinished(events, exportId);
    expect(last.state).toBe('cancelled');
    expect(readdirSync(dir.path)).toEqual([]);
    expect(access.map((a) => a.action)).toEqual(['export.started', 'export.cancelled']);
  });

  it('logs each export’s start and end with ids, kind and rows — no names, emails or text', async () => {
    const { run, access } = setup();
    const last = await run({ kind: 'thread', format: 'csv', filter: { conversationId: 'cv_1' } });
    expect(access).toEqual([
      { action: 'export.started', keyId: 'key_1', target: { exportId: last.exportId, exportKind: 'thread', format: 'csv', masked: false, conversationId: 'cv_1' } },
      { action: 'export.finished', keyId: 'key_1', target: { exportId: last.exportId, exportKind: 'thread', rows: 2 } },
    ]);
    const contacts = await run({ kind: 'contacts', format: 'csv', filter: { q: 'Zoë' } });
    expect(JSON.stringify(access)).not.toMatch(/Zoë|example\.com|Refund/);
    // (The fake list ignores q: all five contacts.) The text filter itself is not logged: it may be a name.
    expect(access.at(-1)).toMatchObject({ action: 'export.finished', target: { exportId: contacts.exportId, rows: 5 } });
  });

  it('Show in folder shows the finished file by its export id, and only a finished one', async () => {
    const { run, finishedFiles, revealed } = setup();
    const last = await run({ kind: 'contacts', format: 'csv', filter: {} });
    expect(finishedFiles.showInFolder(last.exportId)).toEqual({ shown: true });
    expect(revealed).toEqual([last.path]);
    expect(() => finishedFiles.showInFolder('exp_0000000000000000')).toThrow(expect.objectContaining({ code: 'not_found' }));
    expect(() => new FinishedFiles(null).showInFolder(last.exportId)).toThrow(expect.objectContaining({ code: 'request_rejected' }));
  });
});
