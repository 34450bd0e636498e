import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import {
  ContactSchema,
  ConversationSchema,
  type ExportKind,
  type ExportProgress,
  type ExportStartInput,
} from '../../../src-preload/contract';
import type { ApiGateway, ApiReply, EventSink, ExportTargets } from '../../ports';
import { AtomicFile } from '../../lib/atomic-file';
import { BudgetPacer, budgetReading } from '../rate-limit/budget-pacer';
import { AppFailure } from '../../lib/errors';
import { csvHeader, csvRow, jsonRow } from './export-format';
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
}

/** Exports of whole lists, paced under the rate limit and written atomically. */
export class ExportService {
  private readonly jobs = new Map<string, Job>();

  constructor(private readonly deps: ExportServiceDeps) {}

  async start(input: ExportStartInput): Promise<{ exportId: string; fileName: string }> {
    const id = `exp_${randomBytes(8).toString('hex')}`;
    const stamp = new Date(this.deps.now()).toISOString().slice(0, 19).replace(/[:T]/g, '-');
    const fileName = `helplane-${input.kind}-${stamp}.${input.format}`;
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
    void this.run(job, input, target);
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

  private async run(job: Job, input: ExportStartInput, target: { path: string; downloadUrl: string | null }): Promise<void> {
    const started = this.deps.now();
    const { signal } = job.controller;
    let file: AtomicFile | null = null;
    try {
      file = await AtomicFile.create(target.path);
      const kind: ExportKind = input.kind;
      await file.write(input.format === 'csv' ? csvHeader(kind) : '[\n');
      // The export reads its own list and nothing else: no paging through contacts first to sum
      // their conversation_count (50k contacts would be 500 requests of budget before the first
      // row). A list page says only whether more follow, so the total is unknown until the last
      // page — then it is what was written.
      let total: number | null = null;
      let cursor: string | null = null;
      let first = true;
      do {
        const query: Record<string, string> = { limit: String(PAGE_SIZE) };
        if (cursor) query.starting_after = cursor;
        if (kind === 'contacts' && input.filter.q) query.q = input.filter.q;
        if (kind === 'conversations' && input.filter.status) query.status = input.filter.status;
        if (kind === 'conversations' && input.filter.contactId) query.contact_id = input.filter.contactId;
        const reply = await this.pacedGet(job, input.keyId, `/v1/${kind}`, query, signal);
        const page = readReply(reply, listOf(kind === 'contacts' ? ContactSchema : ConversationSchema));
        let chunk = '';
        for (const row of page.data) {
          chunk += input.format === 'csv' ? csvRow(kind, row) : jsonRow(row, first);
          first = false;
        }
        await file.write(chunk);
        cursor = page.has_more ? page.next_cursor : null;
        const done = job.progress.done + page.data.length;
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
      await file.write(input.format === 'csv' ? '' : first ? ']\n' : '\n]\n');
      await file.commit();
      file = null;
      this.emit(job, { state: 'done', etaMs: 0, elapsedMs: this.deps.now() - started, downloadUrl: target.downloadUrl, path: target.path });
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
    }
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
