import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ResponseView, Result, WorkspaceSaveInput, WorkspaceStateView } from '../../../../src-preload/contract';
import { setDesktopApiForTests } from '../../../../src-renderer/src/lib/desktop-api';
import { consoleStore, resetStore } from '../../../../src-renderer/src/store';
import { SAVE_DELAY_MS } from '../../../../src-renderer/src/store/tabs-slice';
import { createFakeDesktopApi, makeKey, makeResponse } from '../fake-desktop-api';

const state = () => consoleStore.getState();
let fake: ReturnType<typeof createFakeDesktopApi>;
const saved: WorkspaceSaveInput[] = [];

beforeEach(() => {
  vi.useFakeTimers();
  fake = createFakeDesktopApi();
  saved.length = 0;
  Object.assign(fake.api, {
    workspaceLoad: async (): Promise<Result<WorkspaceStateView>> => ({ ok: true, value: { tabs: [], activeTabId: null, warnings: [] } }),
    workspaceSave: async (input: WorkspaceSaveInput): Promise<Result<WorkspaceStateView>> => {
      saved.push(input);
      return { ok: true, value: { tabs: [], activeTabId: input.activeTabId, warnings: [] } };
    },
  });
  setDesktopApiForTests(fake.api);
  resetStore();
  state().setKeys([makeKey()]);
});

afterEach(() => {
  setDesktopApiForTests(null);
  vi.useRealTimers();
});

describe('request tabs', () => {
  it('a reply that comes after a tab switch lands in the tab that sent it', async () => {
    await state().loadWorkspace();
    const first = state().activeTabId!;
    let answer: (r: Result<ResponseView>) => void = () => undefined;
    fake.replies.requestSend = () => new Promise<Result<ResponseView>>((r) => (answer = r));
    const sending = state().sendRequest();
    await vi.waitFor(() => expect(state().inFlight).toBe(true));
    state().newTab();
    expect(state().activeTabId).not.toBe(first);
    expect(state().inFlight).toBe(false);
    answer({ ok: true, value: makeResponse({ status: 201 }) });
    await sending;
    expect(state().response).toBeNull();
    state().activateTab(first);
    expect(state().response?.status).toBe(201);
    expect(state().inFlight).toBe(false);
  });

  it('edits mark the tab unsaved and are saved once after a pause, with each tab’s own draft', async () => {
    await state().loadWorkspace();
    state().setBody('{"a":1}');
    state().setBody('{"a":12}');
    expect(state().tabs[0]!.unsaved).toBe(true);
    state().newTab();
    state().setBody('{"b":2}');
    await vi.advanceTimersByTimeAsync(SAVE_DELAY_MS + 10);
    expect(saved).toHaveLength(1);
    expect(saved[0]!.tabs.map((t) => t.body)).toEqual(['{"a":12}', '{"b":2}']);
    expect(saved[0]!.activeTabId).toBe(state().tabs[1]!.id);
  });
});

describe('Replay from History', () => {
  it('opens the replayed request in a tab of its own: the tab in use (a saved request, say) keeps its form', async () => {
    await state().loadWorkspace();
    state().setBody('{"mine":true}');
    const first = state().activeTabId!;
    state().replayHistory({
      id: 'h1', time: 0, method: 'GET', path: '/v1/conversations', query: [{ name: 'limit', value: '5' }], headers: [], body: null, bodyTruncated: false,
      status: 200, errorCode: null, errorMessage: null, durationMs: 5, keyId: 'key_1', keyName: 'K', keyPrefix: 'hl_test_3fA9', rateLimit: null, responsePreview: null,
    });
    expect(state().tabs).toHaveLength(2);
    expect(state().activeTabId).not.toBe(first);
    expect(state()).toMatchObject({ endpointId: 'listConversations', queryValues: { limit: '5' }, page: 'requests' });
    state().activateTab(first);
    expect(state().body).toBe('{"mine":true}');
  });
});

describe('a rotation moved the references (keyReferencesMoved)', () => {
  it('every tab, its last send and its saved version follow the replacement, and no tab becomes unsaved', async () => {
    state().setKeys([makeKey(), makeKey({ id: 'key_2', name: 'Sandbox demo (replacement)' }), makeKey({ id: 'key_3', name: 'Other' })]);
    await state().loadWorkspace();
    const first = state().activeTabId!;
    state().selectKey('key_1');
    state().newTab();
    state().selectKey('key_3');
    const second = state().activeTabId!;
    state().activateTab(first);
    consoleStore.setState({
      tabs: state().tabs.map((t) => ({ ...t, unsaved: false })),
      lastSent: { keyId: 'key_1', method: 'GET', path: '/v1/contacts' },
      requestBases: { 'a.request.yaml': { request: {} as never, form: { selectedKeyId: 'key_1' } as never } },
    });
    saved.length = 0;

    state().replaceKeyReferences('key_1', 'key_2');
    expect(state().selectedKeyId).toBe('key_2');
    expect(state().lastSent?.keyId).toBe('key_2');
    expect(state().requestBases['a.request.yaml']!.form.selectedKeyId).toBe('key_2');
    expect(state().tabs.every((t) => !t.unsaved)).toBe(true);
    // The other tab had another key: it keeps it.
    state().activateTab(second);
    expect(state().selectedKeyId).toBe('key_3');
    state().activateTab(first);
    expect(state().selectedKeyId).toBe('key_2');
    // Main moved its drafts already: the window sends no edit for this.
    await vi.advanceTimersByTimeAsync(SAVE_DELAY_MS * 2);
    expect(saved.every((s) => s.tabs.every((t) => t.keyId !== 'key_1'))).toBe(true);
  });
});
