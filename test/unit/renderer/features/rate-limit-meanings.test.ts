import { describe, expect, it } from 'vitest';
import { pinRateLimitHeaders } from '../../../../src-renderer/src/features/response/rate-limit-meanings';

const meaning = (name: string, value: string) => pinRateLimitHeaders([{ name, value }])[0]?.meaning;

describe('rate-limit header meanings', () => {
  it('reads each IETF policy by name, and says when a field is ignored as malformed', () => {
    expect(meaning('RateLimit', '"burst";r=50;t=30, "daily";r=0;t=3600')).toBe('Current budget (IETF form): “burst”: 50 left, resets in 30 s; “daily”: 0 left, resets in 3600 s.');
    expect(meaning('RateLimit-Policy', '"burst";q=100;w=60')).toBe('Policy (IETF form): “burst”: quota 100, per 60 s.');
    expect(meaning('RateLimit', '"default";r=5;t=30,')).toBe('Current budget (IETF form): Not a valid structured field (RFC 9651), so the console ignores it.');
  });

  it('does not call a limit "per minute" when the window is the policy\'s', () => {
    expect(meaning('X-RateLimit-Limit', '100')).not.toMatch(/per minute/);
    expect(meaning('x-ratelimit-reset-requests', '6m0s')).toBe('The request budget is back in 6m0s.');
  });
});
