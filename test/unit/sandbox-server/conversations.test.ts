import { describe, expect, it } from 'vitest';
import { ACME_CONVERSATION_COUNT, generateSeed } from '../../../src-main/sandbox-server/seed/seed';
import { NO_RATE_LIMIT, createKey, createTestApp, expectError, listConversations } from './helpers';

interface ListBody {
  object: string;
  data: Array<{ id: string; status: string; contact_id: string; created_at: string }>;
  has_more: boolean;
  next_cursor: string | null;
}

async function setup() {
  // Paging 2,000 conversations takes more requests than the burst; the limiter is tested elsewhere.
  const { app } = createTestApp({ rateLimit: NO_RATE_LIMIT });
  const { secret } = await createKey(app);
  const list = async (query = ''): Promise<ListBody> => {
    const res = await listConversations(app, secret, query);
    expect(res.statusCode).toBe(200);
    return res.json() as ListBody;
  };
  /** Follows next_cursor to the end. */
  const all = async (params: Record<string, string>): Promise<ListBody['data']> => {
    const items: ListBody['data'] = [];
    let cursor: string | null = null;
    for (let pages = 0; pages < 1000; pages++) {
      const query = new URLSearchParams(params);
      if (cursor) query.set('starting_after', cursor);
      const page = await list(`?${query}`);
      items.push(...page.data);
      if (!page.has_more) {
        expect(page.next_cursor).toBeNull();
        return items;
      }
      expect(page.next_cursor).toBe(page.data.at(-1)?.id);
      cursor = page.next_cursor;
    }
    throw new Error('pagination did not end');
  };
  return { app, secret, list, all };
}

describe('GET /v1/conversations', () => {
  it('returns a list envelope with 25 items by default', async () => {
    const { list } = await setup();
    const page = await list();
    expect(page.object).toBe('list');
    expect(page.data).toHaveLength(25);
    expect(page.has_more).toBe(true);
  });

  it('pages through every seeded conversation newest first, with no gaps or repeats', async () => {
    const { all, list } = await setup();
    const items = await all({ limit: '7' });
    expect(items).toHaveLength(ACME_CONVERSATION_COUNT);
    expect(new Set(items.map((c) => c.id)).size).toBe(ACME_CONVERSATION_COUNT);
    for (let i = 1; i < items.length; i++) {
      expect(items[i - 1]!.created_at >= items[i]!.created_at).toBe(true);
    }
    // Same order as one big page: paging neither skips nor reorders.
    const first = await list('?limit=100');
    expect(items.slice(0, 100).map((c) => c.id)).toEqual(first.data.map((c) => c.id));
  });

  it('filters by status, and the statuses together cover the whole list', async () => {
    const { all } = await setup();
    let total = 0;
    for (const status of ['open', 'pending', 'closed']) {
      const items = await all({ status, limit: '13' });
      expect(items.every((c) => c.status === status)).toBe(true);
      total += items.length;
    }
    expect(total).toBe(ACME_CONVERSATION_COUNT);
  });

  it('filters by contact_id', async () => {
    const { all } = await setup();
    const everything = await all({ limit: '100' });
    const contactId = everything[0]!.contact_id;
    const expected = everything.filter((c) => c.contact_id === contactId).map((c) => c.id);
    const items = await all({ contact_id: contactId, limit: '1' });
    expect(items.map((c) => c.id)).toEqual(expected);
  });

  it('returns an empty list for an unknown contact', async () => {
    const { list } = await setup();
    const page = await list('?contact_id=ct_doesnotexist');
    expect(page).toEqual({ object: 'list', data: [], has_more: false, next_cursor: null });
  });

  it.each(['0', '101', '-1', 'abc', '2.5', '', '1e2'])('rejects limit=%s with 400 param "limit"', async (limit) => {
    const { app, secret } = await setup();
    const res = await listConversations(app, secret, `?limit=${encodeURIComponent(limit)}`);
    expectError(res, 400, 'invalid_request', 'invalid_request', 'limit');
  });

  it('rejects a repeated limit parameter', async () => {
    const { app, secret } = await setup();
    expectError(await listConversations(app, secret, '?limit=5&limit=6'), 400, 'invalid_request', 'invalid_request', 'limit');
  });

  it.each(['1', '100'])('accepts limit=%s', async (limit) => {
    const { list } = await setup();
    expect((await list(`?limit=${limit}`)).data).toHaveLength(Number(limit));
  });

  it('rejects an unknown status and an unknown cursor, naming the parameter', async () => {
    const { app, secret } = await setup();
    expectError(await listConversations(app, secret, '?status=archived'), 400, 'invalid_request', 'invalid_request', 'status');
    expectError(
      await listConversations(app, secret, '?starting_after=cv_nope'),
      400,
      'invalid_request',
      'invalid_request',
      'starting_after',
    );
  });

  it('rejects a cursor that belongs to another workspace', async () => {
    const { app, secret } = await setup();
    const tiny = generateSeed().find((s) => s.workspace.id === 'ws_tiny');
    const foreign = tiny?.conversations[0]?.id;
    expect(foreign).toMatch(/^cv_/);
    const res = await listConversations(app, secret, `?starting_after=${foreign}`);
    expectError(res, 400, 'invalid_request', 'invalid_request', 'starting_after');
  });
});
