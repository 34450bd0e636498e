import type { ApiGateway, ApiReply } from '../../ports';
import { AppFailure } from '../../lib/errors';
import { budgetReading, type BudgetPacer } from '../rate-limit/budget-pacer';

/** How many times one request is retried after a 429 before the job gives up (as exports do). */
const MAX_RETRIES = 20;

/** What a paced job counts and says while it waits. */
export interface PacedCounts {
  requests: number;
  rateLimited: number;
}

/**
 * GETs of a long Inspector job (a contact scan, a timeline) at the pace of the one budget model
 * (BudgetPacer, shared with exports and Fetch all pages): never a 429 the known budget could avoid;
 * after one (someone else spent the budget) the wait is the server's Retry-After, then a retry.
 */
export class PacedReader {
  private budgetId: string | null = null;
  readonly counts: PacedCounts = { requests: 0, rateLimited: 0 };

  constructor(
    private readonly deps: { api: ApiGateway; pacer: BudgetPacer; now: () => number },
    private readonly keyId: string,
    private readonly signal: AbortSignal,
    /** Called when a 429 made the job wait (words for the window), and once more per reply. */
    private readonly onReply: (waiting: string | null) => void = () => {},
  ) {}

  async get(path: string, query: Record<string, string>): Promise<ApiReply> {
    for (let attempt = 0; ; attempt++) {
      this.budgetId ??= await this.deps.api.budgetFor(this.keyId);
      await this.deps.pacer.beforeSend(this.budgetId, this.signal);
      this.signal.throwIfAborted();
      const sentAt = this.deps.now();
      const reply = await this.deps.api.get(this.keyId, path, query, { signal: this.signal });
      this.budgetId = reply.budgetId;
      this.deps.pacer.afterReply(reply.budgetId, budgetReading(reply), reply.receivedAt, sentAt);
      this.counts.requests++;
      // A reply that arrives after a cancel is not used: the job stopped where the user stopped it.
      this.signal.throwIfAborted();
      if (reply.status !== 429) {
        this.onReply(null);
        return reply;
      }
      this.counts.rateLimited++;
      if (attempt >= MAX_RETRIES) throw new AppFailure('rate_limited', 'The rate limit stayed exhausted; try again later.');
      this.onReply(`Rate limited: waiting ${reply.rateLimit.retryAfterSeconds ?? 1} s as the server asks.`);
    }
  }
}
