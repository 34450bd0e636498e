import { z } from 'zod';
import { KEY_USAGE_DAYS, type HistoryEntry, type KeyUsageView } from '../../../src-preload/contract';
import { keepAside } from '../../lib/keep-aside';
import type { JsonDocument } from '../../ports';

/**
 * Key usage (Details → Key usage): requests per key per local day, with errors and 429s, counted on
 * every send of this computer and kept in `key-usage.json` for KEY_USAGE_DAYS days. History alone
 * would not do: it keeps the newest 500 exchanges, which a busy day fills. A first start without the
 * file counts what History still holds, so the chart is not empty after an update.
 */

const DayCountsSchema = z.strictObject({
  requests: z.number().int().nonnegative(),
  errors: z.number().int().nonnegative(),
  rateLimited: z.number().int().nonnegative(),
});
type DayCounts = z.infer<typeof DayCountsSchema>;

const UsageFileSchema = z.strictObject({
  version: z.literal(1),
  /** keyId → local date (YYYY-MM-DD) → counts. */
  keys: z.record(z.string().max(200), z.record(z.string().regex(/^\d{4}-\d{2}-\d{2}$/), DayCountsSchema)),
  /** keyId → epoch ms of the latest send from here. */
  lastUsed: z.record(z.string().max(200), z.number().nonnegative()),
});
type UsageFile = z.infer<typeof UsageFileSchema>;

/** The local calendar date of an instant, as YYYY-MM-DD (the chart's days are the user's days). */
export function localDate(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** The KEY_USAGE_DAYS local dates ending today, oldest first. */
function lastDays(now: number): string[] {
  const today = new Date(now);
  return Array.from({ length: KEY_USAGE_DAYS }, (_, i) => {
    const d = new Date(today.getFullYear(), today.getMonth(), today.getDate() - (KEY_USAGE_DAYS - 1 - i), 12);
    return localDate(d.getTime());
  });
}

export class KeyUsage {
  private data: UsageFile;
  /** The local day of the last send, and its bounds: the date of a send is then a comparison, not a Date (this runs on every send). */
  private day: { date: string; from: number; to: number } | null = null;
  /** The day the old days were last dropped for: once a day is enough. */
  private prunedFor: string | null = null;

  constructor(
    private readonly deps: { document: JsonDocument; now: () => number; history?: () => readonly Pick<HistoryEntry, 'keyId' | 'time' | 'status'>[] },
  ) {
    const raw = deps.document.read();
    const parsed = UsageFileSchema.safeParse(raw);
    if (parsed.success) {
      this.data = parsed.data;
      return;
    }
    this.data = { version: 1, keys: {}, lastUsed: {} };
    // A damaged file is kept aside; either way the counts start again from History.
    if (raw !== undefined) keepAside(deps.document, this.data);
    const entries = deps.history?.() ?? [];
    for (const entry of [...entries].sort((a, b) => a.time - b.time)) this.count(entry.keyId, entry.status, entry.time);
    if (entries.length > 0) this.save();
  }

  /** One send with the key: its reply's status, or null when no reply came (network error, timeout). */
  record(keyId: string, status: number | null, at = this.deps.now()): void {
    this.count(keyId, status, at);
    this.save();
  }

  /** The key's last KEY_USAGE_DAYS days, today last, with empty days filled in. */
  usage(keyId: string): KeyUsageView {
    const days = this.data.keys[keyId] ?? {};
    return {
      keyId,
      days: lastDays(this.deps.now()).map((date) => ({ date, ...(days[date] ?? { requests: 0, errors: 0, rateLimited: 0 }) })),
      lastUsedHere: this.data.lastUsed[keyId] ?? null,
    };
  }

  /** The key was deleted from this computer: its counts go with it. */
  forget(keyId: string): void {
    if (!(keyId in this.data.keys) && !(keyId in this.data.lastUsed)) return;
    delete this.data.keys[keyId];
    delete this.data.lastUsed[keyId];
    this.save();
  }

  private count(keyId: string, status: number | null, at: number): void {
    const date = this.dateOf(at);
    const days = (this.data.keys[keyId] ??= {});
    const day: DayCounts = (days[date] ??= { requests: 0, errors: 0, rateLimited: 0 });
    day.requests++;
    if (status === null || status >= 400) day.errors++;
    if (status === 429) day.rateLimited++;
    this.data.lastUsed[keyId] = Math.max(this.data.lastUsed[keyId] ?? 0, at);
    if (this.prunedFor !== date) {
      this.prunedFor = date;
      this.prune(at);
    }
  }

  /** localDate(at), remembered for the day it falls in. */
  private dateOf(at: number): string {
    const day = this.day;
    if (day && at >= day.from && at < day.to) return day.date;
    const d = new Date(at);
    this.day = { date: localDate(at), from: new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime(), to: new Date(d.getFullYear(), d.getMonth(), d.getDate() + 1).getTime() };
    return this.day.date;
  }

  /** Days older than the chart shows are dropped (the file stays small: keys × 30 days). */
  private prune(now: number): void {
    const oldest = lastDays(now)[0]!;
    for (const days of Object.values(this.data.keys)) {
      for (const date of Object.keys(days)) if (date < oldest) delete days[date];
    }
  }

  private save(): void {
    this.deps.document.write(this.data);
  }
}
