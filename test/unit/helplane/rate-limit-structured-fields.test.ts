import fc from 'fast-check';
import { parseList, Token, type BareItem, type List } from 'structured-headers';
import { describe, expect, it } from 'vitest';
import { parseRateLimit } from '../../../src-main/helplane/rate-limit-headers';
import { budgetWaitMs } from '../../../src-main/services/rate-limit/budget';

const NOW = Date.UTC(2026, 11, 1, 12, 0, 0);
const lines = (name: string, values: string[]) => values.map((value) => ({ name, value }));

/** What the console read from the IETF fields: its policies that came from them. */
function ietfReading(rateLimit: string[], policy: string[]) {
  const s = parseRateLimit([...lines('RateLimit', rateLimit), ...lines('RateLimit-Policy', policy)], NOW);
  return (s.policies ?? [])
    .filter((p) => p.sources.includes('ietf'))
    .map((p) => ({ name: p.name, remaining: p.remaining, quota: p.quota, windowSeconds: p.windowSeconds, resetAt: p.resetAt }))
    .sort((a, b) => String(a.name).localeCompare(String(b.name)));
}

// ─── The oracle: the reference parser's verdict, read by the draft's rules ──────────────────────────

/** `structured-headers`' reading of the field lines (comma-joined, RFC 9110 §5.3); null = malformed. */
function reference(values: string[]): List | null {
  if (values.length === 0) return null;
  try {
    return parseList(values.map((v) => v.trim()).join(', '));
  } catch {
    return null;
  }
}
const int = (v: BareItem | undefined, max: number) => (typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= max ? v : null);
function byName(list: List | null) {
  const out = new Map<string, Map<string, BareItem>>();
  for (const [value, params] of list ?? []) {
    const name = typeof value === 'string' ? value : value instanceof Token ? String(value) : null;
    if (name !== null && name.length <= 64) out.set(name, params);
  }
  return out;
}
function expected(rateLimit: string[], policy: string[]) {
  const out = new Map<string, { name: string; remaining: number | null; quota: number | null; windowSeconds: number | null; resetAt: number | null }>();
  for (const [name, p] of byName(reference(policy))) {
    const quota = int(p.get('q'), 1e9);
    const w = int(p.get('w'), 86_400);
    if (quota !== null) out.set(name, { name, remaining: null, quota, windowSeconds: w !== null && w > 0 ? w : null, resetAt: null });
  }
  for (const [name, p] of byName(reference(rateLimit))) {
    const remaining = int(p.get('r'), 1e9);
    const t = int(p.get('t'), 86_400);
    if (remaining === null) continue;
    const known = out.get(name) ?? { name, remaining: null, quota: null, windowSeconds: null, resetAt: null };
    out.set(name, { ...known, remaining, resetAt: t === null ? null : NOW + t * 1000 });
  }
  return [...out.values()].slice(0, 8).sort((a, b) => a.name.localeCompare(b.name));
}

// ─── Generated inputs: valid members, then the mutations the issue found misread ────────────────────

const quoted = (s: string) => `"${s.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
const name = fc.oneof(
  fc.constantFrom('default', 'burst', 'daily', 'x;r=7;t=8', 'a,b', 'q"uote', 'back\\slash'),
  fc.stringMatching(/^[a-z][a-z0-9_-]{0,6}$/),
);
const member = (keys: string[]) =>
  fc.record({
    name,
    token: fc.boolean(),
    params: fc.array(
      fc.tuple(
        fc.oneof({ arbitrary: fc.constantFrom(...keys), weight: 6 }, { arbitrary: fc.constantFrom('pk', 'qu', 'R'), weight: 1 }),
        fc.oneof(
          { arbitrary: fc.nat(300).map(String), weight: 6 },
          { arbitrary: fc.constantFrom('1.5', '-1', 'x', '"requests"', '"content-bytes"', '?1', '1000000000000', ''), weight: 1 },
        ),
      ),
      { minLength: 1, maxLength: 4 },
    ),
  }).map(({ name: n, token, params }) => {
    const head = token && /^[a-z][a-z0-9_-]*$/.test(n) ? n : quoted(n);
    return head + params.map(([k, v]) => (v === '' ? `;${k}` : `;${k}=${v}`)).join('');
  });
const MUTATIONS: Array<(s: string, at: number, c: string) => string> = [
  (s) => s,
  (s) => `${s},`, // trailing comma
  (s) => s.replace(';', ' ;'), // space before ;
  (s) => s.replace('=', '= '), // r= 5
  (s) => `;;${s}`,
  (s) => s.replace(/"(?=[^"]*$)/, ''), // unterminated string
  (s) => s.replace(/(\d)(?=\d)/, '$1a'), // t=3a0
  (s, at, c) => s.slice(0, at % (s.length + 1)) + c + s.slice(at % (s.length + 1)), // one stray character
  (s) => `${s}, ${s.replace(/r=\d+/, 'r=x')}`, // a duplicate member: the last of a name wins
];
const field = (keys: string[]) =>
  fc
    .tuple(
      fc.array(member(keys), { minLength: 1, maxLength: 3 }),
      // Half the fields unmutated, half with one of the mutations.
      fc.oneof(fc.constant(0), fc.nat(MUTATIONS.length - 1)), fc.nat(), fc.constantFrom(',', ';', '"', ' ', '=', 'a', '\t', '(', '*'), fc.integer({ min: 1, max: 3 }),
    )
    .map(([members, m, at, c, lineCount]) => {
      const text = MUTATIONS[m]!(members.join(', '), at, c);
      // Split over several field lines at member boundaries where there are some.
      const parts = text.split(', ');
      const per = Math.ceil(parts.length / lineCount);
      return Array.from({ length: Math.ceil(parts.length / per) }, (_, i) => parts.slice(i * per, (i + 1) * per).join(', '));
    });

describe('RateLimit and RateLimit-Policy, read as RFC 9651 lists', () => {
  it('reads exactly what the reference parser says, for generated valid and malformed fields', () => {
    let malformed = 0;
    let valid = 0;
    let read = 0;
    fc.assert(
      fc.property(field(['r', 't']), field(['q', 'w']), (rateLimit, policy) => {
        if (reference(rateLimit) === null) malformed++;
        else valid++;
        const want = expected(rateLimit, policy);
        if (want.some((p) => p.remaining !== null)) read++;
        expect(ietfReading(rateLimit, policy)).toEqual(want);
      }),
      { numRuns: 2000, seed: 9651 },
    );
    // The run covered both verdicts in earnest.
    expect(malformed).toBeGreaterThan(400);
    expect(valid).toBeGreaterThan(400);
    expect(read).toBeGreaterThan(300);
  });

  it('ignores a malformed field whole: the values the old hand parser misread', () => {
    for (const value of ['"default";r=5;t=30,', '"default" ;r=5', 'r= 5', ';;r=5', '"default;r=5', '"default";r=5;t=3a0', '"default";r=5;;t=3']) {
      const s = parseRateLimit(lines('RateLimit', [value]), NOW);
      expect({ value, remaining: s.remaining, resetAt: s.resetAt, policies: s.policies }).toEqual({ value, remaining: null, resetAt: null, policies: [] });
    }
  });

  it('reads quoted names with ; and , as names, and lets the last duplicate parameter win', () => {
    expect(parseRateLimit(lines('RateLimit', ['"x;r=7;t=8"']), NOW).remaining).toBeNull();
    expect(parseRateLimit(lines('RateLimit', ['"d";r=6;r=x']), NOW).remaining).toBeNull();
    expect(parseRateLimit(lines('RateLimit', ['"d";r=x;r=6']), NOW).remaining).toBe(6);
    const s = parseRateLimit(lines('RateLimit', ['"a,b";r=3, "c";r=2']), NOW);
    expect(s.policies?.map((p) => [p.name, p.remaining])).toEqual([
      ['c', 2],
      ['a,b', 3],
    ]);
  });

  it('reads every field line, comma-joined', () => {
    const s = parseRateLimit([...lines('RateLimit', ['"burst";r=50;t=30', '"daily";r=7;t=3600']), ...lines('ratelimit-policy', ['"burst";q=100;w=60', '"daily";q=1000;w=86400'])], NOW);
    expect(s).toMatchObject({ remaining: 7, limit: 1000, windowSeconds: 86_400, resetAt: NOW + 3_600_000, sources: ['ietf'] });
    expect(s.policies?.map((p) => p.name)).toEqual(['daily', 'burst']);
  });

  it("pairs policies by name: Cloudflare's example never pairs one policy's remaining with another's limit", () => {
    // https://developers.cloudflare.com/ (rate limiting rules): RateLimit and RateLimit-Policy name different policies.
    const s = parseRateLimit([...lines('RateLimit', ['"default";r=50;t=30']), ...lines('RateLimit-Policy', ['"burst";q=100;w=60'])], NOW);
    expect(s).toMatchObject({ remaining: 50, limit: null, resetAt: NOW + 30_000, windowSeconds: null });
    expect(s.policies).toEqual([
      { name: 'default', sources: ['ietf'], remaining: 50, quota: null, windowSeconds: null, burst: null, resetAt: NOW + 30_000, unit: null },
      { name: 'burst', sources: ['ietf'], remaining: null, quota: 100, windowSeconds: 60, burst: null, resetAt: null, unit: null },
    ]);
  });

  it('lets an exhausted daily policy drive the budget and the wait, over a roomy burst policy', () => {
    const s = parseRateLimit(
      [...lines('RateLimit', ['"burst";r=90;t=10, "daily";r=0;t=3600']), ...lines('RateLimit-Policy', ['"burst";q=100;w=60, "daily";q=1000;w=86400'])],
      NOW,
    );
    expect(s).toMatchObject({ remaining: 0, limit: 1000, windowSeconds: 86_400, resetAt: NOW + 3_600_000 });
    expect(s.policies?.map((p) => [p.name, p.remaining])).toEqual([
      ['daily', 0],
      ['burst', 90],
    ]);
    // Its quota comes back at the reset, not one 86.4 s token later.
    expect(budgetWaitMs({ snapshot: s, receivedAt: NOW, spentAt: NOW }, NOW)).toBe(3_600_000);
  });

  it('keeps a policy counted in other units, but does not let it pace requests', () => {
    const s = parseRateLimit([...lines('RateLimit', ['"bytes";r=0;t=60, "req";r=40']), ...lines('RateLimit-Policy', ['"bytes";q=1000;qu="content-bytes", "req";q=50'])], NOW);
    expect(s).toMatchObject({ remaining: 40, limit: 50 });
    expect(s.policies?.find((p) => p.name === 'bytes')?.unit).toBe('content-bytes');
  });

  it("reads the sandbox's X-RateLimit-* and RateLimit as one policy stated twice: its bucket, refill and window", () => {
    const s = parseRateLimit(
      [
        ...lines('X-RateLimit-Limit', ['100']),
        ...lines('X-RateLimit-Burst', ['200']),
        ...lines('X-RateLimit-Remaining', ['199']),
        ...lines('X-RateLimit-Reset', [String(NOW / 1000 + 1)]),
        ...lines('RateLimit-Policy', ['"default";q=100;w=60']),
        ...lines('RateLimit', ['"default";r=199;t=1']),
      ],
      NOW,
    );
    expect(s).toMatchObject({ remaining: 199, limit: 100, burst: 200, windowSeconds: 60, resetAt: NOW + 1000, sources: ['ietf', 'x-ratelimit'] });
    expect(s.policies).toHaveLength(1);
  });
});
