import { afterEach, describe, expect, it, vi } from 'vitest';
import { coalescedDocument } from '../../../src-main/lib/coalesced-document';
import { recordUncaught } from '../../helpers/uncaught';

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

describe('coalescedDocument whose write fails', () => {
  const uncaught = recordUncaught();

  it('throws nothing out of its timer, keeps the value, reports each failure and writes it when writing works again', async () => {
    const errors: { error: unknown; inARow: number }[] = [];
    let recovered = 0;
    const written: unknown[] = [];
    let broken = true;
    const doc = coalescedDocument(
      {
        read: () => 'disk',
        write: (v) => {
          if (broken) throw Object.assign(new Error('EISDIR: illegal operation on a directory'), { code: 'EISDIR' });
          written.push(v);
        },
      },
      5,
      { onWriteError: (error, inARow) => errors.push({ error, inARow }), onWriteRecovered: () => (recovered += 1), maxRetryMs: 20 },
    );
    doc.write('a');
    doc.write('b');
    // Real timers: the first write and a few retries fail.
    await vi.waitFor(() => expect(errors.length).toBeGreaterThanOrEqual(3));
    expect(errors.slice(0, 3).map((e) => e.inARow)).toEqual([1, 2, 3]);
    expect(errors[0]?.error).toMatchObject({ code: 'EISDIR' });
    expect(uncaught).toEqual([]);
    expect(doc.read()).toBe('b');
    broken = false;
    await vi.waitFor(() => expect(written).toEqual(['b']));
    expect(recovered).toBe(1);
    expect(doc.read()).toBe('disk');
    expect(uncaught).toEqual([]);
  });

  it('keeps the value when flush fails, without throwing', () => {
    const doc = coalescedDocument({ read: () => 'disk', write: () => { throw new Error('EACCES'); } }, 5, { onWriteError: () => undefined });
    doc.write('x');
    expect(() => doc.flush()).not.toThrow();
    expect(doc.read()).toBe('x');
  });
});
