import { maskEmail, maskName, maskPhone, maskText, type Contact, type Conversation, type ConversationDetail, type ExportKind } from '../../../src-preload/contract';
import type { ContactCard } from './contact-directory';

export const CONTACT_COLUMNS = ['id', 'name', 'email', 'phone', 'company', 'conversation_count', 'created_at', 'updated_at'] as const;
export const CONVERSATION_COLUMNS = [
  'id',
  'subject',
  'status',
  'channel',
  'contact_id',
  'contact_name',
  'contact_email',
  'assignee',
  'tags',
  'message_count',
  'created_at',
  'updated_at',
  'last_message_at',
] as const;
/** One row per message of one conversation, oldest first. */
export const THREAD_COLUMNS = [
  'conversation_id',
  'subject',
  'contact_id',
  'contact_name',
  'contact_email',
  'message_id',
  'created_at',
  'author_type',
  'author_name',
  'body',
] as const;

/** The UTF-8 byte order mark: spreadsheet programs then read the CSV as UTF-8, accents intact. */
export const UTF8_BOM = '\uFEFF';

export type ExportRow = Record<string, unknown>;

export function columnsOf(kind: ExportKind): readonly string[] {
  return kind === 'contacts' ? CONTACT_COLUMNS : kind === 'conversations' ? CONVERSATION_COLUMNS : THREAD_COLUMNS;
}

/** One CSV cell: quoted when needed; a leading = + - @ is defused so a spreadsheet never runs it. */
export function csvCell(value: unknown): string {
  let text = value === null || value === undefined ? '' : Array.isArray(value) ? value.join(';') : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvHeader(kind: ExportKind): string {
  return `${columnsOf(kind).join(',')}\r\n`;
}

export function csvRow(kind: ExportKind, row: ExportRow): string {
  return `${columnsOf(kind).map((c) => csvCell(row[c])).join(',')}\r\n`;
}

/** A contact as an export writes it: names, emails and phone numbers masked when masking is on. */
export function contactRow(contact: Contact, mask: boolean): ExportRow {
  if (!mask) return { ...contact };
  return { ...contact, name: maskName(contact.name), email: maskEmail(contact.email), phone: contact.phone === null ? null : maskPhone(contact.phone) };
}

/** A conversation with its contact's name and email (null when the contact could not be found). */
export function conversationRow(conversation: Conversation, card: ContactCard | undefined, mask: boolean): ExportRow {
  const name = card?.name ?? null;
  const email = card?.email ?? null;
  // Keys in column order, so a JSON row reads like the CSV.
  const { id, subject, status, channel, contact_id, ...rest } = conversation;
  return {
    id,
    subject: mask ? maskText(subject) : subject,
    status,
    channel,
    contact_id,
    contact_name: mask && name !== null ? maskName(name) : name,
    contact_email: mask && email !== null ? maskEmail(email) : email,
    ...rest,
  };
}

/**
 * A thread's messages, oldest first: author, time and body. Masking masks bodies (emails and phone
 * numbers in them), the contact and a customer author's name; an agent's name is the company's, kept.
 */
export function threadRows(conversation: ConversationDetail, card: ContactCard | undefined, mask: boolean): ExportRow[] {
  const name = card?.name ?? null;
  const email = card?.email ?? null;
  return conversation.messages.map((m) => ({
    conversation_id: conversation.id,
    subject: mask ? maskText(conversation.subject) : conversation.subject,
    contact_id: conversation.contact_id,
    contact_name: mask && name !== null ? maskName(name) : name,
    contact_email: mask && email !== null ? maskEmail(email) : email,
    message_id: m.id,
    created_at: m.created_at,
    author_type: m.author.type,
    author_name: mask && m.author.type === 'contact' && m.author.name !== null ? maskName(m.author.name) : m.author.name,
    body: mask ? maskText(m.body) : m.body,
  }));
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
