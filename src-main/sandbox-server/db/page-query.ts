import type { Database, Statement } from 'better-sqlite3';
import type { PageResult } from './paginate';
import type { ReadCache } from './read-cache';

/** One `AND` condition of a list query: SQL with `?` placeholders and their values. */
export interface Condition {
  sql: string;
  params: unknown[];
}

export interface PageRequest {
  workspaceId: string;
  conditions: Condition[];
  startingAfter: string | undefined;
  limit: number;
}

/**
 * Keyset pagination, newest first, over a table with `workspace_id`, `created_ms` and `seq`.
 * The cursor is an item id; the page resumes strictly after that item's (created_ms, seq), so a
 * cursor from a filtered page still works and inserts never shift a page (no gaps or repeats).
 */
export class PageQuery<Row> {
  private readonly statements = new Map<string, Statement>();
  private readonly cursor: Statement;

  constructor(
    private readonly db: Database,
    private readonly table: 'contacts' | 'conversations',
    private readonly cache: ReadCache,
  ) {
    this.cursor = db.prepare(`SELECT created_ms, seq FROM ${table} WHERE id = ? AND workspace_id = ?`);
  }

  run<T>(request: PageRequest, map: (row: Row) => T): PageResult<T> {
    const key = JSON.stringify([this.table, request]);
    return this.cache.get(key, () => this.query(request, map));
  }

  private query<T>(request: PageRequest, map: (row: Row) => T): PageResult<T> {
    const where = ['workspace_id = ?', ...request.conditions.map((c) => c.sql)];
    const params: unknown[] = [request.workspaceId, ...request.conditions.flatMap((c) => c.params)];
    if (request.startingAfter !== undefined) {
      const at = this.cursor.get(request.startingAfter, request.workspaceId) as
        | { created_ms: number; seq: number }
        | undefined;
      if (!at) return { ok: false, reason: 'unknown_cursor' };
      where.push('(created_ms < ? OR (created_ms = ? AND seq < ?))');
      params.push(at.created_ms, at.created_ms, at.seq);
    }
    const sql = `SELECT * FROM ${this.table} WHERE ${where.join(' AND ')} ORDER BY created_ms DESC, seq DESC LIMIT ?`;
    // A handful of filter combinations exist, so each prepared statement is built once.
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    // One extra row tells whether another page exists.
    const rows = statement.all(...params, request.limit + 1) as Row[];
    const hasMore = rows.length > request.limit;
    return { ok: true, page: { data: rows.slice(0, request.limit).map(map), hasMore } };
  }
}
