import type { AccessLogEntry } from '../../../../src-preload/contract';

const ACTIONS: Record<AccessLogEntry['action'], string> = {
  'contact.opened': 'Contact opened',
  'conversation.opened': 'Conversation opened',
  'export.started': 'Export started',
  'export.finished': 'Export finished',
  'export.cancelled': 'Export cancelled',
  'export.failed': 'Export failed',
};

export function accessActionLabel(action: AccessLogEntry['action']): string {
  return ACTIONS[action] ?? action;
}

/** What an entry is about, in one line: ids, the export's kind and format, rows, masked. */
export function accessTargetText(entry: AccessLogEntry): string {
  const t = entry.target;
  const parts: string[] = [];
  if (t.exportKind) parts.push(t.exportKind === 'thread' ? 'thread' : t.exportKind);
  if (t.format) parts.push(t.format.toUpperCase());
  if (t.conversationId) parts.push(t.conversationId);
  if (t.contactId) parts.push(entry.action === 'conversation.opened' ? `of ${t.contactId}` : t.contactId);
  if (t.status) parts.push(`status ${t.status}`);
  if (t.rows !== undefined) parts.push(`${t.rows.toLocaleString('en')} row${t.rows === 1 ? '' : 's'}`);
  if (t.masked) parts.push('masked');
  if (t.exportId) parts.push(t.exportId);
  return parts.join(' · ');
}

/** A log time as the user reads it, with the time zone. */
export function accessTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'long' });
}
