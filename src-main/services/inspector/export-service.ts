import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import {
  ContactSchema,
  ConversationDetailSchema,
  ConversationSchema,
  type AccessTarget,
  type ExportProgress,
  type ExportStartInput,
} from '../../../src-preload/contract';
import type { ApiGateway, ApiReply, EventSink, ExportTargets } from '../../ports';
import { AtomicFile } from '../../lib/atomic-file';
import { BudgetPacer, budgetReading } from '../rate-limit/budget-pacer';
import { AppFailure } from '../../lib/errors';
import type { AccessRecord } from '../access-log/access-log-service';
import { ContactDirectory, type ContactCard } from './contact-directory';
import { contactRow, conversationRow, csvHeader, csvRow, jsonRow, threadRows, UTF8_BOM, type ExportRow } from './export-format';
import type { FinishedFiles } from './finished-files';
import { readReply } from './read-reply';

/** Largest page the API serves: fewest requests for a whole list. */
const PAGE_SIZE = 100;
/** How many times one page is retried after a 429 before the export gives up. */
const MAX_RETRIES_PER_PAGE = 20;

const listOf = <T extends z.ZodType>(item: T) =>
  z.object({ object: z.literal('list'), data: z.array(item), has_more: z.boolean(), next_cursor: z.string().nullable() });

interface Job {
  id: string;
  controller: AbortController;
  progress: ExportProgress;
  /** The budget the job spends from: the key's as known at the start, then what each reply says. */
  budgetId: string | null;
}

export interface ExportServiceDeps {
  api: ApiGateway;
  targets: ExportTargets;
  events: EventSink;
  pacer: BudgetPacer;
  now: () => number;
  /** Mask personal data (Settings): read by main when an export starts, so a window cannot ask around it. */
  mask?: () => boolean;
  /** The access log: each export's start and end. */
  access?: { record(record: AccessRecord): void };
  /** Contacts already read (searches): conversation rows are named from it before any contact page is read. */
  contacts?: ContactDirectory;
  /** Finished files by export id, for Show in folder. */
  finished?: FinishedFiles;
}

/** An export as it may be asked for: the BOM is off unless asked. */
export type ExportRequest = Omit<ExportStartInput, 'bom'> & { bom?: boolean };

/** Where a job's scan of the contacts list stands (to name conversation rows): read only as far as needed. */
interface ContactScan {
  cursor: string | null;
  exhausted: boolean;
}

/** Exports of whole lists, paced under the rate limit and written atomically. */
export class ExportService {
  private readonly jobs = new Map<string, Job>();
  private readonly contacts: ContactDirectory;

  constructor(private readonly deps: ExportServiceDeps) {
    this.contacts = deps.contacts ?? new ContactDirectory();
  }

  async start(input: ExportRequest): Promise<{ exportId: string; fileName: string }> {
    const id = `exp_${randomBytes(8).toString('hex')}`;
    const stamp = new Date(this.deps.now()).toISOString().slice(0, 19).replace(/[:T]/g, '-');
    const what = input.kind === 'thread' ? `thread-${input.filter.conversationId ?? 'unknown'}` : input.kind;
    const fileName = `helplane-${what}-${stamp}.${input.format}`;
    const target = await this.deps.targets.choose(id, fileName);
    if (!target) throw new AppFailure('cancelled', 'Export cancelled: no file was chosen.');
    const job: Job = {
      id,
      controller: new AbortController(),
      budgetId: null,
      progress: {
        exportId: id,
        state: 'running',
        done: 0,
        total: null,
        etaMs: null,
        requests: 0,
        rateLimited: 0,
        elapsedMs: 0,
        message: null,
        fileName,
        downloadUrl: null,
        path: null,
      },
    };
    this.jobs.set(id, job);
    const masked = this.deps.mask?.() ?? false;
    this.log(input, 'export.started', { exportId: id, exportKind: input.kind, format: input.format, masked, ...filterIds(input) });
    void this.run(job, input, target, masked);
    return { exportId: id, fileName };
  }

  cancel(exportId: string): boolean {
    const job = this.jobs.get(exportId);
    if (!job || job.progress.state === 'done' || job.progress.state === 'failed') return false;
    job.controller.abort(new AppFailure('cancelled', 'Export cancelled.'));
    return true;
  }

  private emit(job: Job, patch: Partial<ExportProgress>): void {
    job.progress = { ...job.progress, ...patch };
    this.deps.events.emit('exportProgress', job.progress);
  }

  private async run(job: Job, input: ExportRequest, target: { path: string; downloadUrl: string | null }, mask: boolean): Promise<void> {
    const started = this.deps.now();
    const { signal } = job.controller;
    let file: AtomicFile | null = null;
    try {
      file = await AtomicFile.create(target.path);
      const csv = input.format === 'csv';
      // The BOM only where a spreadsheet reads it: a JSON text with one is not valid JSON (RFC 8259).
      await file.write(`${csv && input.bom ? UTF8_BOM : ''}${csv ? csvHeader(input.kind) : '[\n'}`);
      let first = true;
      const write = async (rows: ExportRow[]) => {
        let chunk = '';
        for (const row of rows) {
          chunk += csv ? csvRow(input.kind, row) : jsonRow(row, first);
          first = false;
        }
        await file!.write(chunk);
      };
      if (input.kind === 'thread') await this.writeThread(job, input, mask, signal, write, started);
      else await this.writeList(job, input, mask, signal, write, started);
      await file.write(csv ? '' : first ? ']\n' : '\n]\n');
      await file.commit();
      file = null;
      this.deps.finished?.record(job.id, target.path);
      this.emit(job, { state: 'done', etaMs: 0, elapsedMs: this.deps.now() - started, downloadUrl: target.downloadUrl, path: target.path });
      this.log(input, 'export.finished', { exportId: job.id, exportKind: input.kind, rows: job.progress.done });
    } catch (error) {
      await file?.discard();
      const cancelled = signal.aborted;
      this.emit(job, {
        state: cancelled ? 'cancelled' : 'failed',
        etaMs: null,
        elapsedMs: this.deps.now() - started,
        message: cancelled
          ? 'Export cancelled. No file was written.'
          : `Export failed: ${error instanceof AppFailure ? error.message : 'an unexpected error'}. No file was written.`,
      });
      this.log(input, cancelled ? 'export.cancelled' : 'export.failed', { exportId: job.id, exportKind: input.kind, rows: job.progress.done });
    }
  }

  /** A whole list, page by page. */
  private async writeList(job: Job, input: ExportRequest, mask: boolean, signal: AbortSignal, write: (rows: ExportRow[]) => Promise<void>, started: number): Promise<void> {
    const kind = input.kind === 'contacts' ? 'contacts' : 'conversations';
    const scan: ContactScan = { cursor: null, exhausted: false };
    // The export reads its own list, and contacts only to name the rows it writes: no paging through
    // contacts first to sum their conversation_count (50k contacts would be 500 requests of budget
    // before the first row). A list page says only whether more follow, so the total is unknown
    // until the last page — then it is what was written.
    let total: number | null = null;
    let cursor: string | null = null;
    do {
      const query: Record<string, string> = { limit: String(PAGE_SIZE) };
      if (cursor) query.starting_after = cursor;
      if (kind === 'contacts' && input.filter.q) query.q = input.filter.q;
      if (kind === 'conversations' && input.filter.status) query.status = input.filter.status;
      if (kind === 'conversations' && input.filter.contactId) query.contact_id = input.filter.contactId;
      const reply = await this.pacedGet(job, input.keyId, `/v1/${kind}`, query, signal);
      let rows: ExportRow[];
      let count: number;
      if (kind === 'contacts') {
        const page = readReply(reply, listOf(ContactSchema));
        this.contacts.remember(page.data);
        rows = page.data.map((c) => contactRow(c, mask));
        count = page.data.length;
        cursor = page.has_more ? page.next_cursor : null;
      } else {
        const page = readReply(reply, listOf(ConversationSchema));
        const cards = await this.cardsFor(job, input.keyId, page.data.map((c) => c.contact_id), scan, signal);
        rows = page.data.map((c) => conversationRow(c, cards.get(c.contact_id), mask));
        count = page.data.length;
        cursor = page.has_more ? page.next_cursor : null;
      }
      await write(rows);
      const done = job.progress.done + count;
      if (!cursor) total = done;
      const pagesLeft = total !== null ? 0 : null;
      this.emit(job, {
        state: 'running',
        done,
        total,
        elapsedMs: this.deps.now() - started,
        etaMs: pagesLeft === null ? null : (this.deps.pacer.estimateMs(reply.budgetId, pagesLeft) ?? null),
      });
    } while (cursor);
  }

  /** One conversation's messages: one request for the thread, and its contact's name if not known yet. */
  private async writeThread(job: Job, input: ExportRequest, mask: boolean, signal: AbortSignal, write: (rows: ExportRow[]) => Promise<void>, started: number): Promise<void> {
    const conversationId = input.filter.conversationId!;
    const reply = await this.pacedGet(job, input.keyId, `/v1/conversations/${encodeURIComponent(conversationId)}`, {}, signal);
    const conversation = readReply(reply, ConversationDetailSchema);
    const cards = await this.cardsFor(job, input.keyId, [conversation.contact_id], { cursor: null, exhausted: false }, signal);
    const rows = threadRows(conversation, cards.get(conversation.contact_id), mask);
    await write(rows);
    this.emit(job, { state: 'running', done: rows.length, total: rows.length, elapsedMs: this.deps.now() - started, etaMs: 0 });
  }

  /**
   * The name and email of each contact id: from the directory, else from the next pages of the
   * contacts list (paced like any page) until every id is found or the list ends. An id the list
   * does not hold (a deleted contact) gets empty cells.
   */
  private async cardsFor(job: Job, keyId: string, ids: readonly string[], scan: ContactScan, signal: AbortSignal): Promise<Map<string, ContactCard>> {
    const cards = new Map<string, ContactCard>();
    const missing = () => ids.filter((id) => !cards.has(id) && !this.fill(cards, id));
    while (missing().length > 0 && !scan.exhausted) {
      const query: Record<string, string> = { limit: String(PAGE_SIZE) };
      if (scan.cursor) query.starting_after = scan.cursor;
      const page = readReply(await this.pacedGet(job, keyId, '/v1/contacts', query, signal), listOf(ContactSchema));
      this.contacts.remember(page.data);
      scan.cursor = page.has_more ? page.next_cursor : null;
      scan.exhausted = scan.cursor === null;
    }
    return cards;
  }

  private fill(cards: Map<string, ContactCard>, id: string): boolean {
    const card = this.contacts.get(id);
    if (card) cards.set(id, card);
    return card !== undefined;
  }

  private log(input: ExportRequest, action: AccessRecord['action'], target: AccessTarget): void {
    this.deps.access?.record({ action, keyId: input.keyId, target });
  }

  /** One GET at the budget's pace; a 429 (someone else used the budget) waits Retry-After and retries. */
  private async pacedGet(job: Job, keyId: string, path: string, query: Record<string, string>, signal: AbortSignal): Promise<ApiReply> {
    for (let attempt = 0; ; attempt++) {
      job.budgetId ??= await this.deps.api.budgetFor(keyId);
      await this.deps.pacer.beforeSend(job.budgetId, signal);
      signal.throwIfAborted();
      const sentAt = this.deps.now();
      const reply = await this.deps.api.get(keyId, path, query, { signal });
      job.budgetId = reply.budgetId;
      this.deps.pacer.afterReply(reply.budgetId, budgetReading(reply), reply.receivedAt, sentAt);
      const rateLimited = reply.status === 429;
      this.emit(job, { requests: job.progress.requests + 1, rateLimited: job.progress.rateLimited + (rateLimited ? 1 : 0) });
      if (!rateLimited) return reply;
      if (attempt >= MAX_RETRIES_PER_PAGE) throw new AppFailure('rate_limited', 'The rate limit stayed exhausted; try the export later.');
      this.emit(job, { state: 'waiting', message: `Rate limited: waiting ${reply.rateLimit.retryAfterSeconds ?? 1} s as the server asks.` });
    }
  }
}

/** The ids an export was narrowed to, for the access log (never its text filter: it may be a name). */
function filterIds(input: ExportRequest): AccessTarget {
  return {
    ...(input.filter.contactId ? { contactId: input.filter.contactId } : {}),
    ...(input.filter.conversationId ? { conversationId: input.filter.conversationId } : {}),
    ...(input.filter.status ? { status: input.filter.status } : {}),
  };
}
