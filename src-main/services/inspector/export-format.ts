import type { Contact, Conversation, ExportKind } from '../../../src-preload/contract';

export const CONTACT_COLUMNS = ['id', 'name', 'email', 'phone', 'company', 'conversation_count', 'created_at', 'updated_at'] as const;
export const CONVERSATION_COLUMNS = [
  'id',
  'subject',
  'status',
  'channel',
  'contact_id',
  'assignee',
  'tags',
  'message_count',
  'created_at',
  'updated_at',
  'last_message_at',
] as const;

/** One CSV cell: quoted when needed; a leading = + - @ is defused so a spreadsheet never runs it. */
export function csvCell(value: unknown): string {
  let text = value === null || value === undefined ? '' : Array.isArray(value) ? value.join(';') : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvHeader(kind: ExportKind): string {
  return `${(kind === 'contacts' ? CONTACT_COLUMNS : CONVERSATION_COLUMNS).join(',')}\r\n`;
}

export function csvRow(kind: ExportKind, row: Contact | Conversation): string {
  const columns: readonly string[] = kind === 'contacts' ? CONTACT_COLUMNS : CONVERSATION_COLUMNS;
  const record = row as unknown as Record<string, unknown>;
  return `${columns.map((c) => csvCell(record[c])).join(',')}\r\n`;
}

/** JSON export is one array, streamed: `[`, rows separated by commas, `]`. */
export function jsonRow(row: unknown, first: boolean): string {
  return `${first ? '' : ',\n'}  ${JSON.stringify(row)}`;
}

/** Columns of a list of any objects (a merged page walk): every top-level field, in order of first appearance. */
export function csvColumnsOf(rows: readonly unknown[]): string[] {
  const columns = new Set<string>();
  for (const row of rows) if (typeof row === 'object' && row !== null && !Array.isArray(row)) for (const k of Object.keys(row)) columns.add(k);
  return [...columns];
}

/** One row of any object under `columns`: nested objects as JSON text, so no field is lost. */
export function csvRecordRow(columns: readonly string[], row: unknown): string {
  const record = typeof row === 'object' && row !== null ? (row as Record<string, unknown>) : {};
  const cell = (v: unknown) => csvCell(typeof v === 'object' && v !== null && !(Array.isArray(v) && v.every((x) => typeof x !== 'object')) ? JSON.stringify(v) : v);
  return `${columns.map((c) => cell(record[c])).join(',')}\r\n`;
}
