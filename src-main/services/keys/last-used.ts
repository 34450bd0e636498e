import { retryDelayMs, type WriteListener } from '../../lib/retry-backoff';

/** How often pending "Last used" times are written to the metadata file. */
const LAST_USED_FLUSH_MS = 2000;

/**
 * "Last used" times not yet on disk: a request must not cost a metadata-file write. They are laid
 * over the stored records when read, and written together within LAST_USED_FLUSH_MS (or at once
 * by `flush`, which the hosts call on shutdown). The write runs in a timer, where a throw would
 * kill the process: a failure is reported, the times stay pending and are tried again, backing off.
 */
export class LastUsedBuffer {
  private readonly pending = new Map<string, number>();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private failures = 0;

  /** `write` stores the given times (epoch ms, by key id) in the metadata file; `listener` is told how it went. */
  constructor(
    private readonly write: (times: ReadonlyMap<string, number>) => void,
    private readonly listener: WriteListener = {},
  ) {}

  get size(): number {
    return this.pending.size;
  }

  /** The pending time of a key (epoch ms), if any. */
  get(id: string): number | undefined {
    return this.pending.get(id);
  }

  /** Record a use now; the file gets it within LAST_USED_FLUSH_MS. */
  set(id: string, at: number): void {
    this.pending.set(id, at);
    if (!this.timer) this.schedule(LAST_USED_FLUSH_MS);
  }

  /** Forget a key's pending time (the key was deleted). */
  delete(id: string): void {
    this.pending.delete(id);
  }

  /** Write pending times now (a failure is reported, and retried later). */
  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.pending.size === 0) return;
    const due = new Map(this.pending);
    try {
      this.write(due);
    } catch (error) {
      this.failures += 1;
      this.listener.onWriteError?.(error, this.failures);
      this.schedule(retryDelayMs(this.failures, LAST_USED_FLUSH_MS));
      return;
    }
    // Times set while writing stay pending.
    for (const [id, at] of due) if (this.pending.get(id) === at) this.pending.delete(id);
    if (this.failures > 0) this.listener.onWriteRecovered?.();
    this.failures = 0;
  }

  private schedule(ms: number): void {
    this.timer = setTimeout(() => this.flush(), ms);
    // A pending write must not keep a CLI or test process alive; dispose flushes.
    this.timer.unref();
  }
}
