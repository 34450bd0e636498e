import { describe, expect, it } from 'vitest';
import type { CatalogEntry, ResponseView, SendRequestInput } from '../../../src-preload/contract';
import { keyChooser } from '../../../src-main/cli/key-choice';
import { KeyUnavailable, MAX_RETRY_AFTER_SECONDS, runCollection, type RunnerDeps } from '../../../src-main/cli/run-collection';
import { AppFailure } from '../../../src-main/lib/errors';
import type { RequestFile } from '../../../src-main/helplane/collection/model';
import type { KeyRecord } from '../../../src-main/ports';
import { buildTree } from '../../../src-main/services/collections/collection-tree';
import { BudgetPacer } from '../../../src-main/services/rate-limit/budget-pacer';

/** The runner with a scripted server and a fake clock: what it sends, and how long it waits. */
const KEY: KeyRecord = { id: 'k1', name: 'Sandbox demo', environment: 'sandbox', baseUrl: null, prefix: 'hl_test_x', createdAt: '', lastUsedAt: null, status: 'active', workspaceId: null };

function view(status: number, over: Partial<ResponseView['rateLimit']> = {}, body = '{"id":"ct_1"}'): ResponseView {
  return {
    status, statusText: '', headers: [{ name: 'content-type', value: 'application/json' }], body, bodyTruncated: false, sizeBytes: body.length, durationMs: 3, url: 'http://127.0.0.1/x',
    rateLimit: { limit: 100, remaining: 50, burst: 100, resetAt: null, retryAfterSeconds: null, workspaceId: 'ws_acme', windowSeconds: 60, ...over },
  };
}

function rig(replies: Array<ResponseView | Error>) {
  let now = 1_000_000;
  const sent: SendRequestInput[] = [];
  const slept: number[] = [];
  const sleep = async (ms: number) => {
    slept.push(ms);
    now += ms;
  };
  const deps: RunnerDeps = {
    send: async (input) => {
      sent.push(input);
      const next = replies.shift();
      if (!next) throw new Error('no more replies');
      if (next instanceof Error) throw next;
      return next;
    },
    largeBody: () => '',
    originFor: async () => 'http://127.0.0.1:1',
    budgetFor: async () => 'key:k1@http://127.0.0.1:1',
    pacer: new BudgetPacer({ now: () => now, sleep }),
    catalog: [{ id: 'getConversation', method: 'GET', path: '/v1/conversations/{conversation_id}' } as CatalogEntry],
    now: () => now,
    sleep,
  };
  return { deps, sent, slept };
}

const req = (name: string, order: number, over: Partial<RequestFile> = {}): RequestFile => ({ name, order, method: 'GET', path: '/v1/contacts', params: [], query: [], headers: [], captures: [], tests: [{ status: 200 }], ...over });

function input(requests: RequestFile[], variables: Array<{ name: string; value: string }> = []) {
  const files = requests.map((r, i) => ({ path: `r${i}.request.yaml`, request: r }));
  return {
    folder: 'c',
    collection: { name: 'C', variables, environments: [] },
    tree: buildTree([], files),
    readRequest: (path: string) => files.find((f) => f.path === path)!.request,
    environment: 'sandbox',
    keys: keyChooser([KEY], 'sandbox', undefined),
    bail: false,
  };
}

describe('runCollection', () => {
  it('checks a body against the endpoint’s response schema, as the window’s Tests do', async () => {
    const good = view(200, {}, '{"object":"list","data":[],"has_more":false,"next_cursor":null}');
    const bad = view(200, {}, '{"object":"list","data":"not a list"}');
    const { deps } = rig([good, bad]);
    const schemaTest = { tests: [{ schema: 'endpoint' as const }] };
    const report = await runCollection(deps, input([req('Good', 1, schemaTest), req('Bad', 2, schemaTest)]));
    expect(report.requests.map((r) => r.outcome)).toEqual(['passed', 'failed']);
    expect(report.requests[1]!.tests[0]).toMatchObject({ result: 'failed' });
  });

  it('waits out a 429 for its Retry-After (by the budget model) and sends again', async () => {
    const { deps, sent, slept } = rig([view(429, { remaining: 0, retryAfterSeconds: 2 }), view(200)]);
    const report = await runCollection(deps, input([req('A', 1)]));
    expect(report.requests[0]).toMatchObject({ outcome: 'passed', status: 200, attempts: 2, rateLimited: 1 });
    expect(sent).toHaveLength(2);
    expect(slept).toEqual([2000]);
  });

  it('waits one refill interval when the known budget is empty, so it meets no 429', async () => {
    const { deps, slept } = rig([view(200, { limit: 60, remaining: 0, windowSeconds: 60 }), view(200)]);
    const report = await runCollection(deps, input([req('A', 1), req('B', 2)]));
    expect(report.summary).toMatchObject({ passed: 2, rateLimited: 0 });
    expect(slept).toHaveLength(1);
    expect(slept[0]).toBeGreaterThan(990);
    expect(slept[0]).toBeLessThanOrEqual(1000);
  });

  it(`fails a request whose Retry-After is over ${MAX_RETRY_AFTER_SECONDS} s instead of holding the run`, async () => {
    const { deps, sent } = rig([view(429, { remaining: 0, retryAfterSeconds: 3600 })]);
    const report = await runCollection(deps, input([req('A', 1)]));
    expect(sent).toHaveLength(1);
    expect(report.requests[0]).toMatchObject({ outcome: 'error', status: 429, error: { code: 'rate_limited' } });
    expect(report.requests[0]!.error!.message).toContain('3600 s');
  });

  it('a 429 without any rate-limit header is retried a second later, not at once', async () => {
    const { deps, slept } = rig([view(429, { limit: null, remaining: null, burst: null, windowSeconds: null }), view(200)]);
    await runCollection(deps, input([req('A', 1)]));
    expect(slept).toEqual([1000]);
  });

  it('feeds a capture into the next request; an undefined variable is an error of that request, sent nowhere', async () => {
    const { deps, sent } = rig([view(201), view(200)]);
    const report = await runCollection(
      deps,
      input([
        req('Create', 1, { method: 'POST', captures: [{ variable: 'contact_id', path: '$.id' }], tests: [{ status: 201 }] }),
        req('Use', 2, { endpoint: 'getConversation', path: undefined, params: [{ name: 'conversation_id', value: '{{contact_id}}' }], query: [{ name: 'tag', value: ['a', '{{tag}}'] }] }),
        req('Missing', 3, { path: '/v1/{{nope}}' }),
      ], [{ name: 'tag', value: 'b c' }]),
    );
    expect(sent[1]).toMatchObject({ path: '/v1/conversations/ct_1', query: [{ name: 'tag', value: 'a' }, { name: 'tag', value: 'b c' }] });
    expect(report.requests.map((r) => r.outcome)).toEqual(['passed', 'passed', 'error']);
    expect(report.requests[2]!.error!.code).toBe('undefined_variable');
    expect(sent).toHaveLength(2);
  });

  it('stops with KeyUnavailable when the keychain fails, and before sending when a key is missing', async () => {
    const { deps } = rig([new AppFailure('keychain_unavailable', 'No OS keychain is reachable.')]);
    await expect(runCollection(deps, input([req('A', 1)]))).rejects.toBeInstanceOf(KeyUnavailable);
    const missing = rig([view(200)]);
    await expect(runCollection(missing.deps, input([req('A', 1), req('B', 2, { key: { name: 'Gone', environment: 'sandbox' } })]))).rejects.toThrow('There is no stored key “Gone” for sandbox');
    expect(missing.sent).toHaveLength(0);
  });

  it('a network failure is an error of that request and the run goes on', async () => {
    const { deps } = rig([new AppFailure('network_error', 'Could not connect.'), view(200)]);
    const report = await runCollection(deps, input([req('A', 1), req('B', 2)]));
    expect(report.requests.map((r) => [r.outcome, r.error?.code ?? null])).toEqual([
      ['error', 'network_error'],
      ['passed', null],
    ]);
  });
});
