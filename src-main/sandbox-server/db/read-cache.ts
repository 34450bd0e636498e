import type { Database } from 'better-sqlite3';

/** How long another process's commit may go unnoticed (see ReadCache). */
export const FOREIGN_WRITE_CHECK_MS = 100;

/**
 * Memoized reads (list pages, key and workspace lookups). Lists are read far more often than
 * written, and a page costs ~100 µs of SQLite and row mapping, more than all the rest of a request.
 * Every write through this store drops all entries (`invalidate`), so this process never reads
 * stale data: a revoked key fails on the very next request. The sandbox owns its database; should
 * another process write to it anyway, `PRAGMA data_version` notices within FOREIGN_WRITE_CHECK_MS
 * (checking it on every read cost 10% of a request). Cached values are shared: never mutate them.
 */
export class ReadCache {
  private readonly entries = new Map<string, unknown>();
  private readonly dataVersion: () => number;
  private readonly inTransaction: () => boolean;
  private version = -1;
  private checkedAt = -Infinity;

  constructor(
    db: Database,
    private readonly maxEntries = 512,
    private readonly monotonicNow: () => number = () => performance.now(),
  ) {
    const statement = db.prepare('PRAGMA data_version').pluck();
    this.dataVersion = () => statement.get() as number;
    this.inTransaction = () => db.inTransaction;
  }

  get<T>(key: string, compute: () => T): T {
    // Inside a transaction a read may see writes that are later rolled back: never keep it.
    if (this.inTransaction()) return compute();
    const now = this.monotonicNow();
    if (now - this.checkedAt >= FOREIGN_WRITE_CHECK_MS) {
      this.checkedAt = now;
      const version = this.dataVersion();
      if (version !== this.version) {
        this.entries.clear();
        this.version = version;
      }
    }
    if (this.entries.has(key)) return this.entries.get(key) as T;
    const value = compute();
    // Crude bound instead of LRU: the working set of a console is a few pages.
    if (this.entries.size >= this.maxEntries) this.entries.clear();
    this.entries.set(key, value);
    return value;
  }

  invalidate(): void {
    this.entries.clear();
  }
}
