import { describe, expect, it, vi } from 'vitest';
import { INVOKE_CHANNELS } from '../../../src-preload/contract';
import { createRouter, type Handlers, type SenderInfo } from '../../../src-main/ipc/router';
import { AppFailure } from '../../../src-main/lib/errors';

const trusted: SenderInfo = { origin: 'app://helplane', isMainFrame: true };
const meta = {
  id: 'key_1',
  name: 'Demo',
  environment: 'sandbox' as const,
  baseUrl: 'http://127.0.0.1:1',
  prefix: 'hl_test_abcd',
  createdAt: '2026-01-01T00:00:00.000Z',
  lastUsedAt: null,
  status: 'active' as const,
  workspaceId: null,
};

function handlers(overrides: Partial<Handlers> = {}): Handlers {
  return {
    appInfo: vi.fn(),
    keysList: vi.fn(async () => [meta]),
    keysAdd: vi.fn(async () => meta),
    requestSend: vi.fn(),
    ...overrides,
  } as Handlers;
}

const router = (h = handlers()) => createRouter(h, { isTrustedSender: (s) => s.isMainFrame && s.origin === 'app://helplane' });

describe('router', () => {
  it('returns the handler value as ok', async () => {
    expect(await router().handle(INVOKE_CHANNELS.keysList, trusted, undefined)).toEqual({ ok: true, value: [meta] });
  });

  it('answers an unknown channel with unknown_channel', async () => {
    const r = await router().handle('keys:steal', trusted, undefined);
    expect(r).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
  });

  it('does not treat prototype keys as channels', async () => {
    for (const channel of ['__proto__', 'constructor', 'toString', 'hasOwnProperty']) {
      expect(await router().handle(channel, trusted, undefined)).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
    }
  });

  it('refuses an untrusted sender before parsing or calling anything', async () => {
    const h = handlers();
    for (const sender of [{ origin: null, isMainFrame: true }, { origin: 'https://evil.test', isMainFrame: true }, { origin: 'app://helplane', isMainFrame: false }]) {
      const r = await router(h).handle(INVOKE_CHANNELS.keysList, sender, undefined);
      expect(r).toMatchObject({ ok: false, error: { code: 'forbidden_sender' } });
    }
    expect(h.keysList).not.toHaveBeenCalled();
  });

  it('rejects a bad payload with invalid_argument naming the field', async () => {
    const h = handlers();
    const r = await router(h).handle(INVOKE_CHANNELS.keysAdd, trusted, { name: 'x', environment: 'moon', secret: 's' });
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid_argument' } });
    expect(!r.ok && r.error.message).toContain('environment');
    expect(h.keysAdd).not.toHaveBeenCalled();
  });

  it('rejects extra fields', async () => {
    const r = await router().handle(INVOKE_CHANNELS.keysAdd, trusted, { name: 'x', environment: 'sandbox', secret: 'abcdefgh', admin: true });
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid_argument' } });
  });

  it('rejects an argument on an operation that takes none', async () => {
    expect(await router().handle(INVOKE_CHANNELS.keysList, trusted, { all: true })).toMatchObject({ ok: false, error: { code: 'invalid_argument' } });
  });

  it('turns an AppFailure into its code and message', async () => {
    const r = await router(handlers({ keysList: async () => { throw new AppFailure('keychain_locked', 'Unlock it.'); } })).handle(INVOKE_CHANNELS.keysList, trusted, undefined);
    expect(r).toEqual({ ok: false, error: { code: 'keychain_locked', message: 'Unlock it.' } });
  });

  it('turns any other thrown error into internal_error without its message', async () => {
    const onUnexpectedError = vi.fn();
    const r = await createRouter(handlers({ keysList: async () => { throw new Error('stack secrets /home/x'); } }), { isTrustedSender: () => true, onUnexpectedError }).handle(INVOKE_CHANNELS.keysList, trusted, undefined);
    expect(r).toMatchObject({ ok: false, error: { code: 'internal_error' } });
    expect(JSON.stringify(r)).not.toContain('/home/x');
    expect(onUnexpectedError).toHaveBeenCalledOnce();
  });

  it('strips reply fields the contract does not declare', async () => {
    const r = await router(handlers({ keysList: async () => [{ ...meta, secret: 'hl_test_leak' }] as never })).handle(INVOKE_CHANNELS.keysList, trusted, undefined);
    expect(r.ok).toBe(true);
    expect(JSON.stringify(r)).not.toContain('hl_test_leak');
  });

  it('answers a reply that breaks the contract with internal_error', async () => {
    const r = await router(handlers({ keysList: async () => [{ id: 1 }] as never })).handle(INVOKE_CHANNELS.keysList, trusted, undefined);
    expect(r).toMatchObject({ ok: false, error: { code: 'internal_error' } });
  });
});
