import { describe, expect, it } from 'vitest';
import { checkKeyFormat, crc32, generateKey, keyPrefix, redactKeys } from '../../../src-main/helplane/key-format';

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
