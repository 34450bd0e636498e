import { describe, expect, it } from 'vitest';
import { formatExactTime, formatRelativeTime } from '../../../../src-renderer/src/lib/relative-time';

const NOW = Date.parse('2025-06-01T12:00:00.000Z');
const ago = (ms: number) => new Date(NOW - ms).toISOString();

describe('formatRelativeTime', () => {
  it('says Never for a key that was never used', () => {
    expect(formatRelativeTime(null, NOW)).toBe('Never');
  });

  it('says just now within the first minute, and for times slightly in the future', () => {
    expect(formatRelativeTime(ago(0), NOW)).toBe('just now');
    expect(formatRelativeTime(ago(59_999), NOW)).toBe('just now');
    expect(formatRelativeTime(ago(-5_000), NOW)).toBe('just now');
  });

  it('counts whole minutes, then hours, then days', () => {
    expect(formatRelativeTime(ago(60_000), NOW)).toBe('1 min ago');
    expect(formatRelativeTime(ago(3 * 60_000 + 30_000), NOW)).toBe('3 min ago');
    expect(formatRelativeTime(ago(59 * 60_000), NOW)).toBe('59 min ago');
    expect(formatRelativeTime(ago(2 * 3_600_000), NOW)).toBe('2 h ago');
    expect(formatRelativeTime(ago(24 * 3_600_000), NOW)).toBe('1 day ago');
    expect(formatRelativeTime(ago(5 * 24 * 3_600_000), NOW)).toBe('5 days ago');
  });

  it('falls back to a date after a month', () => {
    const text = formatRelativeTime(ago(90 * 24 * 3_600_000), NOW);
    expect(text).not.toMatch(/ago/);
    expect(text).toBe(new Date(NOW - 90 * 24 * 3_600_000).toLocaleDateString());
  });

  it('says Unknown for an unreadable timestamp rather than NaN', () => {
    expect(formatRelativeTime('not a date', NOW)).toBe('Unknown');
  });
});

describe('formatExactTime', () => {
  it('gives the local date and time, or nothing for null', () => {
    expect(formatExactTime(null)).toBe('');
    expect(formatExactTime('2025-06-01T12:00:00.000Z')).toBe(new Date('2025-06-01T12:00:00.000Z').toLocaleString());
  });
});
