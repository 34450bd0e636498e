import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { EVENT_CHANNELS, EVENT_NAMES, INVOKE_CHANNELS, OPERATIONS, listenerName } from './contract/channels';
import type { DesktopApi } from './contract/desktop-api';

// Only channel constants are bundled here (no zod): main validates every argument anyway.
const api: Record<string, unknown> = {};
for (const op of OPERATIONS) {
  const channel = INVOKE_CHANNELS[op];
  api[op] = (arg?: unknown) => ipcRenderer.invoke(channel, arg);
}
for (const event of EVENT_NAMES) {
  const channel = EVENT_CHANNELS[event];
  api[listenerName(event)] = (listener: (payload: unknown) => void) => {
    // Drop the IpcRendererEvent: it would hand the page `sender` and more.
    const wrapped = (_event: IpcRendererEvent, payload: unknown) => listener(payload);
    ipcRenderer.on(channel, wrapped);
    return () => {
      ipcRenderer.removeListener(channel, wrapped);
    };
  };
}

contextBridge.exposeInMainWorld('helplane', Object.freeze(api) as DesktopApi);
