import { z } from 'zod';
import type { NameValue } from '../../../src-preload/contract';
import type { ApiGateway, ApiReply } from '../../ports';
import { AppFailure } from '../../lib/errors';
import { readReply } from '../inspector/read-reply';
import { budgetReading, type BudgetPacer } from '../rate-limit/budget-pacer';

/**
 * Next page and Fetch all pages of a Helplane list (`{object:"list", data, has_more, next_cursor}`,
 * the next page asked for with `starting_after=<next_cursor>`). Every page goes through the request
 * engine (the gateway: key, tracker, History) at the pace of the one budget model (BudgetPacer, the
 * export's): never a 429 the known budget could avoid; after one (someone else spent the budget),
 * the wait is the server's Retry-After.
 */

export const CURSOR_PARAM = 'starting_after';
/** Largest page the API serves: Fetch all pages asks for it unless the request sets its own limit. */
export const MAX_PAGE_SIZE = 100;
/** Caps that hold whatever the caller asks: a runaway list cannot fill main's memory. */
export const PAGES_CAP = 1000;
export const ITEMS_CAP = 100_000;
/** How many times one page is retried after a 429 before the walk gives up (as the export). */
const MAX_RETRIES_PER_PAGE = 20;

const ListPageSchema = z.object({ object: z.literal('list'), data: z.array(z.unknown()), has_more: z.boolean(), next_cursor: z.string().nullable() });
export type ListPage = z.infer<typeof ListPageSchema>;

/** A list request of a tab: GET, a path under the key's server, its query (without the cursor). */
export interface ListRequest {
  keyId: string;
  path: string;
  query: readonly NameValue[];
}

export interface WalkProgress {
  state: 'running' | 'waiting';
  pages: number;
  items: number;
  requests: number;
  rateLimited: number;
  /** Words for a wait the server asked for. */
  message: string | null;
}

export interface WalkOptions {
  signal?: AbortSignal;
  /** At most this many pages (capped at PAGES_CAP). */
  maxPages?: number;
  /** At most this many items (capped at ITEMS_CAP); the last page is cut to it. */
  maxItems?: number;
  onProgress?: (progress: WalkProgress) => void;
}

export type WalkStop =
  | { reason: 'complete' }
  | { reason: 'cancelled'; message: string }
  | { reason: 'max_pages' | 'max_items'; message: string };

export interface WalkResult {
  /** The merged list, in the shape of one page: exportable, and has_more/next_cursor say where it stopped. */
  list: ListPage;
  pages: number;
  requests: number;
  rateLimited: number;
  /** Items whose `id` an earlier page already had (the list changed while it was walked): dropped. */
  duplicatesDropped: number;
  stop: WalkStop;
}

/** The page facts of a reply body, when it is a Helplane list: what `Next page` needs. */
export function listPageOf(body: string): ListPage | null {
  try {
    const parsed = ListPageSchema.safeParse(JSON.parse(body));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export class PageWalker {
  constructor(private readonly deps: { api: ApiGateway; pacer: BudgetPacer; now: () => number }) {}

  /** The page after `cursor` (a reply's next_cursor), paced as any page of a walk. */
  async nextPage(request: ListRequest, cursor: string, options: Pick<WalkOptions, 'signal'> = {}): Promise<ListPage> {
    const counts = { requests: 0, rateLimited: 0 };
    return this.pagedGet(request, queryOf(request, cursor, null), counts, options.signal, () => {});
  }

  /** Every page from the first, merged; stops at the caps or on cancel and says so, keeping what it has. */
  async fetchAll(request: ListRequest, options: WalkOptions = {}): Promise<WalkResult> {
    const maxPages = Math.min(options.maxPages ?? PAGES_CAP, PAGES_CAP);
    const maxItems = Math.min(options.maxItems ?? ITEMS_CAP, ITEMS_CAP);
    const pageSize = request.query.some((q) => q.name === 'limit') ? null : String(MAX_PAGE_SIZE);
    const counts = { requests: 0, rateLimited: 0 };
    const items: unknown[] = [];
    const seen = new Set<string>();
    let duplicatesDropped = 0;
    let pages = 0;
    let cursor: string | null = null;
    let last: ListPage | null = null;
    const report = (state: WalkProgress['state'], message: string | null) =>
      options.onProgress?.({ state, pages, items: items.length, requests: counts.requests, rateLimited: counts.rateLimited, message });
    const result = (stop: WalkStop, hasMore: boolean): WalkResult => ({
      list: { object: 'list', data: items, has_more: hasMore, next_cursor: hasMore ? cursor : null },
      pages,
      requests: counts.requests,
      rateLimited: counts.rateLimited,
      duplicatesDropped,
      stop,
    });
    try {
      do {
        if (pages >= maxPages) {
          return result({ reason: 'max_pages', message: `Stopped after ${pages} pages (the page limit); more pages remain.` }, true);
        }
        last = await this.pagedGet(request, queryOf(request, cursor, pageSize), counts, options.signal, report);
        pages++;
        for (const item of last.data) {
          const id = idOf(item);
          if (id !== null && seen.has(id)) {
            duplicatesDropped++;
            continue;
          }
          if (id !== null) seen.add(id);
          if (items.length >= maxItems) {
            // Helplane cursors are item ids: the next walk starts after the last item kept.
            cursor = idOf(items.at(-1)) ?? cursor;
            return result({ reason: 'max_items', message: `Stopped at ${maxItems} items (the item limit); more remain.` }, true);
          }
          items.push(item);
        }
        cursor = last.has_more ? last.next_cursor : null;
        report('running', null);
      } while (cursor !== null);
      return result({ reason: 'complete' }, false);
    } catch (error) {
      if (options.signal?.aborted) {
        return result({ reason: 'cancelled', message: `Cancelled after ${pages} page${pages === 1 ? '' : 's'} (${items.length} items).` }, cursor !== null || last === null);
      }
      throw error;
    }
  }

  /** One GET at the budget's pace; a 429 waits Retry-After (the pacer reads it from the reply) and retries. */
  private async pagedGet(
    request: ListRequest,
    query: Record<string, string>,
    counts: { requests: number; rateLimited: number },
    signal: AbortSignal | undefined,
    report: (state: WalkProgress['state'], message: string | null) => void,
  ): Promise<ListPage> {
    let budgetId = await this.deps.api.budgetFor(request.keyId);
    for (let attempt = 0; ; attempt++) {
      await this.deps.pacer.beforeSend(budgetId, signal);
      signal?.throwIfAborted();
      const sentAt = this.deps.now();
      const reply: ApiReply = await this.deps.api.get(request.keyId, request.path, query, signal ? { signal } : {});
      budgetId = reply.budgetId;
      this.deps.pacer.afterReply(reply.budgetId, budgetReading(reply), reply.receivedAt, sentAt);
      counts.requests++;
      if (reply.status !== 429) return readReply(reply, ListPageSchema);
      counts.rateLimited++;
      if (attempt >= MAX_RETRIES_PER_PAGE) throw new AppFailure('rate_limited', 'The rate limit stayed exhausted; fetch the pages later.');
      report('waiting', `Rate limited: waiting ${reply.rateLimit.retryAfterSeconds ?? 1} s as the server asks.`);
    }
  }
}

/**
 * The query of one page: the tab's parameters, the cursor in place of any the tab had, and the page
 * size for a walk. ApiGateway takes one value per name; Helplane's list parameters have one.
 */
function queryOf(request: ListRequest, cursor: string | null, pageSize: string | null): Record<string, string> {
  const query: Record<string, string> = {};
  for (const { name, value } of request.query) {
    const trimmed = name.trim();
    if (trimmed === '' || trimmed === CURSOR_PARAM) continue;
    if (trimmed in query) throw new AppFailure('request_rejected', `The query has ${trimmed} twice; a list is paged with one value of each parameter.`);
    query[trimmed] = value;
  }
  if (pageSize !== null) query.limit = pageSize;
  if (cursor !== null) query[CURSOR_PARAM] = cursor;
  return query;
}

function idOf(item: unknown): string | null {
  return typeof item === 'object' && item !== null && typeof (item as { id?: unknown }).id === 'string' ? (item as { id: string }).id : null;
}
