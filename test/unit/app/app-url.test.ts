import { describe, expect, it } from 'vitest';
import { APP_ENTRY_URL, originOf, resolveRendererUrl } from '../../../src-main/app/app-url';

describe('originOf', () => {
  it('gives the app scheme a tuple origin (WHATWG URL says "null")', () => {
    expect(originOf('app://helplane/index.html#x')).toBe('app://helplane');
    expect(originOf('http://localhost:5173/')).toBe('http://localhost:5173');
  });

  it('returns null for opaque or invalid URLs', () => {
    expect(originOf('about:blank')).toBeNull();
    expect(originOf('data:text/html,hi')).toBeNull();
    expect(originOf('not a url')).toBeNull();
  });
});

describe('resolveRendererUrl', () => {
  it('uses app://helplane when packaged, whatever the environment says', () => {
    expect(resolveRendererUrl('http://localhost:5173/', true)).toBe(APP_ENTRY_URL);
  });

  it('uses the loopback dev server unpackaged', () => {
    expect(resolveRendererUrl('http://localhost:5173', false)).toBe('http://localhost:5173/');
    expect(resolveRendererUrl(undefined, false)).toBe(APP_ENTRY_URL);
  });

  it('ignores a dev URL that is not on loopback', () => {
    expect(resolveRendererUrl('https://evil.example/', false)).toBe(APP_ENTRY_URL);
    expect(resolveRendererUrl('file:///tmp/x.html', false)).toBe(APP_ENTRY_URL);
  });
});
