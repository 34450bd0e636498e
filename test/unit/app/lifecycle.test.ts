import { describe, expect, it, vi } from 'vitest';
import { disposeOnQuit, quitWhenWindowsClosed, type QuitApp } from '../../../src-main/app/lifecycle';
import { fakeElectron, fakeEvent } from './fake-electron';

function quitApp() {
  const { app } = fakeElectron();
  return app;
}

describe('disposeOnQuit', () => {
  it('holds the quit until the core is disposed, then quits once more for real', async () => {
    const app = quitApp();
    let finish!: () => void;
    const dispose = vi.fn(() => new Promise<void>((resolve) => (finish = resolve)));
    disposeOnQuit(app as unknown as QuitApp, dispose);

    const first = fakeEvent();
    app.emit('will-quit', first);
    app.emit('will-quit', fakeEvent());
    expect(first.defaultPrevented).toBe(true);
    expect(dispose).toHaveBeenCalledOnce();
    expect(app.quit).not.toHaveBeenCalled();

    finish();
    await vi.waitFor(() => expect(app.quit).toHaveBeenCalledOnce());
    const last = fakeEvent();
    app.emit('will-quit', last);
    expect(last.defaultPrevented).toBe(false);
  });

  it('still quits when dispose fails or hangs', async () => {
    const failing = quitApp();
    const log = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    disposeOnQuit(failing as unknown as QuitApp, () => Promise.reject(new Error('stuck')));
    failing.emit('will-quit', fakeEvent());
    await vi.waitFor(() => expect(failing.quit).toHaveBeenCalledOnce());
    log.mockRestore();

    const hanging = quitApp();
    disposeOnQuit(hanging as unknown as QuitApp, () => new Promise<void>(() => undefined), 10);
    hanging.emit('will-quit', fakeEvent());
    await vi.waitFor(() => expect(hanging.quit).toHaveBeenCalledOnce());
  });
});

describe('quitWhenWindowsClosed', () => {
  it('quits on Linux and Windows, not on macOS', () => {
    for (const [platform, quits] of [['linux', true], ['win32', true], ['darwin', false]] as const) {
      const app = quitApp();
      quitWhenWindowsClosed(app as unknown as QuitApp, platform);
      app.emit('window-all-closed');
      expect(app.quit.mock.calls.length, platform).toBe(quits ? 1 : 0);
    }
  });
});
