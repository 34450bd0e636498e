import type { JsonDocument } from '../ports';
import { retryDelayMs, WRITE_RETRY_MAX_MS, type WriteListener } from './retry-backoff';

export interface CoalescedDocument extends JsonDocument {
  /** Write the latest value now, if one is pending (a failure is reported, and retried later). */
  flush(): void;
  /** As flush, but a failure is thrown too (still retried): for a caller that must know the value is on disk. */
  commit(): void;
}

export interface CoalescedOptions extends WriteListener {
  /** Retries of a failing write back off up to this far apart. */
  maxRetryMs?: number;
}

/**
 * Writes at most once per `delayMs`, always the latest value: a burst of requests costs one
 * file write, not one each (History is rewritten whole, so per-request writes were the engine's
 * main cost). `flush()` on shutdown keeps the last value. A write runs in a timer, where a throw
 * would kill the process: a failure (a folder in the file's place, a read-only disk) is reported,
 * the value stays in memory (reads see it) and the write is tried again, backing off.
 */
export function coalescedDocument(doc: JsonDocument, delayMs = 500, options: CoalescedOptions = {}): CoalescedDocument {
  let pending: { value: unknown } | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let failures = 0;
  const schedule = (ms: number) => {
    timer = setTimeout(flush, ms);
    // A pending history write must not keep a CLI or test process alive; dispose flushes.
    timer.unref();
  };
  const writeNow = (rethrow: boolean) => {
    if (timer) clearTimeout(timer);
    timer = null;
    const current = pending;
    if (!current) return;
    try {
      doc.write(current.value);
    } catch (error) {
      failures += 1;
      options.onWriteError?.(error, failures);
      schedule(retryDelayMs(failures, delayMs, options.maxRetryMs ?? WRITE_RETRY_MAX_MS));
      if (rethrow) throw error;
      return;
    }
    if (pending === current) pending = null;
    if (failures > 0) options.onWriteRecovered?.();
    failures = 0;
  };
  const flush = () => writeNow(false);
  return {
    read: () => (pending ? pending.value : doc.read()),
    ...(doc.setAside ? { setAside: () => doc.setAside!() } : {}),
    write(value) {
      pending = { value };
      if (!timer) schedule(delayMs);
    },
    flush,
    commit: () => writeNow(true),
  };
}
