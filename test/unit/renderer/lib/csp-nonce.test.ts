import { describe, expect, it } from 'vitest';
import { cspStyleNonce, type NonceSource } from '../../../../src-renderer/src/lib/csp-nonce';

/** A document whose csp-nonce meta has this `nonce` property and attribute (browsers hide the attribute). */
function doc(meta: { nonce?: string; attribute?: string } | null): NonceSource {
  const element = meta && { nonce: meta.nonce ?? '', getAttribute: () => meta.attribute ?? null };
  return { querySelector: () => element };
}

describe('cspStyleNonce', () => {
  it('reads the nonce the host wrote, through the property the browser keeps', () => {
    expect(cspStyleNonce(doc({ nonce: 'abc+/12==' }))).toBe('abc+/12==');
    expect(cspStyleNonce(doc({ attribute: 'xyz' }))).toBe('xyz');
  });

  it('has none when the page has no meta or the dev server left the placeholder', () => {
    expect(cspStyleNonce(doc(null))).toBeUndefined();
    expect(cspStyleNonce(doc({ nonce: '__HELPLANE_CSP_NONCE__' }))).toBeUndefined();
  });
});
