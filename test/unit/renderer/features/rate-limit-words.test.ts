import { describe, expect, it } from 'vitest';
import { carryOverNote, formatWindow, leftOf, quotaText, readFrom } from '../../../../src-renderer/src/features/rate-limit/rate-limit-words';

const p = (remaining: number | null, quota: number | null, burst: number | null = null, windowSeconds: number | null = null) => ({ remaining, quota, burst, windowSeconds });

describe('rate-limit numbers in words', () => {
  it('counts what is left from the bucket, never "199 of 100"', () => {
    expect(leftOf(p(188, 100, 200))).toBe('188 left of 200');
    expect(leftOf(p(40, 100))).toBe('40 left of 100');
    expect(leftOf(p(199, 100))).toBe('199 left');
    expect(leftOf(p(5, null))).toBe('5 left');
    expect(leftOf(p(null, 100))).toBe('');
  });

  it('says the window of the limit from the policy, not a fixed minute', () => {
    expect(quotaText(p(1, 100, null, 60))).toBe('100 per 60 s');
    expect(quotaText(p(1, 5, null, 10))).toBe('5 per 10 s');
    expect(quotaText(p(1, 1000, null, 86_400))).toBe('1000 per 24 h');
    expect(quotaText(p(1, 100))).toBe('100 per window (not stated)');
    expect(formatWindow(600)).toBe('10 min');
  });

  it('explains more left than one window allows, when no bucket size explains it', () => {
    expect(carryOverNote(p(199, 100))).toMatch(/More is left \(199\) than the limit per window \(100\)/);
    expect(carryOverNote(p(199, 100, 200))).toBeNull();
    expect(carryOverNote(p(50, 100))).toBeNull();
  });

  it('names the header forms read', () => {
    expect(readFrom(['ietf', 'x-ratelimit'])).toBe('read from RateLimit, RateLimit-Policy and X-RateLimit-*');
    expect(readFrom(['ietf'], { remaining: 50, quota: null })).toBe('read from RateLimit');
    expect(readFrom(['ietf'], { remaining: null, quota: 100 })).toBe('read from RateLimit-Policy');
    expect(readFrom(['openai'])).toBe('read from x-ratelimit-*-requests');
    expect(readFrom([])).toBeNull();
  });
});
