import { describe, expect, it } from 'vitest';
import { buildUrl, checkUserHeaders } from '../../../../src-main/services/requests/request-guard';
import { normaliseCustomBaseUrl } from '../../../../src-main/helplane/environments';

describe('checkUserHeaders', () => {
  it('passes ordinary headers through', () => {
    expect(checkUserHeaders([{ name: 'Accept-Language', value: 'fr' }])).toEqual({ 'Accept-Language': 'fr' });
  });

  it.each(['X-API-Key', 'x-api-key', 'Host', 'Content-Length', 'Transfer-Encoding'])('refuses to let the user set %s', (name) => {
    expect(() => checkUserHeaders([{ name, value: 'x' }])).toThrow(/sets/);
  });

  it.each(['a\r\nX-API-Key: stolen', 'a\nb', 'a\0b'])('refuses CR, LF or NUL in a value (%j)', (value) => {
    expect(() => checkUserHeaders([{ name: 'X-Note', value }])).toThrow(/line break or NUL/);
  });

  it('refuses invalid header names', () => {
    expect(() => checkUserHeaders([{ name: 'Bad Name', value: 'x' }])).toThrow(/not valid/);
    expect(() => checkUserHeaders([{ name: 'X\r\nY', value: 'x' }])).toThrow(/not valid/);
  });
});

describe('buildUrl', () => {
  it('puts the path and query under the key origin', () => {
    expect(buildUrl('http://127.0.0.1:9', '/v1/contacts', [{ name: 'q', value: 'a b' }]).href).toBe('http://127.0.0.1:9/v1/contacts?q=a+b');
  });

  it.each(['//evil.test/v1', '/\\evil.test', 'http://evil.test/', '/v1\r\n'])('refuses a path that could leave the origin (%j)', (path) => {
    expect(() => buildUrl('https://api.helplane.io', path)).toThrow();
  });
});

describe('normaliseCustomBaseUrl', () => {
  it('accepts https and loopback http, as an origin', () => {
    expect(normaliseCustomBaseUrl('https://api.example.com/')).toBe('https://api.example.com');
    expect(normaliseCustomBaseUrl('http://127.0.0.1:8080')).toBe('http://127.0.0.1:8080');
    expect(normaliseCustomBaseUrl('http://localhost:3000')).toBe('http://localhost:3000');
  });

  it.each(['http://example.com', 'ftp://example.com', 'https://user:pw@example.com', 'https://example.com/v1', 'not a url', ''])('refuses %j', (raw) => {
    expect(() => normaliseCustomBaseUrl(raw)).toThrow();
  });
});
