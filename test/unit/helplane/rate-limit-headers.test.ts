import { describe, expect, it } from 'vitest';
import { parseRateLimit } from '../../../src-main/helplane/rate-limit-headers';

const now = Date.UTC(2026, 10, 27, 12, 0, 0);
const h = (pairs: Record<string, string>) => Object.entries(pairs).map(([name, value]) => ({ name, value }));

describe('parseRateLimit', () => {
  it('reads the sandbox headers with Reset as Unix time', () => {
    const r = parseRateLimit(
      h({ 'x-ratelimit-limit': '100', 'x-ratelimit-burst': '200', 'x-ratelimit-remaining': '199', 'x-ratelimit-reset': String(now / 1000 + 1), 'x-workspace-id': 'ws_acme' }),
      now,
    );
    expect(r).toMatchObject({ limit: 100, remaining: 199, burst: 200, resetAt: now + 1000, retryAfterSeconds: null, workspaceId: 'ws_acme', windowSeconds: null });
    expect([r.sources, r.policies?.length]).toEqual([['x-ratelimit'], 1]);
  });

  it('reads Reset given as seconds from now', () => {
    expect(parseRateLimit(h({ 'X-RateLimit-Reset': '30' }), now).resetAt).toBe(now + 30_000);
  });

  it('reads the older RateLimit-* fields', () => {
    const r = parseRateLimit(h({ 'RateLimit-Limit': '60', 'RateLimit-Remaining': '5', 'RateLimit-Reset': '12' }), now);
    expect([r.limit, r.remaining, r.resetAt]).toEqual([60, 5, now + 12_000]);
  });

  it('reads IETF structured fields', () => {
    const r = parseRateLimit(h({ 'RateLimit-Policy': '"default";q=100;w=60', RateLimit: '"default";r=42;t=9' }), now);
    expect([r.limit, r.remaining, r.resetAt]).toEqual([100, 42, now + 9000]);
  });

  it('lets Retry-After win, as seconds or as an HTTP date', () => {
    expect(parseRateLimit(h({ 'X-RateLimit-Reset': '1', 'Retry-After': '20' }), now)).toMatchObject({ retryAfterSeconds: 20, resetAt: now + 20_000 });
    const date = new Date(now + 45_000).toUTCString();
    expect(parseRateLimit(h({ 'Retry-After': date }), now).retryAfterSeconds).toBe(45);
  });

  it('ignores malformed values and caps absurd ones', () => {
    const r = parseRateLimit(h({ 'X-RateLimit-Limit': 'ten', 'X-RateLimit-Remaining': '-1', 'X-RateLimit-Reset': '99999999999999', 'Retry-After': '999999999' }), now);
    expect(r.limit).toBeNull();
    expect(r.remaining).toBeNull();
    expect(r.retryAfterSeconds).toBe(86_400);
  });
});
