import { describe, expect, it } from 'vitest';
import { generateKey, keyPrefix, mayHoldKey, redactSecret } from '../../../src-main/helplane/key-format';
import { PIECE_MIN, bytesMayHoldPiece, redactPieces, textMayHoldPiece } from '../../../src-main/helplane/key-pieces';

const KEY = generateKey('live');
const CUSTOM = 'staging-Secret-7fQ2xZ9kLmN0pR';
const body = (piece: string, before = 0) => `{"pad":"${'x'.repeat(before)}","echo":"<${piece}>","more":[1,2,3]}`;

describe('pieces of the key in the middle of a text', () => {
  it(`are redacted from ${PIECE_MIN} characters, wherever they start (every sampling offset)`, () => {
    for (const secret of [KEY, CUSTOM]) {
      const visible = keyPrefix(secret).length;
      for (let start = Math.max(0, visible - PIECE_MIN + 1); start + PIECE_MIN <= secret.length; start += 3) {
        const piece = secret.slice(start, start + PIECE_MIN);
        for (let before = 0; before < 6; before++) {
          const text = body(piece, before);
          expect(textMayHoldPiece(text, secret, visible)).toBe(true);
          expect(bytesMayHoldPiece(Buffer.from(text), secret, visible)).toBe(true);
          expect(redactSecret(text, secret), `${piece} after ${before}`).toBe(body('[redacted]', before));
        }
      }
    }
  });

  it(`keep a run of ${PIECE_MIN - 1} characters, and the prefix the console shows itself`, () => {
    const piece = KEY.slice(20, 20 + PIECE_MIN - 1);
    expect(redactSecret(body(piece), KEY)).toBe(body(piece));
    expect(redactSecret(body(KEY.slice(0, 12)), KEY)).toBe(body(KEY.slice(0, 12)));
    // One character past the prefix is more than it shows.
    expect(redactSecret(body(KEY.slice(0, 13)), KEY)).toBe(body('[redacted]'));
  });

  it('are redacted in full when longer, and several in one text, as one marker each', () => {
    const text = `a ${CUSTOM.slice(2, 20)} b ${CUSTOM.slice(9, 18)} c`;
    expect(redactPieces(text, CUSTOM, keyPrefix(CUSTOM).length)).toBe('a [redacted] b [redacted] c');
  });

  it('leave ordinary text alone, and a key of 8 characters is searched for whole only', () => {
    const sandboxish = JSON.stringify({ data: Array.from({ length: 50 }, (_, i) => ({ id: `cv_${i}`, subject: 'Order question', status: 'open' })) });
    // A fixed key here: the pass is a sampled pre-check whose hashed 4-gram table may, for a rare
    // random key, give a harmless "maybe" on ordinary text (the exact check then finds nothing).
    const fixed = 'hl_live_Zq7XwK2mPv9TbN4rLs6YcH3jDg8FkW5nQx1MzR';
    expect(textMayHoldPiece(sandboxish, fixed, 12)).toBe(false);
    expect(bytesMayHoldPiece(Buffer.from(sandboxish), fixed, 12)).toBe(false);
    // Whatever the key, nothing in ordinary text is redacted.
    for (let i = 0; i < 200; i++) expect(redactPieces(sandboxish, generateKey('live'), 12)).toBe(sandboxish);
    expect(mayHoldKey('{"ok":true}', CUSTOM)).toBe(false);
    expect(redactSecret('abcdefgh and abcdefg', 'abcdefgh')).toBe('[redacted] and abcdefg');
  });

  it('are found in header-sized values (mayHoldKey), so a header holding one is scrubbed', () => {
    expect(mayHoldKey(`token=${CUSTOM.slice(6, 16)}`, CUSTOM)).toBe(true);
  });
});

describe('a run of few different characters', () => {
  it('is not taken for a piece of a key that happens to hold it', () => {
    const key = 'hl_test_canary000000000000000000xyz';
    expect(redactSecret(`{"n":"${'0'.repeat(40)}","m":"abababab"}`, key)).toBe(`{"n":"${'0'.repeat(40)}","m":"abababab"}`);
    expect(redactSecret('{"n":"canary00000000"}', key)).toBe('{"n":"[redacted]"}');
  });
});

describe('the sampled pre-check', () => {
  it('says "surely not" for an ordinary 100 KB reply (a hashed gram met by chance is checked against the key’s own grams)', () => {
    const secret = 'hl_live_Q9zK2vX7mP4wR8tY6uN3bL5cJ1hG0fD2sA4eZ';
    const visible = keyPrefix(secret).length;
    const reply = JSON.stringify({
      object: 'list',
      data: Array.from({ length: 500 }, (_, i) => ({
        id: `cv_${(i * 7919).toString(36).padStart(14, '0')}`,
        object: 'conversation',
        subject: `Order ${1000 + i} has not arrived yet`,
        status: i % 3 === 0 ? 'open' : 'closed',
        channel: 'email',
        tags: ['billing', 'priority'],
        contact_id: `ct_${(i * 104729).toString(36).padStart(14, '0')}`,
        created_at: `2026-11-${String(1 + (i % 28)).padStart(2, '0')}T10:00:00Z`,
        last_message_at: `2026-11-${String(1 + (i % 28)).padStart(2, '0')}T12:00:00Z`,
      })),
      has_more: true,
    });
    expect(reply.length).toBeGreaterThan(100_000);
    expect(bytesMayHoldPiece(Buffer.from(reply), secret, visible)).toBe(false);
    expect(textMayHoldPiece(reply, secret, visible)).toBe(false);
    // And the same reply with 8 of the key's characters in it is a "maybe", and they are redacted.
    const echoed = reply.replace('Order 1003', `Order ${secret.slice(20, 28)}`);
    expect(bytesMayHoldPiece(Buffer.from(echoed), secret, visible)).toBe(true);
    expect(redactSecret(echoed, secret)).not.toContain(secret.slice(20, 28));
  });
});
