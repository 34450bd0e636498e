import { describe, expect, it } from 'vitest';
import { createSenderCheck, senderInfo, senderInfoFromFrame } from '../../../src-main/app/trusted-sender';
import { fakeFrame } from './fake-electron';

const isTrusted = createSenderCheck('app://helplane');
const trustedFrom = (frame: unknown) => isTrusted(senderInfo({ senderFrame: frame as never }));

describe('trusted sender', () => {
  it('accepts the main frame of the app origin', () => {
    expect(senderInfoFromFrame(fakeFrame('app://helplane'))).toEqual({ origin: 'app://helplane', isMainFrame: true });
    expect(trustedFrom(fakeFrame('app://helplane'))).toBe(true);
  });

  it('rejects a call whose frame is gone (null senderFrame)', () => {
    expect(senderInfo({ senderFrame: null })).toEqual({ origin: null, isMainFrame: false });
    expect(trustedFrom(null)).toBe(false);
  });

  it('rejects a main frame from a foreign origin', () => {
    for (const origin of ['https://evil.example', 'file://', 'app://other', 'http://localhost:5173']) {
      expect(trustedFrom(fakeFrame(origin)), origin).toBe(false);
    }
  });

  it('rejects a subframe even when it claims the app origin', () => {
    const top = fakeFrame('app://helplane');
    expect(trustedFrom(fakeFrame('app://helplane', top))).toBe(false);
  });

  it('rejects an opaque origin ("null") such as a sandboxed iframe or data: page', () => {
    expect(senderInfoFromFrame(fakeFrame('null')).origin).toBeNull();
    expect(trustedFrom(fakeFrame('null'))).toBe(false);
  });

  it('treats a disposed frame (throws on access) as no frame', () => {
    const disposed = {
      get origin(): string {
        throw new Error('Render frame was disposed before WebFrameMain could be accessed');
      },
      parent: null,
    };
    expect(senderInfoFromFrame(disposed)).toEqual({ origin: null, isMainFrame: false });
  });

  it('trusts the dev server origin only when that is the app origin', () => {
    const dev = createSenderCheck('http://localhost:5173');
    expect(dev({ origin: 'http://localhost:5173', isMainFrame: true })).toBe(true);
    expect(dev({ origin: 'app://helplane', isMainFrame: true })).toBe(false);
  });
});
