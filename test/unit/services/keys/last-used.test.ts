import { describe, expect, it, vi } from 'vitest';
import { LastUsedBuffer } from '../../../../src-main/services/keys/last-used';
import { recordUncaught } from '../../../helpers/uncaught';

describe('LastUsedBuffer whose write fails', () => {
  const uncaught = recordUncaught();

  it('throws nothing out of its timer, keeps the times, reports the failure and writes them when writing works again', async () => {
    let broken = true;
    const errors: unknown[] = [];
    let recovered = 0;
    const written: Map<string, number>[] = [];
    const buffer = new LastUsedBuffer(
      (times) => {
        if (broken) throw Object.assign(new Error('EPERM: operation not permitted'), { code: 'EPERM' });
        written.push(new Map(times));
      },
      { onWriteError: (e) => errors.push(e), onWriteRecovered: () => (recovered += 1) },
    );
    buffer.set('key_1', 1000);
    // Real timers: the flush is 2 s after the first use.
    await vi.waitFor(() => expect(errors).toHaveLength(1), { timeout: 5000 });
    expect(uncaught).toEqual([]);
    expect(buffer.get('key_1')).toBe(1000);
    buffer.set('key_2', 2000);
    broken = false;
    buffer.flush();
    expect(written).toEqual([new Map([['key_1', 1000], ['key_2', 2000]])]);
    expect(buffer.size).toBe(0);
    expect(recovered).toBe(1);
    expect(uncaught).toEqual([]);
  });

  it('keeps the times when flush fails, without throwing', () => {
    const buffer = new LastUsedBuffer(() => { throw new Error('EACCES'); });
    buffer.set('key_1', 1000);
    expect(() => buffer.flush()).not.toThrow();
    expect(buffer.get('key_1')).toBe(1000);
  });
});
