import { describe, expect, it } from 'vitest';
import { parseRateLimit } from '../../../src-main/helplane/rate-limit-headers';
import { durationMs } from '../../../src-main/helplane/rate-limit-vendor';

const NOW = Date.UTC(2026, 11, 1, 12, 0, 0);
const h = (pairs: Record<string, string>) => Object.entries(pairs).map(([name, value]) => ({ name, value }));

describe('vendor rate-limit forms, and which one was read', () => {
  it("reads Discord's Reset-After (decimal seconds) over its decimal epoch Reset", () => {
    const s = parseRateLimit(
      h({ 'X-RateLimit-Limit': '5', 'X-RateLimit-Remaining': '1', 'X-RateLimit-Reset': String(NOW / 1000 + 60.25), 'X-RateLimit-Reset-After': '1.234', 'X-RateLimit-Bucket': 'abcd1234' }),
      NOW,
    );
    expect(s).toMatchObject({ limit: 5, remaining: 1, resetAt: NOW + 1234, sources: ['x-ratelimit'] });
    expect(parseRateLimit(h({ 'X-RateLimit-Remaining': '1', 'X-RateLimit-Reset': String(NOW / 1000 + 60.25) }), NOW).resetAt).toBe(NOW + 60_250);
  });

  it('reads a reset given as a decimal delta', () => {
    expect(parseRateLimit(h({ 'X-RateLimit-Remaining': '3', 'X-RateLimit-Reset': '2.5' }), NOW).resetAt).toBe(NOW + 2500);
    for (const bad of ['-2', '2.', '.5', '1e3', '2,5']) expect(parseRateLimit(h({ 'X-RateLimit-Remaining': '3', 'X-RateLimit-Reset': bad }), NOW).resetAt).toBeNull();
  });

  it("reads X's x-rate-limit-* (epoch reset)", () => {
    const s = parseRateLimit(h({ 'x-rate-limit-limit': '900', 'x-rate-limit-remaining': '899', 'x-rate-limit-reset': String(NOW / 1000 + 900) }), NOW);
    expect(s).toMatchObject({ limit: 900, remaining: 899, resetAt: NOW + 900_000, sources: ['x-rate-limit'] });
  });

  it("reads OpenAI's x-ratelimit-*-requests with Go duration resets", () => {
    const s = parseRateLimit(h({ 'x-ratelimit-limit-requests': '60', 'x-ratelimit-remaining-requests': '59', 'x-ratelimit-reset-requests': '1s' }), NOW);
    expect(s).toMatchObject({ limit: 60, remaining: 59, resetAt: NOW + 1000, sources: ['openai'] });
    expect([durationMs('6m0s'), durationMs('1s'), durationMs('20ms'), durationMs('1h2m3.5s'), durationMs('1.5s')]).toEqual([360_000, 1000, 20, 3_723_500, 1500]);
    for (const bad of ['', '6m0', '1 s', '-1s', 's', '1d', '25h']) expect({ bad, ms: durationMs(bad) }).toEqual({ bad, ms: null });
  });

  it('reads the older RateLimit-* fields and the older single RateLimit dictionary, and names each', () => {
    expect(parseRateLimit(h({ 'RateLimit-Limit': '60', 'RateLimit-Remaining': '5', 'RateLimit-Reset': '12' }), NOW)).toMatchObject({ limit: 60, remaining: 5, resetAt: NOW + 12_000, sources: ['ratelimit-fields'] });
    expect(parseRateLimit(h({ RateLimit: 'limit=100, remaining=50, reset=30' }), NOW)).toMatchObject({ limit: 100, remaining: 50, resetAt: NOW + 30_000, sources: ['ietf-draft'] });
  });

  it('keeps each form it finds as a policy, the tightest first', () => {
    const s = parseRateLimit(h({ 'X-RateLimit-Limit': '5000', 'X-RateLimit-Remaining': '4000', 'x-ratelimit-limit-requests': '60', 'x-ratelimit-remaining-requests': '3' }), NOW);
    expect(s.policies?.map((p) => [p.sources, p.remaining])).toEqual([
      [['openai'], 3],
      [['x-ratelimit'], 4000],
    ]);
    expect(s).toMatchObject({ remaining: 3, limit: 60 });
  });

  it('reads nothing and parses nothing when a reply has no rate-limit header', () => {
    expect(parseRateLimit(h({ 'Content-Type': 'application/json', 'X-Workspace-Id': 'ws_1' }), NOW)).toEqual({
      limit: null, remaining: null, burst: null, resetAt: null, retryAfterSeconds: null, workspaceId: 'ws_1', windowSeconds: null, sources: [], policies: [],
    });
  });
});

describe('rate-limit headers that echo the key', () => {
  it('keep no piece of it in policy names or the workspace id', () => {
    const secret = 'sk-custom-0123456789abcdefXYZ';
    const hl = 'hl_live_3fA9abcdefghijklmnopqrstuvwxyz0123AB';
    for (const key of [secret, hl]) {
      const s = parseRateLimit(h({ RateLimit: `"${key}";r=5;t=3`, 'RateLimit-Policy': `"${key}";q=10;w=60`, 'X-Workspace-Id': key }), NOW, secret);
      // The custom key's echo reads as a policy named "[redacted]"; the Helplane key's keeps its shown prefix.
      if (key === secret) expect(s.policies?.[0]).toMatchObject({ name: '[redacted]', remaining: 5, quota: 10 });
      const text = JSON.stringify(s);
      expect(text).not.toContain(key);
      expect(text).not.toContain(key.slice(8, 24));
    }
  });
});
