import type { KeyMeta } from '../../../src-preload/contract';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Whole days since the key was created (0 on its first day); null for a date that does not parse. */
export function keyAgeDays(createdAt: string, now: number): number | null {
  const created = Date.parse(createdAt);
  if (Number.isNaN(created)) return null;
  return Math.max(0, Math.floor((now - created) / DAY_MS));
}

/** "today", "1 day", "45 days": how old a key is, in words. */
export function keyAgeWords(days: number | null): string {
  if (days === null) return 'age unknown';
  if (days === 0) return 'today';
  return days === 1 ? '1 day' : `${days} days`;
}

/** A reminder is set and the key is at least that many days old (a revoked key needs no rotation). */
export function rotationDue(key: Pick<KeyMeta, 'createdAt' | 'rotationReminderDays' | 'status'>, now: number): boolean {
  const after = key.rotationReminderDays;
  if (after === null || after === undefined || key.status === 'revoked') return false;
  const age = keyAgeDays(key.createdAt, now);
  return age !== null && age >= after;
}
