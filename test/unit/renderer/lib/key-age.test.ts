import { describe, expect, it } from 'vitest';
import { keyAgeDays, keyAgeWords, rotationDue } from '../../../../src-renderer/src/lib/key-age';

const now = Date.parse('2026-12-01T12:00:00Z');

describe('key age and rotation reminders', () => {
  it('counts whole days since Created, in words', () => {
    expect(keyAgeDays('2026-12-01T08:00:00Z', now)).toBe(0);
    expect(keyAgeDays('2026-11-30T11:00:00Z', now)).toBe(1);
    expect(keyAgeDays('2026-09-02T12:00:00Z', now)).toBe(90);
    expect(keyAgeDays('garbage', now)).toBeNull();
    expect([0, 1, 90, null].map((d) => keyAgeWords(d))).toEqual(['today', '1 day', '90 days', 'age unknown']);
  });

  it('is due once the key is as old as the reminder, never without one or for a revoked key', () => {
    const key = { createdAt: '2026-09-02T12:00:00Z', status: 'active' as const };
    expect(rotationDue({ ...key, rotationReminderDays: 90 }, now)).toBe(true);
    expect(rotationDue({ ...key, rotationReminderDays: 91 }, now)).toBe(false);
    expect(rotationDue({ ...key, rotationReminderDays: null }, now)).toBe(false);
    expect(rotationDue({ ...key, status: 'revoked', rotationReminderDays: 30 }, now)).toBe(false);
  });
});
