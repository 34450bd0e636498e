import { describe, expect, it } from 'vitest';
import { generateKey, keyPrefix, mayHoldKey, redactSecret } from '../../../src-main/helplane/key-format';
import { base64Needles, redactCutTail, secretForms, unescapePrintable } from '../../../src-main/helplane/secret-forms';

const KEY = generateKey('test');
const CUSTOM = 'cu"st/om+key=\\v4lue!';

describe('the forms a server can echo a key in', () => {
  it('are the key itself, JSON-escaped and URL-encoded (either hex case)', () => {
    expect(secretForms(KEY)).toEqual([KEY]);
    expect(secretForms(CUSTOM)).toEqual([CUSTOM, JSON.stringify(CUSTOM).slice(1, -1), encodeURIComponent(CUSTOM), encodeURIComponent(CUSTOM).replace(/%[0-9A-F]{2}/g, (h) => h.toLowerCase())]);
  });

  it('are all redacted', () => {
    for (const form of secretForms(CUSTOM)) expect(redactSecret(`before ${form} after`, CUSTOM)).toBe('before [redacted] after');
    expect(redactSecret(JSON.stringify({ echoed: CUSTOM }), CUSTOM)).toBe('{"echoed":"[redacted]"}');
  });

  it('include the key spelled in \\u escapes, for a Helplane key and any other', () => {
    const escaped = (s: string) => [...s].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).join('');
    expect(redactSecret(`{"k":"${escaped(KEY)}"}`, null)).toBe(`{"k":"${KEY.slice(0, 12)}…[redacted]"}`);
    expect(redactSecret(`{"k":"${escaped('my-own-secret-1')}"}`, 'my-own-secret-1')).toBe('{"k":"[redacted]"}');
    // Escapes that spell no key stay as they were.
    expect(redactSecret('{"name":"Jos\\u00e9 \\u0041"}', 'my-own-secret-1')).toBe('{"name":"Jos\\u00e9 \\u0041"}');
  });

  it('unescapes only printable ASCII that JSON allows unescaped', () => {
    expect(unescapePrintable('\\u0041\\u0022\\u005c\\u000a\\u00e9')).toBe('A\\"\\\\\\u000a\\u00e9');
    expect(JSON.parse(`"${unescapePrintable('\\u0041\\u0022\\u005c')}"`)).toBe('A"\\');
  });

  it('match in any letter case where a server lowercases (a host name)', () => {
    const secret = 'MyHostSecret99';
    expect(redactSecret(`http://${secret.toLowerCase()}.example/x`, secret, { anyCase: true })).toBe('http://[redacted].example/x');
    expect(redactSecret(`http://${secret.toLowerCase()}.example/x`, secret)).toBe(`http://${secret.toLowerCase()}.example/x`);
  });
});

describe('a key cut at the end of a text', () => {
  it('shows no more of it than a prefix may show', () => {
    const visible = (secret: string) => keyPrefix(secret).length;
    expect(redactCutTail(`{"echo":"${KEY.slice(0, 30)}`, KEY, visible(KEY))).toBe('{"echo":"[redacted]');
    expect(redactCutTail(`{"echo":"${KEY.slice(0, 12)}`, KEY, visible(KEY))).toBe(`{"echo":"${KEY.slice(0, 12)}`);
    expect(redactCutTail('{"echo":"my-own', 'my-own-secret-1', visible('my-own-secret-1'))).toBe('{"echo":"[redacted]');
    expect(redactSecret('{"echo":"my-own', 'my-own-secret-1', { cut: true })).toBe('{"echo":"[redacted]');
  });

  it('goes for any Helplane-shaped piece too short for the key pattern, only when the text was cut', () => {
    const other = generateKey('live').slice(0, 25);
    expect(redactSecret(`x ${other}`, null, { cut: true })).toBe(`x ${other.slice(0, 12)}…[redacted]`);
    expect(redactSecret(`x ${other}`, null)).toBe(`x ${other}`);
    expect(redactSecret(`x ${KEY.slice(0, 40)}`, KEY, { cut: true })).not.toContain(KEY.slice(12, 20));
  });
});

describe('base64 forms of the key', () => {
  const encodings = (data: Buffer) => [data.toString('base64'), data.toString('base64url')];

  it('are found at each of the 3 alignments inside longer base64, standard and URL-safe, and redacted', () => {
    for (const secret of [KEY, CUSTOM, 'short8ch', 'key with ~ and ? >>> and ÿ']) {
      for (let before = 0; before < 6; before++) {
        for (const after of [0, 1, 2, 5]) {
          const data = Buffer.concat([Buffer.from('x'.repeat(before)), Buffer.from(secret, 'utf8'), Buffer.from('y'.repeat(after))]);
          for (const encoded of encodings(data)) {
            const text = `{"blob":"${encoded}"}`;
            expect(mayHoldKey(text, secret), `${secret} after ${before}, ${encoded}`).toBe(true);
            const redacted = redactSecret(text, secret);
            expect(redacted).toContain('[redacted]');
            // What is left is at most 2 characters of each end: not enough to decode a key from.
            const left = redacted.replace('{"blob":"', '').replace('"}', '').split('[redacted]');
            expect(left.join('').length).toBeLessThanOrEqual(Math.ceil(((before + after) * 4) / 3) + 6);
          }
        }
      }
    }
  });

  it('are found in a Basic credential (user:key) and a JWT-style segment', () => {
    const basic = `Basic ${Buffer.from(`me:${CUSTOM}`).toString('base64')}`;
    expect(redactSecret(basic, CUSTOM)).not.toContain(Buffer.from(CUSTOM).toString('base64').slice(2, -2));
    const jwt = `eyJhbGciOiJIUzI1NiJ9.${Buffer.from(JSON.stringify({ sub: KEY })).toString('base64url')}.sig`;
    expect(redactSecret(jwt, KEY)).toContain('[redacted]');
  });

  it('leave text without the key alone (base64 of other data, the key with one byte changed)', () => {
    // One character in the middle changed (the last one's low bits may lie past what a form holds).
    const changed = `${KEY.slice(0, 20)}${KEY[20] === 'Z' ? 'Y' : 'Z'}${KEY.slice(21)}`;
    const other = Buffer.from(changed).toString('base64');
    expect(redactSecret(other, KEY)).toBe(other);
    expect(mayHoldKey('{"ok":true}', CUSTOM)).toBe(false);
  });

  it('cut at the end of a text show no more than a prefix may', () => {
    const encoded = Buffer.from(CUSTOM).toString('base64');
    expect(redactSecret(`{"blob":"${encoded.slice(0, 16)}`, CUSTOM, { cut: true })).toBe('{"blob":"[redacted]');
  });

  it('are computed once per key', () => {
    expect(base64Needles(CUSTOM)).toBe(base64Needles(CUSTOM));
    expect(base64Needles(KEY).forms.length).toBeLessThanOrEqual(6);
  });
});
