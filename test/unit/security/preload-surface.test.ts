import { describe, expect, it, vi } from 'vitest';
import { EVENT_CHANNELS, EVENT_NAMES, INVOKE_CHANNELS, OPERATIONS, listenerName } from '../../../src-preload/contract/channels';
import { CONTRACT, EVENTS } from '../../../src-preload/contract/contract';

// The preload runs in Electron's renderer: here it gets a fake contextBridge and ipcRenderer.
const bridge = vi.hoisted(() => ({
  exposed: new Map<string, unknown>(),
  invoke: vi.fn(async (..._args: unknown[]) => ({ ok: true, value: 'reply' })),
  on: vi.fn(),
  removeListener: vi.fn(),
}));
vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (name: string, api: unknown) => bridge.exposed.set(name, api) },
  ipcRenderer: { invoke: bridge.invoke, on: bridge.on, removeListener: bridge.removeListener },
}));

await import('../../../src-preload/index');
const api = bridge.exposed.get('helplane') as Record<string, (...args: unknown[]) => unknown>;

/** The allowlist, derived from the contract: one function per operation, one subscriber per event. */
const ALLOWED = [...Object.keys(CONTRACT), ...Object.keys(EVENTS).map((e) => listenerName(e as (typeof EVENT_NAMES)[number]))].sort();

describe('window.helplane (the preload surface)', () => {
  it('is the only thing exposed, under the name helplane', () => {
    expect([...bridge.exposed.keys()]).toEqual(['helplane']);
  });

  it('has exactly the allowlisted keys: the contract operations and event subscribers, nothing else', () => {
    expect(Object.getOwnPropertyNames(api).sort()).toEqual(ALLOWED);
    expect(Object.getOwnPropertySymbols(api)).toEqual([]);
    expect(ALLOWED).toEqual([...OPERATIONS, ...EVENT_NAMES.map(listenerName)].sort());
    expect(ALLOWED).not.toContain('invoke');
    expect(ALLOWED).not.toContain('send');
  });

  it('is frozen and holds only functions (no ipcRenderer, no channel table)', () => {
    expect(Object.isFrozen(api)).toBe(true);
    for (const key of ALLOWED) expect(typeof api[key], key).toBe('function');
  });

  it.each(OPERATIONS)('%s invokes its own channel and nothing else', async (op) => {
    bridge.invoke.mockClear();
    await expect(api[op]?.({ probe: op })).resolves.toEqual({ ok: true, value: 'reply' });
    expect(bridge.invoke).toHaveBeenCalledExactlyOnceWith(INVOKE_CHANNELS[op], { probe: op });
  });

  it.each(EVENT_NAMES)('%s subscribers get the payload only (never the IPC event) and can unsubscribe', (event) => {
    bridge.on.mockClear();
    const listener = vi.fn();
    const unsubscribe = api[listenerName(event)]?.(listener) as () => void;
    expect(bridge.on).toHaveBeenCalledWith(EVENT_CHANNELS[event], expect.any(Function));
    const wrapped = bridge.on.mock.calls[0]?.[1] as (event: unknown, payload: unknown) => void;
    wrapped({ sender: { send: 'secret handle' } }, { keys: [] });
    expect(listener).toHaveBeenCalledExactlyOnceWith({ keys: [] });
    unsubscribe();
    expect(bridge.removeListener).toHaveBeenCalledWith(EVENT_CHANNELS[event], wrapped);
  });
});
