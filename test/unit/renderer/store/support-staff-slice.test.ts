import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Contact, ContactScanProgress, DesktopApi, TimelineProgress } from '../../../../src-preload/contract';
import { setDesktopApiForTests } from '../../../../src-renderer/src/lib/desktop-api';
import { consoleStore, resetStore } from '../../../../src-renderer/src/store';
import { idKind } from '../../../../src-renderer/src/store/inspector-slice';
import { createFakeDesktopApi, makeKey } from '../fake-desktop-api';

const state = () => consoleStore.getState();
const contact: Contact = { id: 'ct_9', name: 'Ada Lovelace', email: 'ada@example.com', phone: '+15550100', company: 'Acme', conversation_count: 1, created_at: 'x', updated_at: 'x' };
const detail = { id: 'cv_7', subject: 'Hi', status: 'open' as const, channel: 'email', contact_id: 'ct_9', assignee: null, tags: [], message_count: 0, created_at: 'x', updated_at: 'x', last_message_at: null, messages: [] };
const scan = (patch: Partial<ContactScanProgress>): ContactScanProgress => ({ scanId: 'scan_1', by: 'id', state: 'running', scanned: 0, total: null, matches: [], matchesCapped: false, requests: 0, rateLimited: 0, message: null, ...patch });
const tick = () => new Promise((r) => setTimeout(r, 0));

let calls: Array<{ op: string; arg: unknown }>;

beforeEach(() => {
  const fake = createFakeDesktopApi();
  calls = [];
  const api: DesktopApi = {
    ...fake.api,
    inspectorScanStart: async (arg) => (calls.push({ op: 'scanStart', arg }), { ok: true, value: { scanId: 'scan_1' } }),
    inspectorScanCancel: async (arg) => (calls.push({ op: 'scanCancel', arg }), { ok: true, value: { cancelled: true } }),
    inspectorConversation: async (arg) => (calls.push({ op: 'conversation', arg }), { ok: true, value: detail }),
    inspectorConversations: async () => ({ ok: true, value: { conversations: [], nextCursor: null } }),
    inspectorTimelineOpen: async (arg) => (calls.push({ op: 'timelineOpen', arg }), { ok: true, value: { timelineId: 'tl_1' } }),
    inspectorTimelineMore: async (arg) => (calls.push({ op: 'timelineMore', arg }), { ok: true, value: { resumed: true } }),
    inspectorTimelineClose: async (arg) => (calls.push({ op: 'timelineClose', arg }), { ok: true, value: { closed: true } }),
    inspectorSearch: async (arg) => (calls.push({ op: 'search', arg }), { ok: true, value: { contacts: [], hasMore: false, matchedBy: 'text' } }),
  };
  setDesktopApiForTests(api);
  resetStore();
  state().setKeys([makeKey({ id: 'key_a' })]);
});
afterEach(() => setDesktopApiForTests(null));

describe('Find by id, company and phone', () => {
  it('knows an id when it sees one', () => {
    expect([idKind('ct_abc'), idKind(' cv_X-1 '), idKind('ct_'), idKind('ada')]).toEqual(['contact', 'conversation', null, null]);
  });

  it('a typed id spends nothing until Enter; then a contact id is scanned for and opened when found', async () => {
    await state().searchContacts('ct_9');
    expect(calls).toEqual([]);
    await state().submitSearch('ct_9');
    expect(calls).toEqual([{ op: 'scanStart', arg: { keyId: 'key_a', by: 'id', value: 'ct_9' } }]);
    state().setScanProgress(scan({ state: 'done', scanned: 100, matches: [contact] }));
    expect(state().views[state().viewIndex]).toEqual({ kind: 'contact', contact });
  });

  it('a conversation id opens the conversation; its contact, found by a scan, goes in before it so Back reaches it', async () => {
    await state().submitSearch('cv_7');
    await tick();
    expect(state().conversation?.id).toBe('cv_7');
    expect(calls.find((c) => c.op === 'scanStart')?.arg).toEqual({ keyId: 'key_a', by: 'id', value: 'ct_9' });
    await tick();
    state().setScanProgress(scan({ state: 'done', scanned: 100, matches: [contact] }));
    expect(state().views.map((v) => v.kind)).toEqual(['search', 'contact', 'conversation']);
    expect(state().views[state().viewIndex]).toMatchObject({ kind: 'conversation', contact });
    state().inspectorBack();
    expect(state().views[state().viewIndex]).toEqual({ kind: 'contact', contact });
  });

  it('company scans start on Enter and show their matches; changing what to find by cancels a running scan', async () => {
    state().setSearchBy('company');
    await state().searchContacts('acme');
    expect(calls).toEqual([]);
    await state().submitSearch('acme');
    state().setScanProgress(scan({ by: 'company', scanned: 100, matches: [contact] }));
    expect(state().scanProgress?.matches).toEqual([contact]);
    state().setSearchBy('phone');
    expect(calls.at(-1)).toEqual({ op: 'scanCancel', arg: { scanId: 'scan_1' } });
  });
});

describe('Timeline', () => {
  const progress = (patch: Partial<TimelineProgress>): TimelineProgress => ({ timelineId: 'tl_1', contactId: 'ct_9', state: 'loading', added: [], loaded: 0, listed: 0, listComplete: false, hasMore: true, requests: 0, rateLimited: 0, message: null, ...patch });

  it('opens with the contact, adds conversations as they arrive, asks for more once when paused, and closes back at the search', async () => {
    state().openContact(contact);
    await tick();
    expect(calls.find((c) => c.op === 'timelineOpen')?.arg).toEqual({ keyId: 'key_a', contactId: 'ct_9', window: 20 });
    state().applyTimelineProgress(progress({ added: [detail], loaded: 1 }));
    state().applyTimelineProgress(progress({ timelineId: 'tl_other', added: [{ ...detail, id: 'cv_x' }] }));
    expect(state().timelineConversations.map((c) => c.id)).toEqual(['cv_7']);
    state().applyTimelineProgress(progress({ state: 'paused', loaded: 1 }));
    await Promise.all([state().moreTimeline(), state().moreTimeline()]);
    expect(calls.filter((c) => c.op === 'timelineMore')).toHaveLength(1);
    // Reading one of its conversations keeps the timeline; the search closes it.
    state().openConversation('cv_7');
    await tick();
    expect(state().timelineId).toBe('tl_1');
    state().inspectorBack();
    state().inspectorBack();
    await tick();
    expect(calls.at(-1)).toEqual({ op: 'timelineClose', arg: { timelineId: 'tl_1' } });
    expect(state().timelineConversations).toEqual([]);
  });
});
