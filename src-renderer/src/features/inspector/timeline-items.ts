import type { ConversationDetail, ConversationStatus, Message } from '../../../../src-preload/contract';

/** One line of a contact's Timeline: a conversation starting, or one of its messages. */
export type TimelineItem =
  | { kind: 'conversation'; key: string; at: string; conversation: ConversationDetail }
  | { kind: 'message'; key: string; at: string; conversation: ConversationDetail; message: Message };

export interface TimelineFilter {
  text: string;
  status: ConversationStatus | '';
  channel: string;
  tag: string;
  /** `YYYY-MM-DD` in the viewer's time zone, inclusive; '' for open-ended. */
  from: string;
  to: string;
}

export const NO_FILTER: TimelineFilter = { text: '', status: '', channel: '', tag: '', from: '', to: '' };

/** The conversations' starts and messages in one list, newest first (ties: the later id last read first). */
export function timelineItems(conversations: readonly ConversationDetail[]): TimelineItem[] {
  const items: TimelineItem[] = [];
  for (const c of conversations) {
    items.push({ kind: 'conversation', key: c.id, at: c.created_at, conversation: c });
    for (const m of c.messages) items.push({ kind: 'message', key: m.id, at: m.created_at, conversation: c, message: m });
  }
  // RFC 3339 UTC strings of the same shape sort as text; Date.parse keeps other offsets right.
  return items.sort((a, b) => Date.parse(b.at) - Date.parse(a.at) || (a.kind === b.kind ? 0 : a.kind === 'message' ? -1 : 1));
}

/** Midnight at the start of a `YYYY-MM-DD` day in the viewer's time zone (epoch ms). */
function dayStart(day: string): number {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(y!, m! - 1, d!).getTime();
}

/** Items that pass the filters: conversation facets apply to the conversation's messages too. */
export function filterTimeline(items: readonly TimelineItem[], f: TimelineFilter): TimelineItem[] {
  const text = f.text.trim().toLocaleLowerCase('en');
  const from = f.from ? dayStart(f.from) : -Infinity;
  const to = f.to ? dayStart(f.to) + 24 * 3600 * 1000 : Infinity;
  return items.filter((item) => {
    const c = item.conversation;
    if (f.status && c.status !== f.status) return false;
    if (f.channel && c.channel !== f.channel) return false;
    if (f.tag && !c.tags.includes(f.tag)) return false;
    const at = Date.parse(item.at);
    if (at < from || at >= to) return false;
    if (!text) return true;
    const haystack = item.kind === 'message' ? `${item.message.body} ${item.message.author.name ?? ''} ${c.subject}` : `${c.subject} ${c.tags.join(' ')}`;
    return haystack.toLocaleLowerCase('en').includes(text);
  });
}

/** The channels and tags seen so far, for the filters' options. */
export function facets(conversations: readonly ConversationDetail[]): { channels: string[]; tags: string[] } {
  const channels = new Set<string>();
  const tags = new Set<string>();
  for (const c of conversations) {
    channels.add(c.channel);
    for (const t of c.tags) tags.add(t);
  }
  return { channels: [...channels].sort(), tags: [...tags].sort() };
}

/** "1 Dec 2026, 14:41 UTC": date, time and the time zone it is in (the viewer's). */
export function formatDateTime(iso: string, timeZone?: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  // Not dateStyle/timeStyle: those cannot be combined with timeZoneName (a RangeError).
  return new Intl.DateTimeFormat('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZoneName: 'short',
    ...(timeZone ? { timeZone } : {}),
  }).format(date);
}
