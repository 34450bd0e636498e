import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SandboxReset } from '../../../../src-preload/contract';
import { setDesktopApiForTests } from '../../../../src-renderer/src/lib/desktop-api';
import { consoleStore, resetStore } from '../../../../src-renderer/src/store';
import { resetSummary } from '../../../../src-renderer/src/features/settings/reset-summary';
import { createFakeDesktopApi, makeKey } from '../fake-desktop-api';

const state = () => consoleStore.getState();
const demo = makeKey({ id: 'key_new', name: 'Sandbox demo', prefix: 'hl_test_NEW1' });
let fake: ReturnType<typeof createFakeDesktopApi>;

beforeEach(() => {
  fake = createFakeDesktopApi();
  setDesktopApiForTests(fake.api);
  resetStore();
});
afterEach(() => setDesktopApiForTests(null));

function scriptReset(reply: SandboxReset, keysAfter = [makeKey({ status: 'invalid' }), makeKey({ id: 'key_prod', environment: 'production' }), demo]) {
  fake.api.sandboxReset = async () => ({ ok: true, value: reply });
  fake.replies.keysList = () => ({ ok: true, value: keysAfter });
}

describe('Reset sandbox (Settings)', () => {
  it('moves the builder from an old sandbox key to the new demo key, and reloads the keys', async () => {
    state().setKeys([makeKey(), makeKey({ id: 'key_prod', environment: 'production' })]);
    state().selectKey('key_1');
    scriptReset({ seed: 42, invalidatedKeys: 1, demoKey: demo });
    const r = await state().resetSandbox();
    expect(r.ok).toBe(true);
    expect(state().selectedKeyId).toBe('key_new');
    expect(state().keys.map((k) => k.id)).toEqual(['key_1', 'key_prod', 'key_new']);
  });

  it('leaves a production key picked in the builder alone', async () => {
    state().setKeys([makeKey(), makeKey({ id: 'key_prod', environment: 'production' })]);
    state().selectKey('key_prod');
    scriptReset({ seed: 42, invalidatedKeys: 1, demoKey: demo });
    await state().resetSandbox();
    expect(state().selectedKeyId).toBe('key_prod');
  });

  it('hands a failure back in words and changes nothing', async () => {
    state().setKeys([makeKey()]);
    state().selectKey('key_1');
    fake.api.sandboxReset = async () => ({ ok: false, error: { code: 'sandbox_unavailable', message: 'The embedded sandbox is not running.' } });
    const r = await state().resetSandbox();
    expect(r).toEqual({ ok: false, error: { code: 'sandbox_unavailable', message: 'The embedded sandbox is not running.' } });
    expect(state().selectedKeyId).toBe('key_1');
  });

  it('says what happened', () => {
    expect(resetSummary({ seed: 7, invalidatedKeys: 2, demoKey: demo })).toBe(
      'The sandbox was reset to its seed data (seed 7). 2 sandbox keys no longer work and are marked Invalid on the Keys page. A new key, “Sandbox demo”, was created for the sandbox.',
    );
    expect(resetSummary({ seed: 7, invalidatedKeys: 1, demoKey: null })).toBe(
      'The sandbox was reset to its seed data (seed 7). 1 sandbox key no longer works and is marked Invalid on the Keys page. No new sandbox key could be created: create one on the Keys page.',
    );
    expect(resetSummary({ seed: 7, invalidatedKeys: 0, demoKey: demo })).toMatch(/No sandbox key of this console was affected\./);
  });
});
