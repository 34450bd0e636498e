/** Cursor pagination: one page of an ordered list (newest first). */
export interface Page<T> {
  data: T[];
  hasMore: boolean;
}

export type PageResult<T> = { ok: true; page: Page<T> } | { ok: false; reason: 'unknown_cursor' };
