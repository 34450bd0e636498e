import type { JsonDocument } from '../ports';

export interface CoalescedDocument extends JsonDocument {
  /** Write the latest value now, if one is pending. */
  flush(): void;
}

/**
 * Writes at most once per `delayMs`, always the latest value: a burst of requests costs one
 * file write, not one each (History is rewritten whole, so per-request writes were the engine's
 * main cost). `flush()` on shutdown keeps the last value.
 */
export function coalescedDocument(doc: JsonDocument, delayMs = 500): CoalescedDocument {
  let pending: { value: unknown } | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const flush = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    if (!pending) return;
    const { value } = pending;
    pending = null;
    doc.write(value);
  };
  return {
    read: () => (pending ? pending.value : doc.read()),
    ...(doc.setAside ? { setAside: () => doc.setAside!() } : {}),
    write(value) {
      pending = { value };
      if (!timer) {
        timer = setTimeout(flush, delayMs);
        // A pending history write must not keep a CLI or test process alive; dispose flushes.
        timer.unref();
      }
    },
    flush,
  };
}
