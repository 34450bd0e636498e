import { describe, expect, it } from 'vitest';
import { formatBytes, formatDuration } from '../../../../src-renderer/src/lib/units';

describe('formatBytes', () => {
  it('uses bytes below 1 KB and one decimal below 10 of a unit', () => {
    expect(formatBytes(0)).toBe('0 B');
    expect(formatBytes(1023)).toBe('1023 B');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatBytes(200 * 1024)).toBe('200 KB');
    expect(formatBytes(20 * 1024 * 1024)).toBe('20 MB');
  });
});

describe('formatDuration', () => {
  it('uses ms below a second, seconds with two decimals above', () => {
    expect(formatDuration(85.4)).toBe('85 ms');
    expect(formatDuration(1240)).toBe('1.24 s');
  });
});
