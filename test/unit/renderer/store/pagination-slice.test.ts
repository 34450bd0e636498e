import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PagesProgress } from '../../../../src-preload/contract';
import { consoleStore, listPageFacts } from '../../../../src-renderer/src/store';
import { installFakeDesktopApi, makeResponse, uninstallFakeDesktopApi, type FakeDesktopApi } from '../fake-desktop-api';

const state = () => consoleStore.getState();
let fake: FakeDesktopApi;
const page = (ids: string[], hasMore: boolean) => makeResponse({ body: JSON.stringify({ object: 'list', data: ids.map((id) => ({ id })), has_more: hasMore, next_cursor: hasMore ? ids.at(-1) : null }) });
const sent = { keyId: 'key_1', method: 'GET' as const, path: '/v1/contacts', query: [{ name: 'limit', value: '2' }, { name: 'starting_after', value: 'ct_old' }] };
const progress = (walkId: string, patch: Partial<PagesProgress> = {}): PagesProgress => ({ walkId, state: 'running', pages: 1, items: 2, requests: 1, rateLimited: 0, message: null, merged: null, ...patch });

beforeEach(() => {
  fake = installFakeDesktopApi(1_700_000_000_000);
});
afterEach(() => uninstallFakeDesktopApi());

describe('pagination slice', () => {
  it('reads the page facts of a list reply only', () => {
    expect(listPageFacts(page(['ct_1', 'ct_2'], true))).toEqual({ hasMore: true, nextCursor: 'ct_2' });
    expect(listPageFacts(makeResponse({ body: '{"object":"contact","id":"ct_1"}' }))).toBeNull();
    expect(listPageFacts(makeResponse({ body: 'not json' }))).toBeNull();
    expect(listPageFacts(null)).toBeNull();
  });

  it('Next page sends the shown reply’s request with its next_cursor and shows the reply as any other', async () => {
    const next = page(['ct_3', 'ct_4'], false);
    const args: unknown[] = [];
    fake.api.requestNextPage = async (arg) => (args.push(arg), { ok: true, value: next });
    consoleStore.setState({ response: page(['ct_1', 'ct_2'], true), lastSent: sent });
    await state().nextPage();
    expect(args).toEqual([{ keyId: 'key_1', path: '/v1/contacts', query: [{ name: 'limit', value: '2' }], cursor: 'ct_2' }]);
    expect(state().response).toBe(next);
    expect(state().lastSent?.query).toEqual([{ name: 'limit', value: '2' }, { name: 'starting_after', value: 'ct_2' }]);
  });

  it('follows its own walk’s events, and cancels a running walk when another reply is shown', async () => {
    let listener: ((p: PagesProgress) => void) | null = null;
    fake.api.onPagesProgress = (l) => ((listener = l), () => (listener = null));
    fake.api.requestFetchAllPages = async () => ({ ok: true, value: { walkId: 'walk_a' } });
    const cancels: unknown[] = [];
    fake.api.requestCancelFetchAll = async (arg) => (cancels.push(arg), { ok: true, value: { cancelled: true } });
    const first = page(['ct_1', 'ct_2'], true);
    consoleStore.setState({ response: first, lastSent: sent });
    await state().fetchAllPages();
    listener!(progress('walk_other', { pages: 9 }));
    listener!(progress('walk_a', { pages: 3, items: 6 }));
    expect(state().walkProgress).toMatchObject({ walkId: 'walk_a', pages: 3 });
    expect(state().pagesSource).toBe(first);
    consoleStore.setState({ response: page(['ct_9'], false) });
    expect(cancels).toEqual([{ walkId: 'walk_a' }]);
    listener!(progress('walk_a', { state: 'cancelled', pages: 3, items: 6 }));
    // The end stops the listening.
    expect(listener).toBeNull();
  });
});
