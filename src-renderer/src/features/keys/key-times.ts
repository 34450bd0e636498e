import type { KeyMeta } from '../../../../src-preload/contract';

/**
 * The most recent use known: here (every request this console sends) or on the server
 * (sandbox `last_used_at`, which also sees uses from elsewhere). Null when never used.
 */
export function latestUse(key: Pick<KeyMeta, 'lastUsedAt' | 'serverLastUsedAt'>): string | null {
  const candidates = [key.lastUsedAt, key.serverLastUsedAt ?? null].filter(
    (iso): iso is string => iso !== null && !Number.isNaN(Date.parse(iso)),
  );
  if (candidates.length === 0) return key.lastUsedAt;
  return candidates.reduce((a, b) => (Date.parse(b) > Date.parse(a) ? b : a));
}
