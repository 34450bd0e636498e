import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseRateLimit } from '../../../src-main/helplane/rate-limit-headers';

const NOW = 1_800_000_000_000;
const DAY_MS = 24 * 60 * 60 * 1000;
const NAMES = [
  'X-RateLimit-Limit', 'X-RateLimit-Remaining', 'X-RateLimit-Reset', 'X-RateLimit-Burst', 'RateLimit-Limit',
  'RateLimit-Remaining', 'RateLimit-Reset', 'RateLimit', 'RateLimit-Policy', 'Retry-After', 'X-Workspace-Id',
];
const header = fc.record({ name: fc.constantFrom(...NAMES), value: fc.oneof(fc.string(), fc.stringMatching(/^[\d"a-z;=, -]{0,40}$/), fc.nat().map(String)) });

describe('parseRateLimit (properties)', () => {
  it('never throws, and every value is sane whatever the headers say', () => {
    fc.assert(
      fc.property(fc.array(header, { maxLength: 12 }), (headers) => {
        const s = parseRateLimit(headers, NOW);
        for (const v of [s.limit, s.remaining, s.burst, s.retryAfterSeconds]) {
          expect(v === null || (Number.isInteger(v) && v >= 0 && v <= 1_000_000_000)).toBe(true);
        }
        expect(s.resetAt === null || (s.resetAt >= NOW && s.resetAt <= NOW + DAY_MS)).toBe(true);
        expect(s.retryAfterSeconds === null || s.retryAfterSeconds <= 86_400).toBe(true);
      }),
    );
  });

  it('reads X-RateLimit-* back exactly, with Reset as Unix time or as a delta', () => {
    fc.assert(
      fc.property(fc.nat(100_000), fc.nat(100_000), fc.integer({ min: 0, max: 86_400 }), fc.boolean(), (limit, remaining, delta, unix) => {
        const reset = unix ? String(Math.ceil(NOW / 1000) + delta) : String(delta);
        const s = parseRateLimit(
          [
            { name: 'x-ratelimit-limit', value: String(limit) },
            { name: 'X-RateLimit-Remaining', value: ` ${remaining} ` },
            { name: 'X-RateLimit-Reset', value: reset },
          ],
          NOW,
        );
        expect(s.limit).toBe(limit);
        expect(s.remaining).toBe(remaining);
        const expected = unix ? (Math.ceil(NOW / 1000) + delta) * 1000 : NOW + delta * 1000;
        expect(s.resetAt).toBe(expected);
      }),
    );
  });

  it('reads the IETF structured fields and the older RateLimit-* headers', () => {
    fc.assert(
      fc.property(fc.nat(10_000), fc.nat(10_000), fc.integer({ min: 0, max: 3600 }), (q, r, t) => {
        const ietf = parseRateLimit([{ name: 'RateLimit-Policy', value: `"default";q=${q};w=60` }, { name: 'RateLimit', value: `"default";r=${r};t=${t}` }], NOW);
        expect(ietf).toMatchObject({ limit: q, remaining: r, resetAt: NOW + t * 1000 });
        const older = parseRateLimit([{ name: 'RateLimit-Limit', value: String(q) }, { name: 'RateLimit-Remaining', value: String(r) }, { name: 'RateLimit-Reset', value: String(t) }], NOW);
        expect(older).toMatchObject({ limit: q, remaining: r, resetAt: NOW + t * 1000 });
        const draft = parseRateLimit([{ name: 'RateLimit', value: `limit=${q}, remaining=${r}, reset=${t}` }], NOW);
        expect(draft).toMatchObject({ limit: q, remaining: r, resetAt: NOW + t * 1000 });
      }),
    );
  });

  it('lets Retry-After win, as seconds or as an HTTP date, over any reset', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 86_400 }), fc.integer({ min: 0, max: 86_400 }), fc.boolean(), (retry, reset, asDate) => {
        const value = asDate ? new Date(NOW + retry * 1000).toUTCString() : String(retry);
        const s = parseRateLimit([{ name: 'Retry-After', value }, { name: 'X-RateLimit-Reset', value: String(reset) }], NOW);
        expect(s.retryAfterSeconds).toBe(retry);
        expect(s.resetAt).toBe(NOW + Math.max(retry, reset) * 1000);
      }),
    );
  });

  it('caps absurd values and ignores malformed ones', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 10n ** 12n, max: 10n ** 30n }), (huge) => {
        const s = parseRateLimit(
          [
            { name: 'Retry-After', value: huge.toString() },
            { name: 'X-RateLimit-Limit', value: huge.toString() },
            { name: 'RateLimit-Policy', value: `"d";q=${huge}` },
            { name: 'X-RateLimit-Reset', value: huge.toString() },
          ],
          NOW,
        );
        expect(s.retryAfterSeconds).toBe(86_400);
        expect(s.limit).toBeNull();
        expect(s.resetAt).toBe(NOW + DAY_MS);
      }),
    );
    expect(parseRateLimit([{ name: 'X-RateLimit-Remaining', value: '-5' }, { name: 'Retry-After', value: 'soon' }], NOW)).toMatchObject({ remaining: null, retryAfterSeconds: null });
  });
});
