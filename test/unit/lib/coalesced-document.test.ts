import { afterEach, describe, expect, it, vi } from 'vitest';
import { coalescedDocument } from '../../../src-main/lib/coalesced-document';

afterEach(() => vi.useRealTimers());

describe('coalescedDocument', () => {
  it('writes a burst once, with the latest value, and reads it back before the write', () => {
    vi.useFakeTimers();
    const writes: unknown[] = [];
    const doc = coalescedDocument({ read: () => 'disk', write: (v) => writes.push(v) }, 500);
    doc.write(1);
    doc.write(2);
    doc.write(3);
    expect(doc.read()).toBe(3);
    expect(writes).toEqual([]);
    vi.advanceTimersByTime(500);
    expect(writes).toEqual([3]);
    expect(doc.read()).toBe('disk');
  });

  it('flushes a pending value at once, and nothing when none is pending', () => {
    const writes: unknown[] = [];
    const doc = coalescedDocument({ read: () => null, write: (v) => writes.push(v) });
    doc.flush();
    doc.write('x');
    doc.flush();
    doc.flush();
    expect(writes).toEqual(['x']);
  });
});
