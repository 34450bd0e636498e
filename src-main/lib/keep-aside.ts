import type { JsonDocument } from '../ports';

/**
 * For a file its reader had to drop data from (a bad History entry, a bad setting): keep the file
 * as it was under a name of its own, then write what was kept in its place. Never throws: when the
 * file cannot be renamed it is left alone (a write into the same folder would fail too), and a
 * failed write is tried again by the next change.
 */
export function keepAside(store: JsonDocument, kept: unknown): void {
  try {
    store.setAside?.();
  } catch {
    return;
  }
  try {
    store.write(kept);
  } catch {
    // The next change writes again, and reports a failure then.
  }
}
