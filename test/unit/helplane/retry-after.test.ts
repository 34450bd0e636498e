import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseHttpDate } from '../../../src-main/helplane/http-date';
import { parseRateLimit, retryAfterSeconds } from '../../../src-main/helplane/rate-limit-headers';

// 2026-12-01 12:00:00 UTC, a Tuesday; the dates below are 90 s later, written out by hand.
const NOW = Date.UTC(2026, 11, 1, 12, 0, 0);
const IMF = 'Tue, 01 Dec 2026 12:01:30 GMT';
const RFC850 = 'Tuesday, 01-Dec-26 12:01:30 GMT';
const ASCTIME = 'Tue Dec  1 12:01:30 2026';

describe('Retry-After (RFC 9110 §10.2.3)', () => {
  it('reads delay-seconds and the three HTTP-date forms, in UTC', () => {
    expect(retryAfterSeconds('120', NOW)).toBe(120);
    expect(retryAfterSeconds('0', NOW)).toBe(0);
    for (const date of [IMF, RFC850, ASCTIME]) expect({ date, s: retryAfterSeconds(date, NOW) }).toEqual({ date, s: 90 });
    expect(parseHttpDate('Sun, 06 Nov 1994 08:49:37 GMT', NOW)).toBe(Date.UTC(1994, 10, 6, 8, 49, 37));
    expect(parseHttpDate('Sunday, 06-Nov-94 08:49:37 GMT', NOW)).toBe(Date.UTC(1994, 10, 6, 8, 49, 37));
    expect(parseHttpDate('Sun Nov  6 08:49:37 1994', NOW)).toBe(Date.UTC(1994, 10, 6, 8, 49, 37));
    expect(parseHttpDate('Thu Nov 26 08:49:37 2026', NOW)).toBe(Date.UTC(2026, 10, 26, 8, 49, 37));
    // A date in the past means "now", never a negative wait.
    expect(retryAfterSeconds('Sun, 06 Nov 1994 08:49:37 GMT', NOW)).toBe(0);
  });

  it('ignores anything else instead of reading it as "retry now"', () => {
    const malformed = [
      '1.5', '-1', '+5', '1,2', '1 2', '0x10', '1e3', '', 'soon', '2026-12-01', '2026-12-01T12:01:30Z',
      'Tue, 01 Dec 2026 12:01:30 +0100', 'Tue, 01 Dec 2026 12:01:30 UTC', 'Tue, 1 Dec 2026 12:01:30 GMT',
      'tue, 01 dec 2026 12:01:30 GMT', 'Tue, 31 Feb 2026 12:01:30 GMT', 'Tue, 01 Dec 2026 25:01:30 GMT',
      'Tue Dec 1 12:01:30 2026', 'Tue, 01-Dec-26 12:01:30 GMT', 'Tuesday, 01 Dec 2026 12:01:30 GMT', `${IMF} `.repeat(2).trim(),
    ];
    for (const value of malformed) {
      expect({ value, s: retryAfterSeconds(value, NOW) }).toEqual({ value, s: null });
      expect({ value, s: parseRateLimit([{ name: 'Retry-After', value }], NOW).retryAfterSeconds }).toEqual({ value, s: null });
    }
  });

  it('reads two-digit RFC 850 years within 50 years of now', () => {
    expect(new Date(parseHttpDate('Monday, 01-Dec-75 00:00:00 GMT', NOW)!).getUTCFullYear()).toBe(2075);
    expect(new Date(parseHttpDate('Friday, 01-Dec-77 00:00:00 GMT', NOW)!).getUTCFullYear()).toBe(1977);
  });

  it('does not depend on the computer\'s time zone (TZ=America/New_York)', () => {
    const module = resolve(import.meta.dirname, '../../../src-main/helplane/rate-limit-headers.ts');
    const script = `const { retryAfterSeconds } = await import(${JSON.stringify(module)});
      console.log(JSON.stringify([${[IMF, RFC850, ASCTIME].map((d) => JSON.stringify(d)).join(',')}].map((d) => retryAfterSeconds(d, ${NOW}))));`;
    const out = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      env: { ...process.env, TZ: 'America/New_York' },
      encoding: 'utf8',
    });
    expect(JSON.parse(out.trim().split('\n').pop()!)).toEqual([90, 90, 90]);
  });
});
