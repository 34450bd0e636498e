import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SaveProblemsEvent } from '../../../../src-preload/contract';
import { consoleStore } from '../../../../src-renderer/src/store';
import { installFakeDesktopApi, uninstallFakeDesktopApi, type FakeDesktopApi } from '../fake-desktop-api';

const state = () => consoleStore.getState();
let fake: FakeDesktopApi;
beforeEach(() => (fake = installFakeDesktopApi(1_700_000_000_000)));
afterEach(() => uninstallFakeDesktopApi());

describe('save problems', () => {
  it('shows what main could not save while a session runs, and clears it when main says it is saved', () => {
    const listeners = new Set<(e: SaveProblemsEvent) => void>();
    fake.api.onSaveProblemsChanged = (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    };
    const stop = state().startSession();
    const problem = { file: 'history.json', message: 'History could not be saved to history.json because the disk is full. It is kept while the console runs and saved again when it can.' };
    listeners.forEach((l) => l({ problems: [problem] }));
    expect(state().saveProblems).toEqual([problem]);
    listeners.forEach((l) => l({ problems: [] }));
    expect(state().saveProblems).toEqual([]);
    stop();
    expect(listeners.size).toBe(0);
  });
});
