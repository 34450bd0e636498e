import { describe, expect, it, vi } from 'vitest';
import { EVENT_CHANNELS, INVOKE_CHANNELS } from '../../../src-preload/contract/channels';
import { ok } from '../../../src-preload/contract/result';
import { bindIpcRouter, createWebContentsEventSink, type IpcMainLike } from '../../../src-main/app/ipc-binding';
import type { IpcRouter } from '../../../src-main/ipc/router';
import { FakeWebContents, fakeElectron, fakeFrame } from './fake-electron';

function bound() {
  const electron = fakeElectron();
  const router = { handle: vi.fn(async () => ok('reply')) } satisfies IpcRouter;
  const unbind = bindIpcRouter(electron.ipcMain as unknown as IpcMainLike, router);
  return { electron, router, unbind };
}

describe('bindIpcRouter', () => {
  it('registers exactly the contract channels', () => {
    const { electron } = bound();
    expect([...electron.handlers.keys()].sort()).toEqual(Object.values(INVOKE_CHANNELS).sort());
  });

  it('passes channel, sender info and argument to the router and returns its Result', async () => {
    const { electron, router } = bound();
    const handler = electron.handlers.get(INVOKE_CHANNELS.keysAdd);
    const arg = { name: 'Demo' };
    const reply = await handler?.({ senderFrame: fakeFrame('app://helplane') }, arg);
    expect(reply).toEqual({ ok: true, value: 'reply' });
    expect(router.handle).toHaveBeenCalledWith(INVOKE_CHANNELS.keysAdd, { origin: 'app://helplane', isMainFrame: true }, arg);
  });

  it('tells the router when the frame is gone or is a subframe', async () => {
    const { electron, router } = bound();
    const handler = electron.handlers.get(INVOKE_CHANNELS.keysList);
    await handler?.({ senderFrame: null }, undefined);
    await handler?.({ senderFrame: fakeFrame('app://helplane', {}) }, undefined);
    expect(router.handle).toHaveBeenNthCalledWith(1, INVOKE_CHANNELS.keysList, { origin: null, isMainFrame: false }, undefined);
    expect(router.handle).toHaveBeenNthCalledWith(2, INVOKE_CHANNELS.keysList, { origin: 'app://helplane', isMainFrame: false }, undefined);
  });

  it('unbinds every channel it bound', () => {
    const { electron, unbind } = bound();
    unbind();
    expect(electron.handlers.size).toBe(0);
  });
});

describe('createWebContentsEventSink', () => {
  it('sends contract events to the window', () => {
    const contents = new FakeWebContents();
    createWebContentsEventSink(() => contents).emit('keysChanged', { keys: [] });
    expect(contents.send).toHaveBeenCalledWith(EVENT_CHANNELS.keysChanged, { keys: [] });
  });

  it('drops events when there is no window or it is destroyed', () => {
    const contents = new FakeWebContents();
    contents.destroyed = true;
    expect(() => createWebContentsEventSink(() => null).emit('keysChanged', { keys: [] })).not.toThrow();
    createWebContentsEventSink(() => contents).emit('keysChanged', { keys: [] });
    expect(contents.send).not.toHaveBeenCalled();
  });

  it('does not send on a channel the contract does not declare', () => {
    const contents = new FakeWebContents();
    // An untyped caller (a cast, a bug) naming something the contract does not declare.
    createWebContentsEventSink(() => contents).emit('keys:add' as 'keysChanged', { keys: [] });
    expect(contents.send).not.toHaveBeenCalled();
  });
});
