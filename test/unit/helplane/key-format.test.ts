import { describe, expect, it } from 'vitest';
import { checkKeyFormat, crc32, generateKey, keyPrefix, mayHoldKey, redactKeys, redactSecret } from '../../../src-main/helplane/key-format';

describe('key format', () => {
  it('computes the standard CRC-32', () => {
    expect(crc32('123456789')).toBe(0xcbf43926);
    expect(crc32('')).toBe(0);
  });

  it('generates keys that pass the offline check', () => {
    for (let i = 0; i < 200; i++) {
      const key = generateKey(i % 2 ? 'live' : 'test');
      expect(key).toMatch(/^hl_(live|test)_[0-9A-Za-z]{38}$/);
      expect(checkKeyFormat(key)).toEqual({ ok: true, mode: i % 2 ? 'live' : 'test' });
    }
  });

  it('catches a single-character typo through the checksum', () => {
    const key = generateKey('test');
    const i = 12;
    const typo = key.slice(0, i) + (key[i] === 'a' ? 'b' : 'a') + key.slice(i + 1);
    expect(checkKeyFormat(typo)).toEqual({ ok: false, reason: 'checksum' });
  });

  it('rejects the wrong shape', () => {
    for (const bad of ['', 'hl_prod_' + 'a'.repeat(38), 'hl_test_short', generateKey('test') + 'x', ' ' + generateKey('test')]) {
      expect(checkKeyFormat(bad)).toEqual({ ok: false, reason: 'format' });
    }
  });

  it('shows the first 12 characters as the prefix', () => {
    expect(keyPrefix('hl_live_3fA9abcdef')).toBe('hl_live_3fA9');
  });

  it('redacts anything key-shaped', () => {
    const key = generateKey('live');
    const out = redactKeys(`before ${key} after`);
    expect(out).not.toContain(key);
    expect(out).toContain(keyPrefix(key));
  });
});

describe('redactSecret and mayHoldKey', () => {
  const key = generateKey('test');
  it('removes key-shaped strings and the given secret, whatever it looks like', () => {
    expect(redactSecret(`a ${key} b`, null)).toBe(`a ${key.slice(0, 12)}…[redacted] b`);
    expect(redactSecret('x custom-secret y custom-secret', 'custom-secret')).toBe('x [redacted] y [redacted]');
    expect(redactSecret('nothing here', 'custom-secret')).toBe('nothing here');
    expect(redactSecret('nothing here', '')).toBe('nothing here');
  });
  it('says whether a text could hold a key, so callers can skip the work', () => {
    expect(mayHoldKey('plain', 'custom-secret')).toBe(false);
    expect(mayHoldKey('has hl_ in it', null)).toBe(true);
    expect(mayHoldKey('has custom-secret', 'custom-secret')).toBe(true);
    expect(mayHoldKey('anything', '')).toBe(false);
  });
});
