import { describe, expect, it } from 'vitest';
import { checkKeyFormat, crc32, generateKey, keyPrefix, mayHoldKey, redactKeys, redactSecret, ruleAbidingPrefix } from '../../../src-main/helplane/key-format';

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

  it('shows the first 12 characters of a valid Helplane key as the prefix', () => {
    for (const mode of ['live', 'test'] as const) {
      const key = generateKey(mode);
      expect(keyPrefix(key)).toBe(key.slice(0, 12));
      expect(keyPrefix(key)).toMatch(new RegExp(`^hl_${mode}_[0-9A-Za-z]{4}$`));
    }
  });

  it('shows at most 4 characters, and never more than a quarter, of a key in any other format', () => {
    const of = (length: number) => 'Kx7pQ2mZ'.repeat(64).slice(0, length);
    expect(keyPrefix(of(8))).toBe('Kx');
    expect(keyPrefix(of(16))).toBe('Kx7p');
    expect(keyPrefix(of(40))).toBe('Kx7p');
    expect(keyPrefix(of(512))).toBe('Kx7p');
    for (let length = 1; length <= 64; length++) {
      const shown = keyPrefix(of(length));
      expect(shown.length).toBeLessThanOrEqual(Math.min(4, length / 4));
    }
  });

  it('treats a key that only looks like a Helplane key (bad checksum, wrong length) as any other', () => {
    const key = generateKey('live');
    const typo = key.slice(0, 20) + (key[20] === 'a' ? 'b' : 'a') + key.slice(21);
    expect(checkKeyFormat(typo).ok).toBe(false);
    expect(keyPrefix(typo)).toBe('hl_l');
    expect(keyPrefix('hl_live_3fA9abcdef')).toBe('hl_l');
    expect(keyPrefix('hl_test_')).toBe('hl');
  });

  it('cuts a prefix stored by an older console (the first 12 characters of any key) to the rule, and leaves a rule-abiding one as it is', () => {
    // Before: the whole of an 8- or 11-character key, or the first 12 of a longer one.
    expect(ruleAbidingPrefix('Kx7pQ2mZ')).toBe('Kx');
    expect(ruleAbidingPrefix('Kx7pQ2mZabc')).toBe('Kx');
    expect(ruleAbidingPrefix('Kx7pQ2mZabcd')).toBe('Kx7');
    // Already by the rule: unchanged, however often it is applied.
    for (const prefix of ['', 'K', 'Kx', 'Kx7', 'Kx7p', 'hl_live_3fA9', 'hl_test_abcd']) {
      expect(ruleAbidingPrefix(prefix)).toBe(prefix);
    }
    for (const length of [8, 16, 40, 512]) {
      const shown = keyPrefix('Kx7pQ2mZ'.repeat(64).slice(0, length));
      expect(ruleAbidingPrefix(shown)).toBe(shown);
    }
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

describe('describeFormatFault: which character is wrong', () => {
  it('names the first character that is not a letter or digit, by its position', async () => {
    const { describeFormatFault, generateKey } = await import('../../../src-main/helplane/key-format');
    const key = generateKey('test');
    const typo = `${key.slice(0, 16)}-${key.slice(17)}`;
    expect(describeFormatFault(typo)).toMatch(/^Character 17 is “-”: after hl_test_ a Helplane key has only letters and digits/);
    expect(describeFormatFault(`${key.slice(0, 20)} ${key.slice(21)}`)).toMatch(/^Character 21 is a space/);
    expect(describeFormatFault(key.slice(0, -1))).toBe('After hl_test_ a Helplane key has 38 letters and digits; this one has 37. Copy the whole key again.');
    expect(describeFormatFault(key)).toBeNull();
    expect(describeFormatFault('sk_other_key_format')).toBeNull();
  });
});
