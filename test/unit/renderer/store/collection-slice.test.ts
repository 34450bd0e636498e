import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CollectionSnapshotView, EventPayload, Result, WorkspaceSaveInput, WorkspaceStateView } from '../../../../src-preload/contract';
import { setDesktopApiForTests } from '../../../../src-renderer/src/lib/desktop-api';
import { consoleStore, resetStore } from '../../../../src-renderer/src/store';
import { createFakeDesktopApi, makeKey } from '../fake-desktop-api';

// Issue 16: the window's side of the open collection (main is faked): outside edits, a vanished folder, Save.
const state = () => consoleStore.getState();
const ROOT = '/repo/api';
const request = (limit: string) => ({ name: 'List contacts', method: 'GET', path: '/v1/contacts', params: [], query: [{ name: 'limit', value: limit }], headers: [], captures: [], tests: [] });
const snapshot: CollectionSnapshotView = {
  root: ROOT,
  collection: { name: 'Onboarding', variables: [], environments: [] },
  collectionRevision: null,
  tree: { kind: 'folder', path: '', name: '', children: [{ kind: 'request', path: 'list.request.yaml', name: 'List contacts', method: 'GET', duplicateName: false }] },
  problems: [],
};
let emit: (event: EventPayload<'collectionsChanged'>) => void = () => undefined;
let disk = { text: '5', revision: 'r1' };
const saves: unknown[] = [];
const workspaceSaves: WorkspaceSaveInput[] = [];

beforeEach(() => {
  vi.useFakeTimers();
  const fake = createFakeDesktopApi();
  disk = { text: '5', revision: 'r1' };
  saves.length = 0;
  workspaceSaves.length = 0;
  Object.assign(fake.api, {
    workspaceLoad: async (): Promise<Result<WorkspaceStateView>> => ({ ok: true, value: { tabs: [], activeTabId: null, warnings: [] } }),
    workspaceSave: async (input: WorkspaceSaveInput): Promise<Result<WorkspaceStateView>> => {
      workspaceSaves.push(input);
      return { ok: true, value: { tabs: [], activeTabId: input.activeTabId, warnings: [] } };
    },
    collectionsOpen: async () => ({ ok: true, value: snapshot }),
    collectionsSnapshot: async () => ({ ok: true, value: snapshot }),
    collectionsReadRequest: async ({ path }: { path: string }) => ({ ok: true, value: { path, request: request(disk.text), revision: disk.revision } }),
    collectionsSaveRequest: async (input: { path: string; request: ReturnType<typeof request>; baseRevision: string; replaceDiskVersion?: boolean }) => {
      saves.push(input);
      if (input.baseRevision !== disk.revision && !input.replaceDiskVersion) return { ok: false, error: { code: 'changed_on_disk', message: 'list.request.yaml changed outside the console.' } };
      disk = { text: String(input.request.query[0]?.value ?? ''), revision: `r${saves.length + 1}` };
      return { ok: true, value: { path: input.path, request: input.request, revision: disk.revision } };
    },
    onCollectionsChanged: (listener: (event: EventPayload<'collectionsChanged'>) => void) => {
      emit = listener;
      return () => undefined;
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

async function openList() {
  await state().loadWorkspace();
  await state().openCollection(ROOT);
  await state().openRequest('list.request.yaml');
  expect(state().customPath).toBe('/v1/contacts?limit=5');
}

const outsideEdit = async (text: string) => {
  disk = { text, revision: `outside-${text}` };
  emit({ changed: ['list.request.yaml'], removed: [], snapshot });
  await vi.waitFor(() => expect(state().tabs.length).toBeGreaterThan(0));
  await vi.runOnlyPendingTimersAsync();
};

describe('the open collection in the window', () => {
  it('a tab with no edits reloads when its file changes outside; one with edits is asked, and Take theirs reloads it', async () => {
    await openList();
    const tabId = state().activeTabId!;
    await outsideEdit('9');
    await vi.waitFor(() => expect(state().customPath).toBe('/v1/contacts?limit=9'));
    expect(state().tabs.find((t) => t.id === tabId)?.unsaved).toBe(false);
    expect(state().savedRequest?.revision).toBe('outside-9');

    state().setCustomPath('/v1/contacts?limit=1');
    await outsideEdit('3');
    await vi.waitFor(() => expect(state().tabConflicts[tabId]).toBeDefined());
    expect(state().customPath).toBe('/v1/contacts?limit=1');
    await state().takeTheirs(tabId);
    expect(state().customPath).toBe('/v1/contacts?limit=3');
    expect(state().tabConflicts[tabId]).toBeUndefined();
  });

  it('Save sends the base revision; changed on disk asks, and Keep mine saves over it', async () => {
    await openList();
    const tabId = state().activeTabId!;
    state().setCustomPath('/v1/contacts?limit=7');
    disk = { text: '8', revision: 'theirs' };
    const refused = await state().saveActiveTab();
    expect(refused).toMatchObject({ error: { code: 'changed_on_disk' } });
    expect(state().tabConflicts[tabId]?.message).toContain('changed outside');
    expect(await state().keepMine(tabId)).toEqual({ ok: true });
    expect(saves.at(-1)).toMatchObject({ path: 'list.request.yaml', baseRevision: 'r1', replaceDiskVersion: true });
    expect(disk.text).toBe('7');
    expect(state().tabs.find((t) => t.id === tabId)?.unsaved).toBe(false);
    expect(state().tabConflicts[tabId]).toBeUndefined();
  });

  it('the folder vanishing says so and keeps every draft and link; the open collection is kept for the next start', async () => {
    await openList();
    state().setCustomPath('/v1/contacts?limit=2');
    emit({ changed: [], removed: ['list.request.yaml'], snapshot: null, gone: { code: 'not_found', message: `The collection folder ${ROOT} is gone.` } });
    expect(state().collection).toBeNull();
    expect(state().collectionGone).toContain('is gone');
    expect(state().customPath).toBe('/v1/contacts?limit=2');
    expect(state().savedRequest?.path).toBe('list.request.yaml');
    await vi.runOnlyPendingTimersAsync();
    expect(workspaceSaves.at(-1)).toMatchObject({ collection: ROOT });
    expect(workspaceSaves.at(-1)?.tabs.at(-1)?.collectionLink).toMatchObject({ collection: ROOT, file: 'list.request.yaml' });
  });

  it('at start the last collection reopens; a draft saved before it has does not forget it', async () => {
    let answer: (r: Result<CollectionSnapshotView>) => void = () => undefined;
    const api = (await import('../../../../src-renderer/src/lib/desktop-api')).getDesktopApi();
    Object.assign(api, {
      workspaceLoad: async (): Promise<Result<WorkspaceStateView>> => ({ ok: true, value: { tabs: [], activeTabId: null, collection: ROOT, warnings: [] } }),
      collectionsOpen: () => new Promise<Result<CollectionSnapshotView>>((r) => (answer = r)),
    });
    const loading = state().loadWorkspace();
    await vi.waitFor(() => expect(state().tabs.length).toBe(1));
    state().setBody('edited');
    await vi.runOnlyPendingTimersAsync();
    expect(workspaceSaves.length).toBeGreaterThan(0);
    expect(workspaceSaves.every((w) => !('collection' in w))).toBe(true);
    answer({ ok: true, value: snapshot });
    await loading;
    expect(state().collection?.root).toBe(ROOT);
    await vi.runOnlyPendingTimersAsync();
    expect(workspaceSaves.at(-1)?.collection).toBe(ROOT);
  });

  it('a tab saved in the open collection sends through it; an unlinked tab does not', async () => {
    await openList();
    const built = state().buildRequest();
    expect('input' in built && built.input.collection).toEqual({ requestPath: 'list.request.yaml', captures: [], tests: [] });
    state().newTab();
    const plain = state().buildRequest();
    expect('input' in plain && plain.input.collection).toBeUndefined();
  });
});

describe('opening a collection', () => {
  it('drops the window’s runtime variables as main does, and the resolved preview is asked again', async () => {
    await state().loadWorkspace();
    consoleStore.setState({ runtimeVariables: [{ name: 'contact_id', value: 'ct_1' }] });
    const before = state().runtimeVersion;
    await state().openCollection(ROOT);
    expect(state().runtimeVariables).toEqual([]);
    expect(state().runtimeVersion).toBeGreaterThan(before);
  });
});
