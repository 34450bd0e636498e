import { describe, expect, it } from 'vitest';
import { formatCountdown, secondsUntil } from '../../../../src-renderer/src/features/rate-limit/countdown';

const NOW = 1_700_000_000_000;

describe('rate-limit countdown', () => {
  it('rounds up so a fresh minute shows as 60 s, and never goes negative', () => {
    expect(secondsUntil(NOW + 60_000, NOW)).toBe(60);
    expect(secondsUntil(NOW + 59_001, NOW)).toBe(60);
    expect(secondsUntil(NOW - 5_000, NOW)).toBe(0);
  });

  it('formats seconds, minutes and hours', () => {
    expect(formatCountdown(NOW + 42_000, NOW)).toBe('42 s');
    expect(formatCountdown(NOW, NOW)).toBe('0 s');
    expect(formatCountdown(NOW + 65_000, NOW)).toBe('1 min 05 s');
    expect(formatCountdown(NOW + 3_720_000, NOW)).toBe('1 h 02 min');
  });

  it('says Unknown when the server sent no reset time', () => {
    expect(formatCountdown(null, NOW)).toBe('Unknown');
  });

  it('counts down as the clock advances', () => {
    const resetAt = NOW + 10_000;
    expect([0, 1000, 2000, 9500, 10_000].map((t) => formatCountdown(resetAt, NOW + t))).toEqual([
      '10 s',
      '9 s',
      '8 s',
      '1 s',
      '0 s',
    ]);
  });
});
