import type { KeyMeta } from '../../../../src-preload/contract';

/**
 * Keys whose name or prefix contains the query, ignoring case and surrounding spaces.
 * An empty query keeps every key; the order is unchanged.
 */
export function filterKeys<K extends Pick<KeyMeta, 'name' | 'prefix'>>(keys: readonly K[], query: string): K[] {
  const needle = query.trim().toLocaleLowerCase();
  if (needle === '') return [...keys];
  return keys.filter(
    (k) => k.name.toLocaleLowerCase().includes(needle) || k.prefix.toLocaleLowerCase().includes(needle),
  );
}
