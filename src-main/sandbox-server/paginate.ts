/** Cursor pagination over an already ordered list (newest first). */
export interface Page<T> {
  data: T[];
  hasMore: boolean;
}

export type PageResult<T> = { ok: true; page: Page<T> } | { ok: false; reason: 'unknown_cursor' };

/**
 * The cursor is a position in the full ordered list, so a cursor taken from a filtered page
 * still resumes exactly after that item — no gaps or repeats while the data does not change.
 */
export function paginate<T extends { id: string }>(
  ordered: readonly T[],
  matches: (item: T) => boolean,
  startingAfter: string | undefined,
  limit: number,
): PageResult<T> {
  let start = 0;
  if (startingAfter !== undefined) {
    const index = ordered.findIndex((item) => item.id === startingAfter);
    if (index === -1) return { ok: false, reason: 'unknown_cursor' };
    start = index + 1;
  }
  const data: T[] = [];
  for (let i = start; i < ordered.length; i++) {
    const item = ordered[i] as T;
    if (!matches(item)) continue;
    // One extra match is enough to know there is another page.
    if (data.length === limit) return { ok: true, page: { data, hasMore: true } };
    data.push(item);
  }
  return { ok: true, page: { data, hasMore: false } };
}
