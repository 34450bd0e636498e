import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AccessLogPage } from '../../../../src-preload/contract';
import { setDesktopApiForTests } from '../../../../src-renderer/src/lib/desktop-api';
import { consoleStore, resetStore } from '../../../../src-renderer/src/store';
import { createFakeDesktopApi, makeKey } from '../fake-desktop-api';

const state = () => consoleStore.getState();
let fake: ReturnType<typeof createFakeDesktopApi>;

beforeEach(() => {
  fake = createFakeDesktopApi();
  setDesktopApiForTests(fake.api);
  resetStore();
});
afterEach(() => setDesktopApiForTests(null));

const page = (): AccessLogPage => ({
  entries: [],
  total: 60,
  pending: 0,
  path: '/data/access-log.jsonl',
  integrity: { intact: true, entries: 60, line: null, message: 'The log is intact (60 entries).' },

});

describe('Access log and Show in folder (store)', () => {
  it('pages the access log by 25 from the newest', async () => {
    const asked: unknown[] = [];
    fake.api.accessLogList = async (arg) => {
      asked.push(arg);
      return { ok: true, value: page() };
    };
    await state().loadAccessLog(0);
    await state().loadAccessLog(25);
    expect(asked).toEqual([{ offset: 0, limit: 25 }, { offset: 25, limit: 25 }]);
    expect(state().accessLogOffset).toBe(25);
    expect(state().accessLog?.integrity.message).toBe('The log is intact (60 entries).');
  });

  it('Show in folder names the export by its id (main knows the path), and says why it could not', async () => {
    const asked: unknown[] = [];
    fake.api.exportShowInFolder = async (arg) => {
      asked.push(arg);
      return { ok: false, error: { code: 'not_found', message: 'That export has no finished file to show.' } };
    };
    await state().showExportInFolder('exp_0123456789abcdef');
    expect(asked).toEqual([{ exportId: 'exp_0123456789abcdef' }]);
    expect(state().exportError?.message).toBe('That export has no finished file to show.');
  });

  it('remembers which panel started an export, so only that one shows its progress', async () => {
    state().setKeys([makeKey()]);
    state().selectKey('key_1');
    const sent: unknown[] = [];
    fake.api.exportStart = async (arg) => {
      sent.push(arg);
      return { ok: true, value: { exportId: 'exp_1', fileName: 'x.csv' } };
    };
    await state().startExport({ kind: 'thread', format: 'csv', bom: true, filter: { conversationId: 'cv_1' } }, 'thread:cv_1');
    expect(state().exportScope).toBe('thread:cv_1');
    expect(sent).toEqual([{ keyId: 'key_1', kind: 'thread', format: 'csv', bom: true, filter: { conversationId: 'cv_1' } }]);
  });
});
