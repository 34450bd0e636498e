import { describe, expect, it } from 'vitest';
import type { ApiGateway, ApiReply } from '../../../../src-main/ports';
import { InspectorService } from '../../../../src-main/services/inspector/inspector-service';

const rate = { limit: 100, remaining: 5, burst: 200, resetAt: null, retryAfterSeconds: null, workspaceId: 'ws_acme', windowSeconds: 60 };
const contact = { id: 'ct_1', object: 'contact', name: 'Ada', email: 'ada@example.com', phone: null, company: null, conversation_count: 1, created_at: 'x', updated_at: 'x' };

function gateway(reply: (path: string, query: Record<string, string>, signal?: AbortSignal) => Partial<ApiReply> | Promise<Partial<ApiReply>>) {
  const calls: Array<{ path: string; query: Record<string, string> }> = [];
  const api: ApiGateway = {
    budgetFor: async () => 'workspace:ws_acme@http://127.0.0.1:4010',
    async get(_keyId, path, query, options) {
      calls.push({ path, query });
      return { status: 200, body: '', rateLimit: rate, receivedAt: 0, budgetId: 'workspace:ws_acme@http://127.0.0.1:4010', explanation: null, ...(await reply(path, query, options?.signal)) };
    },
  };
  return { api, calls };
}

const list = (data: unknown[]) => JSON.stringify({ object: 'list', data, has_more: false, next_cursor: null });

describe('InspectorService', () => {
  it('searches by exact email when the query is an email, by substring otherwise', async () => {
    const { api, calls } = gateway(() => ({ body: list([contact]) }));
    const inspector = new InspectorService(api);
    expect((await inspector.search('k', 'ada@example.com')).matchedBy).toBe('email');
    expect((await inspector.search('k', 'ad')).matchedBy).toBe('text');
    expect(calls.map((c) => c.query)).toEqual([
      { email: 'ada@example.com', limit: '20' },
      { q: 'ad', limit: '20' },
    ]);
  });

  it('cancels a search that a newer one supersedes', async () => {
    const signals: AbortSignal[] = [];
    const { api } = gateway(async (_p, query, signal) => {
      signals.push(signal!);
      if (query.q === 'a') await new Promise((r) => setTimeout(r, 30));
      return { body: list([contact]) };
    });
    const inspector = new InspectorService(api);
    const first = inspector.search('k', 'a', 's1');
    await inspector.search('k', 'ad', 's2');
    expect(signals[0]!.aborted).toBe(true);
    expect(signals[1]!.aborted).toBe(false);
    await first;
  });

  it('explains 401, 403 and 429 in the request builder’s words', async () => {
    const err = (code: string) => JSON.stringify({ error: { type: 't', code, message: 'm', param: null, request_id: 'r' } });
    const cases: Array<[number, string, string, string]> = [
      [401, 'revoked_api_key', 'api_error', 'Create a new key'],
      [403, 'plan_not_eligible', 'api_error', 'Growth plan'],
      [429, 'rate_limited', 'rate_limited', 'Retry in 7 s'],
    ];
    for (const [status, code, appCode, words] of cases) {
      const { api } = gateway(() => ({
        status,
        body: err(code),
        explanation: status === 429 ? 'Too many requests.' : code === 'revoked_api_key' ? 'Create a new key there.' : 'Growth plan or above.',
        rateLimit: { ...rate, retryAfterSeconds: status === 429 ? 7 : null },
      }));
      await expect(new InspectorService(api).conversation('k', 'cv_1')).rejects.toMatchObject({ code: appCode, message: expect.stringContaining(words) });
    }
  });

  it('refuses a reply that does not have the documented shape', async () => {
    const { api } = gateway(() => ({ body: JSON.stringify({ object: 'list', data: [{ id: 1 }] }) }));
    await expect(new InspectorService(api).search('k', 'ad')).rejects.toMatchObject({ code: 'api_error' });
  });
});
