import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RateLimitState } from '../../../../src-preload/contract';
import { consoleStore, selectActiveBudget } from '../../../../src-renderer/src/store';
import { installFakeDesktopApi, makeKey, makeResponse, uninstallFakeDesktopApi, type FakeDesktopApi } from '../fake-desktop-api';

const NOW = 1_700_000_000_000;
const state = () => consoleStore.getState();

// Ids in a shape the renderer cannot guess: it must only ever use them as keys.
function budget(budgetId: string, keyIds: string[], receivedAt: number, remaining: number): RateLimitState {
  return {
    budgetId,
    keyIds,
    snapshot: { ...makeResponse().rateLimit, remaining },
    receivedAt,
    recent: [],
    count429: 0,
  };
}

let fake: FakeDesktopApi;

beforeEach(() => {
  fake = installFakeDesktopApi(NOW);
});

afterEach(uninstallFakeDesktopApi);

describe('rate-limit budgets', () => {
  it('asks main once at start-up for the budgets it knows', async () => {
    const known = budget('opaque|https://a.example|ws 1', ['key_a'], NOW - 5000, 42);
    fake.replies.rateLimitList = () => ({ ok: true, value: { budgets: [known] } });
    const stop = state().startSession();
    await expect.poll(() => state().budgets).toEqual({ [known.budgetId]: known });
    expect(fake.callsOf('rateLimitList')).toHaveLength(1);
    stop();
  });

  it('keeps a budget an event brought that is newer than the listed one', async () => {
    const fromEvent = budget('b1', ['key_a'], NOW, 7);
    const olderInList = budget('b1', ['key_a'], NOW - 1000, 9);
    const newerInList = budget('b2', ['key_b'], NOW, 3);
    const onlyInList = budget('b3', ['key_c'], NOW - 9000, 1);
    state().setBudget(fromEvent);
    state().setBudget(budget('b2', ['key_b'], NOW - 2000, 5));
    fake.replies.rateLimitList = () => ({ ok: true, value: { budgets: [olderInList, newerInList, onlyInList] } });
    await state().loadBudgets();
    expect(state().budgets).toEqual({ b1: fromEvent, b2: newerInList, b3: onlyInList });
  });

  it('leaves the budgets alone when the list cannot be read', async () => {
    const fromEvent = budget('b1', ['key_a'], NOW, 7);
    state().setBudget(fromEvent);
    await state().loadBudgets();
    expect(state().budgets).toEqual({ b1: fromEvent });
  });

  it("reads the active key's budget: the newest one main says the key reported to", () => {
    state().setKeys([makeKey({ id: 'key_a' }), makeKey({ id: 'key_b' })]);
    expect(selectActiveBudget(state())).toBeNull();
    const older = budget('x', ['key_a'], NOW - 1000, 1);
    const newer = budget('y', ['key_b', 'key_a'], NOW, 2);
    state().setBudget(older);
    state().setBudget(newer);
    expect(selectActiveBudget(state())).toBe(newer);
    state().selectKey('key_b');
    expect(selectActiveBudget(state())).toBe(newer);
  });

  it('follows the rateLimitChanged event main sends after a reply', async () => {
    fake.replies.keysList = () => ({ ok: true, value: [makeKey({ id: 'key_a' })] });
    state().setKeys([makeKey({ id: 'key_a' })]);
    fake.replies.requestSend = () => ({ ok: true, value: makeResponse({ status: 429 }) });
    const stop = state().startSession();
    await state().sendRequest();
    expect(selectActiveBudget(state())).toMatchObject({ keyIds: ['key_a'], snapshot: makeResponse().rateLimit, receivedAt: NOW, count429: 1 });
    stop();
  });
});
