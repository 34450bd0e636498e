import type { IpcMain, WebContents } from 'electron';
import { EVENT_CHANNELS, INVOKE_CHANNELS } from '../../src-preload/contract/channels';
import type { IpcRouter } from '../ipc/router';
import type { EventSink } from '../ports';
import { senderInfo } from './trusted-sender';

export type IpcMainLike = Pick<IpcMain, 'handle' | 'removeHandler'>;

/** Bind each contract channel to the router (which checks the sender and parses). Returns an unbind. */
export function bindIpcRouter(ipcMain: IpcMainLike, router: IpcRouter): () => void {
  const channels = Object.values(INVOKE_CHANNELS);
  for (const channel of channels) {
    ipcMain.handle(channel, (event, arg: unknown) => router.handle(channel, senderInfo(event), arg));
  }
  return () => {
    for (const channel of channels) ipcMain.removeHandler(channel);
  };
}

export type EventReceiver = Pick<WebContents, 'send' | 'isDestroyed'>;

const KNOWN_EVENTS = new Set<string>(Object.keys(EVENT_CHANNELS));

/**
 * Main -> renderer events over webContents.send. Before the window exists or after it is gone
 * there is no one to tell, so events are dropped; so are events the contract does not declare.
 */
export function createWebContentsEventSink(target: () => EventReceiver | null | undefined): EventSink {
  return {
    emit(event, payload) {
      // The types keep callers to the contract's events; this keeps a cast or a bug from sending on any other channel.
      if (!KNOWN_EVENTS.has(event)) return;
      const contents = target();
      if (!contents || contents.isDestroyed()) return;
      contents.send(EVENT_CHANNELS[event], payload);
    },
  };
}
