/** A failed background write is tried again at most this far apart. */
export const WRITE_RETRY_MAX_MS = 30_000;

/** Told how a background write (one that runs in a timer) went; the data stays in memory until it works. */
export interface WriteListener {
  /** Every failure; `inARow` is 1 for the first since the last write that worked. */
  onWriteError?(error: unknown, inARow: number): void;
  /** The first write that worked after a failure. */
  onWriteRecovered?(): void;
}

/** The wait before trying a failed write again: doubling from `firstMs` per failure in a row, never past `maxMs`. */
export function retryDelayMs(failures: number, firstMs: number, maxMs: number = WRITE_RETRY_MAX_MS): number {
  return Math.min(firstMs * 2 ** Math.max(0, failures - 1), maxMs);
}
