/** How often pending "Last used" times are written to the metadata file. */
const LAST_USED_FLUSH_MS = 2000;

/**
 * "Last used" times not yet on disk: a request must not cost a metadata-file write. They are laid
 * over the stored records when read, and written together within LAST_USED_FLUSH_MS (or at once
 * by `flush`, which the hosts call on shutdown).
 */
export class LastUsedBuffer {
  private readonly pending = new Map<string, number>();
  private timer: ReturnType<typeof setTimeout> | null = null;

  /** `write` stores the given times (epoch ms, by key id) in the metadata file. */
  constructor(private readonly write: (times: ReadonlyMap<string, number>) => void) {}

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
    if (!this.timer) {
      this.timer = setTimeout(() => this.flush(), LAST_USED_FLUSH_MS);
      // A pending write must not keep a CLI or test process alive; dispose flushes.
      this.timer.unref();
    }
  }

  /** Forget a key's pending time (the key was deleted). */
  delete(id: string): void {
    this.pending.delete(id);
  }

  /** Write pending times now. */
  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.pending.size === 0) return;
    const due = new Map(this.pending);
    this.pending.clear();
    this.write(due);
  }
}
