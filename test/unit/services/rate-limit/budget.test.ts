import { describe, expect, it } from 'vitest';
import { budgetEstimateMs, budgetIdOf, budgetWaitMs, type KnownBudget } from '../../../../src-main/services/rate-limit/budget';

const NOW = 1_000_000;
const known = (snapshot: Partial<KnownBudget['snapshot']>, spentAt = NOW): KnownBudget => ({
  snapshot: { limit: 60, remaining: 5, retryAfterSeconds: null, resetAt: null, windowSeconds: null, ...snapshot },
  receivedAt: NOW,
  spentAt,
});

describe('budget identity', () => {
  it('is the server with its workspace, or with the key when the server names none', () => {
    expect(budgetIdOf('http://127.0.0.1:4010', 'ws_acme', 'key_1')).not.toBe(budgetIdOf('https://helpdesk.example', 'ws_acme', 'key_1'));
    expect(budgetIdOf('http://127.0.0.1:4010', 'ws_acme', 'key_1')).toBe(budgetIdOf('http://127.0.0.1:4010', 'ws_acme', 'key_2'));
    expect(budgetIdOf('http://127.0.0.1:4010', null, 'key_1')).not.toBe(budgetIdOf('http://127.0.0.1:4010', null, 'key_2'));
  });
});

describe('the one wait rule', () => {
  it('goes straight through while tokens remain', () => {
    expect(budgetWaitMs(known({ remaining: 3 }), NOW)).toBe(0);
  });

  it('waits Retry-After after a 429, counted from the reply', () => {
    expect(budgetWaitMs(known({ remaining: 0, retryAfterSeconds: 3 }), NOW)).toBe(3000);
    expect(budgetWaitMs(known({ remaining: 0, retryAfterSeconds: 3 }), NOW + 2500)).toBe(500);
  });

  it('waits one token interval when the bucket is empty: window / limit, from when the last token was spent', () => {
    expect(budgetWaitMs(known({ remaining: 0 }), NOW)).toBe(1000); // 60 per minute: one token a second
    expect(budgetWaitMs(known({ remaining: 0, limit: 1, windowSeconds: 4 }), NOW)).toBe(4000); // RateLimit-Policy's window
    expect(budgetWaitMs(known({ remaining: 0 }, NOW - 400), NOW)).toBe(600);
  });

  it('waits for the reset when the limit is unknown; a known interval is never cut short by a reset', () => {
    expect(budgetWaitMs(known({ remaining: 0, limit: null, resetAt: NOW + 2000 }), NOW)).toBe(2000);
    expect(budgetWaitMs(known({ remaining: 0, limit: 1, windowSeconds: 60, resetAt: NOW + 2000 }), NOW)).toBe(60_000);
    expect(budgetWaitMs(known({ remaining: 0, limit: null }), NOW)).toBe(0);
  });

  it('waits for the reset of a quota without a bucket (an exhausted daily policy); a bucket refills by the token', () => {
    const daily = { remaining: 0, limit: 1000, windowSeconds: 86_400, resetAt: NOW + 3_600_000 };
    expect(budgetWaitMs(known(daily), NOW)).toBe(3_600_000);
    expect(budgetWaitMs(known({ ...daily, burst: 2000 }), NOW)).toBe(86_400);
  });

  it('estimates a job: Retry-After, then one interval for each request beyond the tokens left', () => {
    expect(budgetEstimateMs(known({ remaining: 4, limit: 100, windowSeconds: 60 }), 10, NOW)).toBe(6 * 600);
    expect(budgetEstimateMs(known({ remaining: 4, limit: 100, windowSeconds: 60 }), 3, NOW)).toBe(0);
    expect(budgetEstimateMs(known({ remaining: 0, limit: 100, windowSeconds: 60, retryAfterSeconds: 2 }), 1, NOW)).toBe(2000 + 600);
    expect(budgetEstimateMs(known({ limit: null }), 10, NOW)).toBeNull();
  });
});
