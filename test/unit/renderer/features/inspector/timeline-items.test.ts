import { describe, expect, it } from 'vitest';
import type { ConversationDetail } from '../../../../../src-preload/contract';
import { facets, filterTimeline, formatDateTime, NO_FILTER, timelineItems } from '../../../../../src-renderer/src/features/inspector/timeline-items';
import { describeScan } from '../../../../../src-renderer/src/features/inspector/inspector-format';

const conv = (id: string, created: string, extra: Partial<ConversationDetail> = {}, messages: Array<[string, string, string]> = []): ConversationDetail => ({
  id, subject: `About ${id}`, status: 'open', channel: 'email', contact_id: 'ct_1', assignee: null, tags: [], message_count: messages.length,
  created_at: created, updated_at: created, last_message_at: null,
  messages: messages.map(([mid, at, body]) => ({ id: mid, conversation_id: id, author: { type: 'contact', id: 'ct_1', name: 'Ada' }, body, created_at: at })),
  ...extra,
});

const a = conv('cv_a', '2026-03-01T10:00:00Z', { tags: ['refund'], channel: 'chat' }, [['m1', '2026-03-01T10:00:00Z', 'first'], ['m2', '2026-03-05T09:00:00Z', 'later reply']]);
const b = conv('cv_b', '2026-03-03T12:00:00Z', { status: 'closed' }, [['m3', '2026-03-03T12:00:00Z', 'hello there']]);

describe('timeline items', () => {
  it('merges conversations and messages into one list, newest first, a message before its conversation start at the same time', () => {
    expect(timelineItems([a, b]).map((i) => i.key)).toEqual(['m2', 'm3', 'cv_b', 'm1', 'cv_a']);
  });

  it('filters by text, status, channel, tag and an inclusive date range', () => {
    const items = timelineItems([a, b]);
    expect(filterTimeline(items, { ...NO_FILTER, text: 'LATER' }).map((i) => i.key)).toEqual(['m2']);
    expect(filterTimeline(items, { ...NO_FILTER, status: 'closed' }).map((i) => i.key)).toEqual(['m3', 'cv_b']);
    expect(filterTimeline(items, { ...NO_FILTER, channel: 'chat', tag: 'refund' }).map((i) => i.key)).toEqual(['m2', 'm1', 'cv_a']);
    expect(filterTimeline(items, { ...NO_FILTER, from: '2026-03-02', to: '2026-03-03' }).map((i) => i.key)).toEqual(['m3', 'cv_b']);
    expect(facets([a, b])).toEqual({ channels: ['chat', 'email'], tags: ['refund'] });
  });

  it('writes dates with their time and the time zone', () => {
    expect(formatDateTime('2026-12-01T14:41:00Z', 'UTC')).toBe('1 Dec 2026, 14:41 UTC');
    expect(formatDateTime('2026-12-01T14:41:00Z', 'Europe/Berlin')).toBe('1 Dec 2026, 15:41 CET');
    expect(formatDateTime('not a date')).toBe('not a date');
  });
});

describe('scan words', () => {
  const base = { scanId: 'scan_1', by: 'company' as const, total: null, matches: [], matchesCapped: false, requests: 1, rateLimited: 0, message: null };
  it('says "so far" until the last page gives the total, and never passes a stopped scan off as complete', () => {
    expect(describeScan({ ...base, state: 'running', scanned: 200 }, null)).toBe('Scanned 200 contacts so far (total unknown until the last page) · 0 matches.');
    expect(describeScan({ ...base, state: 'done', scanned: 500, total: 500 }, null)).toBe('Scanned all 500 of 500 contacts: 0 matches.');
    expect(describeScan({ ...base, state: 'cancelled', scanned: 100, message: 'Scan cancelled after 100 contacts: the matches shown are from those only.' }, null)).toMatch(/from those only/);
    expect(describeScan({ ...base, by: 'id', state: 'done', scanned: 500, total: 500 }, 'ct_x')).toBe('No contact ct_x in this workspace: scanned all 500 contacts.');
  });
});
