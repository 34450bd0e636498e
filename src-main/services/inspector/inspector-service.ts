import { z } from 'zod';
import {
  ContactSchema,
  ConversationDetailSchema,
  ConversationSchema,
  type ConversationDetail,
  type ConversationPage,
  type InspectorSearchResult,
} from '../../../src-preload/contract';
import type { ApiGateway, ApiReply } from '../../ports';
import type { AccessRecord } from '../access-log/access-log-service';
import type { BudgetPacer } from '../rate-limit/budget-pacer';
import type { ContactDirectory } from './contact-directory';
import { PacedReader } from './paced-reader';
import { readReply } from './read-reply';

const SEARCH_LIMIT = 20;
const PAGE_LIMIT = 25;
/** Looks like an email: search by exact email rather than by substring. */
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

const listOf = <T extends z.ZodType>(item: T) =>
  z.object({ object: z.literal('list'), data: z.array(item), has_more: z.boolean(), next_cursor: z.string().nullable() });

/** The support staff's read-only view: find a contact, list its conversations, read one. */
export class InspectorService {
  private readonly searches = new Map<string, AbortController>();

  /**
   * `seen`: the access log (each contact and conversation opened) and what searches found, to name
   * export rows. `pacer`: the one pacer of paced jobs; with it, a look-up waits for its token rather
   * than meeting the 429 a Timeline or a scan reading in the background would otherwise cause.
   */
  constructor(
    private readonly api: ApiGateway,
    private readonly seen: { access?: { record(record: AccessRecord): void }; contacts?: ContactDirectory } = {},
    private readonly pacer?: BudgetPacer,
  ) {}

  private get(keyId: string, path: string, query: Record<string, string>, signal?: AbortSignal): Promise<ApiReply> {
    if (!this.pacer) return this.api.get(keyId, path, query, signal ? { signal } : {});
    return new PacedReader({ api: this.api, pacer: this.pacer, now: () => Date.now() }, keyId, signal ?? new AbortController().signal).get(path, query);
  }

  async search(keyId: string, query: string, searchId?: string, cursor?: string): Promise<InspectorSearchResult> {
    // A newer search from the same box supersedes this one: its request is cancelled.
    const controller = new AbortController();
    if (searchId) {
      for (const [id, c] of this.searches) if (id !== searchId) c.abort();
      this.searches.clear();
      this.searches.set(searchId, controller);
    }
    try {
      const byEmail = EMAIL.test(query);
      const reply = await this.get(
        keyId,
        '/v1/contacts',
        { [byEmail ? 'email' : 'q']: query, limit: String(SEARCH_LIMIT), ...(cursor ? { starting_after: cursor } : {}) },
        controller.signal,
      );
      const list = readReply(reply, listOf(ContactSchema));
      this.seen.contacts?.remember(list.data);
      return { contacts: list.data, hasMore: list.has_more, matchedBy: byEmail ? 'email' : 'text', nextCursor: list.has_more ? list.next_cursor : null };
    } finally {
      if (searchId && this.searches.get(searchId) === controller) this.searches.delete(searchId);
    }
  }

  async conversations(keyId: string, contactId: string, cursor?: string): Promise<ConversationPage> {
    const query: Record<string, string> = { contact_id: contactId, limit: String(PAGE_LIMIT) };
    if (cursor) query.starting_after = cursor;
    const list = readReply(await this.get(keyId, '/v1/conversations', query), listOf(ConversationSchema));
    // The first page is the contact being opened; Load more is the same look.
    if (!cursor) this.seen.access?.record({ action: 'contact.opened', keyId, target: { contactId } });
    return { conversations: list.data, nextCursor: list.has_more ? list.next_cursor : null };
  }

  async conversation(keyId: string, conversationId: string): Promise<ConversationDetail> {
    const reply = await this.get(keyId, `/v1/conversations/${encodeURIComponent(conversationId)}`, {});
    const conversation = readReply(reply, ConversationDetailSchema);
    this.seen.access?.record({ action: 'conversation.opened', keyId, target: { conversationId, contactId: conversation.contact_id } });
    return conversation;
  }
}
