import { AppFailure } from '../../lib/errors';
import type { KeyRecord } from '../../ports';

/** What a read-only key may send: reading, never changing. */
const READING = new Set(['GET', 'HEAD']);

/**
 * Details → Read only: main refuses any other method with that key before anything is sent (the
 * window, the Inspector and the command line runner all send through the request service).
 */
export function refuseWriteWithReadOnlyKey(record: Pick<KeyRecord, 'name' | 'readOnly'>, method: string): void {
  if (record.readOnly !== true || READING.has(method.toUpperCase())) return;
  throw new AppFailure(
    'key_read_only',
    `“${record.name}” is a read-only key: the console sends only GET requests with it, so this ${method.toUpperCase()} was not sent. Pick another key, or turn off Read only on the key’s Details page.`,
  );
}
