import { vi } from 'vitest';
import type { SenderFrame } from '../../../src-main/app/trusted-sender';

type Listener = (...args: unknown[]) => unknown;

/** Just enough of Node's EventEmitter for Electron objects: on/once and a way to fire. */
export class FakeEmitter {
  readonly listeners = new Map<string, Listener[]>();

  on(name: string, listener: Listener): this {
    this.listeners.set(name, [...(this.listeners.get(name) ?? []), listener]);
    return this;
  }

  once(name: string, listener: Listener): this {
    return this.on(name, listener);
  }

  emit(name: string, ...args: unknown[]): void {
    for (const listener of this.listeners.get(name) ?? []) listener(...args);
  }

  count(name: string): number {
    return this.listeners.get(name)?.length ?? 0;
  }
}

/** An Electron event: `url` is set for navigation events (Event<WebContentsWillNavigateEventParams>). */
export function fakeEvent(url = '') {
  return {
    url,
    defaultPrevented: false,
    preventDefault() {
      this.defaultPrevented = true;
    },
  };
}

export class FakeWebContents extends FakeEmitter {
  destroyed = false;
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  readonly send = vi.fn();

  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler;
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }
}

type PermissionRequestHandler = (wc: unknown, permission: string, callback: (granted: boolean) => void, details: unknown) => void;
type CheckHandler = (...args: unknown[]) => boolean;
type HeadersHandler = (details: { url?: string; responseHeaders?: Record<string, string[]> }, callback: (response: unknown) => void) => void;

/** A session that records the handlers it is given. */
export function fakeSession() {
  const handlers = {
    permissionRequest: null as PermissionRequestHandler | null,
    permissionCheck: null as CheckHandler | null,
    devicePermission: null as CheckHandler | null,
    headersReceived: null as HeadersHandler | null,
  };
  return Object.assign(handlers, {
    setPermissionRequestHandler: (handler: PermissionRequestHandler | null) => void (handlers.permissionRequest = handler),
    setPermissionCheckHandler: (handler: CheckHandler | null) => void (handlers.permissionCheck = handler),
    setDevicePermissionHandler: (handler: CheckHandler | null) => void (handlers.devicePermission = handler),
    webRequest: {
      onHeadersReceived: (handler: HeadersHandler | null) => void (handlers.headersReceived = handler),
    },
  });
}

export type FakeSession = ReturnType<typeof fakeSession>;

export class FakeBrowserWindow extends FakeEmitter {
  static instances: FakeBrowserWindow[] = [];
  static getAllWindows(): FakeBrowserWindow[] {
    return FakeBrowserWindow.instances.filter((w) => !w.destroyed);
  }

  readonly webContents = new FakeWebContents();
  readonly loadURL = vi.fn(async (_url: string) => undefined);
  readonly show = vi.fn();
  readonly focus = vi.fn();
  readonly restore = vi.fn();
  destroyed = false;

  constructor(readonly options: { webPreferences?: Record<string, unknown> } & Record<string, unknown>) {
    super();
    FakeBrowserWindow.instances.push(this);
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }

  isMinimized(): boolean {
    return false;
  }
}

/** A fake of the `electron` module's main-process surface; `ready()` fires app ready. */
export function fakeElectron(options: { lock?: boolean; isPackaged?: boolean } = {}) {
  let ready!: () => void;
  const whenReady = new Promise<void>((resolve) => {
    ready = resolve;
  });
  const handlers = new Map<string, (event: unknown, arg: unknown) => unknown>();
  const app = Object.assign(new FakeEmitter(), {
    isPackaged: options.isPackaged ?? true,
    requestSingleInstanceLock: vi.fn(() => options.lock ?? true),
    quit: vi.fn(),
    exit: vi.fn(),
    whenReady: vi.fn(() => whenReady),
    getPath: vi.fn((name: string) => `/fake/${name}`),
  });
  FakeBrowserWindow.instances = [];
  return {
    ready: () => ready(),
    handlers,
    app,
    BrowserWindow: FakeBrowserWindow,
    ipcMain: {
      handle: vi.fn((channel: string, handler: (event: unknown, arg: unknown) => unknown) => {
        if (handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
        handlers.set(channel, handler);
      }),
      removeHandler: vi.fn((channel: string) => handlers.delete(channel)),
    },
    protocol: {
      registerSchemesAsPrivileged: vi.fn(),
      handle: vi.fn(),
    },
    session: { defaultSession: fakeSession() },
    dialog: { showErrorBox: vi.fn() },
    shell: { openExternal: vi.fn(async (_url: string) => undefined) },
  };
}

export type FakeElectron = ReturnType<typeof fakeElectron>;

/** A WebFrameMain as seen from an IPC event. */
export function fakeFrame(origin: string, parent: object | null = null): SenderFrame {
  return { origin, parent, url: `${origin}/index.html` } as unknown as SenderFrame;
}
