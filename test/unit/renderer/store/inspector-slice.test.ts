import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Contact, DesktopApi } from '../../../../src-preload/contract';
import { setDesktopApiForTests } from '../../../../src-renderer/src/lib/desktop-api';
import { consoleStore, resetStore } from '../../../../src-renderer/src/store';
import { describeExport, formatEta, sideButton } from '../../../../src-renderer/src/features/inspector/inspector-format';
import { createFakeDesktopApi, makeKey } from '../fake-desktop-api';

const state = () => consoleStore.getState();
const contact: Contact = {
  id: 'ct_1', name: 'Ada Lovelace', email: 'ada@example.com', phone: null, company: null, conversation_count: 30,
  created_at: '2025-01-01T00:00:00Z', updated_at: '2025-01-01T00:00:00Z',
};
const conversation = (id: string) => ({
  id, subject: `About ${id}`, status: 'open' as const, channel: 'email', contact_id: 'ct_1', assignee: null, tags: [],
  message_count: 2, created_at: '2025-01-01T00:00:00Z', updated_at: '2025-01-01T00:00:00Z', last_message_at: '2025-01-01T00:00:00Z',
});

let calls: Array<{ op: string; arg: unknown }>;
let resolvers: Array<() => void>;

beforeEach(() => {
  const fake = createFakeDesktopApi();
  calls = [];
  resolvers = [];
  const api: DesktopApi = {
    ...fake.api,
    inspectorSearch: async (arg) => {
      calls.push({ op: 'search', arg });
      // Each search answers only when the test says so, to check that late replies are dropped.
      await new Promise<void>((r) => resolvers.push(r));
      return { ok: true, value: { contacts: [{ ...contact, name: `Result for ${arg.query}` }], hasMore: false, matchedBy: 'text' } };
    },
    inspectorConversations: async (arg) => {
      calls.push({ op: 'conversations', arg });
      return arg.cursor
        ? { ok: true, value: { conversations: [conversation('cv_3')], nextCursor: null } }
        : { ok: true, value: { conversations: [conversation('cv_1'), conversation('cv_2')], nextCursor: 'cv_2' } };
    },
    inspectorConversation: async (arg) => {
      calls.push({ op: 'conversation', arg });
      return { ok: true, value: { ...conversation(arg.conversationId), messages: [] } };
    },
  };
  setDesktopApiForTests(api);
  resetStore();
  state().setKeys([makeKey({ id: 'key_a' })]);
});

afterEach(() => setDesktopApiForTests(null));

describe('inspector slice', () => {
  it('keeps only the newest search when an older reply arrives late', async () => {
    const first = state().searchContacts('ad');
    const second = state().searchContacts('ada');
    resolvers[1]!();
    await second;
    resolvers[0]!();
    await first;
    expect(state().searchResults.map((c) => c.name)).toEqual(['Result for ada']);
    expect((calls[0]!.arg as { searchId: string }).searchId).not.toBe((calls[1]!.arg as { searchId: string }).searchId);
  });

  it('opens a contact, loads more on the cursor, opens a conversation, and moves back and forward', async () => {
    state().openContact(contact);
    await new Promise((r) => setTimeout(r, 0));
    expect(state().contactConversations.map((c) => c.id)).toEqual(['cv_1', 'cv_2']);
    expect(state().contactCursor).toBe('cv_2');
    await state().loadMoreConversations();
    expect(state().contactConversations.map((c) => c.id)).toEqual(['cv_1', 'cv_2', 'cv_3']);
    expect(state().contactCursor).toBeNull();

    state().openConversation('cv_3');
    await new Promise((r) => setTimeout(r, 0));
    expect(state().conversation?.id).toBe('cv_3');
    expect(state().views[state().viewIndex]).toMatchObject({ kind: 'conversation', conversationId: 'cv_3' });

    state().inspectorBack();
    expect(state().views[state().viewIndex]).toMatchObject({ kind: 'contact' });
    state().inspectorBack();
    expect(state().views[state().viewIndex]).toEqual({ kind: 'search' });
    state().inspectorBack();
    expect(state().viewIndex).toBe(0);
    state().inspectorForward();
    state().inspectorForward();
    expect(state().views[state().viewIndex]).toMatchObject({ kind: 'conversation' });
    expect(calls.filter((c) => c.op === 'conversations').every((c) => (c.arg as { keyId: string }).keyId === 'key_a')).toBe(true);
  });
});

describe('inspector formatting', () => {
  it('says how long is left in words', () => {
    expect(formatEta(null)).toBeNull();
    expect(formatEta(400)).toBe('less than a second left');
    expect(formatEta(12_300)).toBe('about 13 s left');
    expect(formatEta(600_000)).toBe('about 10 min left');
  });

  it('describes progress with counts', () => {
    const base = { exportId: 'e', done: 1200, total: 2000, etaMs: 5000, requests: 17, rateLimited: 0, elapsedMs: 3000, message: null, fileName: 'f.csv', downloadUrl: null, path: null };
    expect(describeExport({ ...base, state: 'running' })).toBe('1,200 of 2,000 rows · about 5 s left · 17 requests');
    expect(describeExport({ ...base, state: 'done', done: 2000 })).toBe('Done: 2,000 of 2,000 rows in 3.0 s, 17 requests, 0 rate-limited.');
    expect(describeExport({ ...base, state: 'waiting', message: 'Rate limited: waiting 2 s as the server asks.' })).toContain('waiting 2 s');
  });

  it('maps the mouse side buttons', () => {
    expect([sideButton(3), sideButton(4), sideButton(0)]).toEqual(['back', 'forward', null]);
  });
});
