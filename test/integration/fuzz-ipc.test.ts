import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INVOKE_CHANNELS, operationForChannel, type ErrorCode } from '../../src-preload/contract';
import type { IpcRouter, SenderInfo } from '../../src-main/ipc/router';
import { createWebCore } from '../../src-main/web-host/web-core';
import { tempDir } from '../helpers/temp-dir';
import { argFor, fuzzOverrides, junkArb, KEY_SHAPED, operationArb, STORED_SECRET } from './fuzz-fixtures';

// Every IPC channel of the contract, fuzzed at the router with the real core (fakes only for the
// keychain, the network and the sandbox). New channels are covered as soon as they are declared.
const ORIGIN = 'http://127.0.0.1:1';
const TRUSTED: SenderInfo = { origin: ORIGIN, isMainFrame: true };
const dir = tempDir('fuzz-ipc');
const overrides = fuzzOverrides();
let core: { router: IpcRouter; dispose(): Promise<void> };

beforeAll(async () => {
  core = await createWebCore(dir.path, overrides)({ origin: ORIGIN, events: { emit: () => undefined } });
});
afterAll(async () => {
  await core.dispose();
  dir.cleanup();
});

/** A reply is a Result: ok with a value, or an error with a known-looking code and a sentence. */
function assertResult(reply: unknown): void {
  expect(reply).toBeTypeOf('object');
  const r = reply as { ok: unknown; value?: unknown; error?: { code: ErrorCode; message: string } };
  expect(typeof r.ok).toBe('boolean');
  if (!r.ok) {
    expect(r.error?.code).toMatch(/^[a-z_]+$/);
    expect(r.error?.message.length).toBeGreaterThan(0);
  }
  const text = JSON.stringify(reply);
  expect(text).not.toMatch(KEY_SHAPED);
  expect(text).not.toContain(STORED_SECRET);
}

async function call(channel: unknown, sender: SenderInfo, arg: unknown): Promise<unknown> {
  // handle() must never reject: a rejection fails the property.
  return core.router.handle(channel as string, sender, arg);
}

describe('IPC fuzz (router, every channel)', () => {
  it('any argument to any operation gives a Result, never a throw or a key', async () => {
    const outcomes = new Set<string>();
    await fc.assert(
      fc.asyncProperty(operationArb.chain((op) => fc.tuple(fc.constant(op), argFor(op))), async ([op, arg]) => {
        const reply = (await call(INVOKE_CHANNELS[op], TRUSTED, arg)) as { ok: boolean; error?: { code: string } };
        assertResult(reply);
        outcomes.add(reply.ok ? `${op}:ok` : reply.error?.code ?? '');
      }),
      { numRuns: 300 },
    );
    // The fuzz reached past validation, into the services (else it proves little).
    expect([...outcomes].some((o) => o.endsWith(':ok') && !o.startsWith('appInfo') && !o.startsWith('keysList')), [...outcomes].join()).toBe(true);
    expect(outcomes.has('invalid_argument')).toBe(true);
    // Nothing reached the "this is a bug" path, and nothing leaked onto Object.prototype.
    expect(overrides.unexpected).toEqual([]);
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(Object.getOwnPropertyNames(Object.getPrototypeOf({})).sort());
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('wrong types in every declared field are refused as invalid_argument', async () => {
    await fc.assert(
      fc.asyncProperty(operationArb, fc.constantFrom(42, true, [], { nested: { deeper: [1] } }, 'x'.repeat(3 * 1024 * 1024)), async (op, bad) => {
        const reply = (await call(INVOKE_CHANNELS[op], TRUSTED, { keyId: bad, name: bad, secret: bad, path: bad, query: bad, exportId: bad })) as { ok: boolean; error?: { code: string } };
        assertResult(reply);
        expect(reply.ok).toBe(false);
        expect(reply.error?.code).toBe('invalid_argument');
      }),
      { numRuns: 100 },
    );
  });

  it('unknown channels, prototype names included, are unknown_channel', async () => {
    const channelArb = fc.oneof(
      fc.constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty', 'app:info ', 'APP:INFO', 'keys:*', '', 'ipc/keys:list'),
      fc.string({ maxLength: 40 }),
    );
    await fc.assert(
      fc.asyncProperty(channelArb.filter((c) => operationForChannel(c) === undefined), junkArb, async (channel, arg) => {
        const reply = (await call(channel, TRUSTED, arg)) as { ok: boolean; error?: { code: string } };
        assertResult(reply);
        expect(reply.error?.code).toBe('unknown_channel');
      }),
      { numRuns: 150 },
    );
    for (const notAString of [undefined, null, 42, {}, ['keys:list'], Symbol('keys:list')]) {
      expect(await call(notAString, TRUSTED, undefined)).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
    }
  });

  it('an untrusted sender is refused on every channel before its argument is looked at', async () => {
    const senderArb = fc.record({
      origin: fc.oneof(fc.constant(null), fc.constantFrom('null', 'http://evil.test', 'http://127.0.0.1:2', 'app://helplane', 'file://'), fc.string({ maxLength: 30 })),
      isMainFrame: fc.boolean(),
    }).filter((s) => !(s.isMainFrame && (s.origin === ORIGIN || s.origin === ORIGIN.replace('127.0.0.1', 'localhost'))));
    await fc.assert(
      fc.asyncProperty(operationArb, senderArb, junkArb, async (op, sender, arg) => {
        const reply = (await call(INVOKE_CHANNELS[op], sender, arg)) as { ok: boolean; error?: { code: string } };
        assertResult(reply);
        expect(reply.error?.code).toBe('forbidden_sender');
      }),
      { numRuns: 150 },
    );
  });
});
