import { describe, expect, it, vi } from 'vitest';
import { createExternalOpener, EXTERNAL_ORIGINS, isAllowedExternalUrl } from '../../../src-main/app/external-links';
import { hardenWebContents, type HardenedContents } from '../../../src-main/app/security';
import { FakeWebContents, fakeEvent } from '../app/fake-electron';

const REFUSED = [
  'http://helplane.io/',
  'http://api.helplane.io/v1',
  'https://helplane.io.evil.example/',
  'https://evilhelplane.io/',
  'https://user:pass@helplane.io/',
  'https://helplane.io:8443/',
  'file:///etc/passwd',
  'smb://helplane.io/share',
  'javascript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'ms-msdt:/id PCWDiagnostic',
  'app://helplane/index.html',
  '//helplane.io/',
  'helplane.io',
  '',
  'https://' + 'a'.repeat(3000) + '.helplane.io/',
];

describe('isAllowedExternalUrl', () => {
  it('allows https pages on the Helplane sites', () => {
    for (const url of ['https://helplane.io/', 'https://api.helplane.io/v1/docs#keys', 'https://docs.helplane.io/rate-limits?x=1']) {
      expect(isAllowedExternalUrl(url), url).toBe(true);
    }
    expect(EXTERNAL_ORIGINS.every((origin) => origin.startsWith('https://'))).toBe(true);
  });

  it.each(REFUSED)('refuses %s', (url) => {
    expect(isAllowedExternalUrl(url)).toBe(false);
  });

  it('refuses anything that is not a string', () => {
    for (const value of [null, undefined, 42, {}, ['https://helplane.io/'], new URL('https://helplane.io/')]) {
      expect(isAllowedExternalUrl(value)).toBe(false);
    }
  });
});

describe('shell.openExternal', () => {
  it('is called only for allowlisted URLs, with the normalised URL', () => {
    const shell = { openExternal: vi.fn(async () => undefined) };
    const open = createExternalOpener(shell);
    for (const url of REFUSED) expect(open(url), url).toBe(false);
    expect(shell.openExternal).not.toHaveBeenCalled();
    expect(open('https://docs.helplane.io/a b')).toBe(true);
    expect(shell.openExternal).toHaveBeenCalledExactlyOnceWith('https://docs.helplane.io/a%20b');
  });

  it('a failure to open is reported, not thrown', async () => {
    const onError = vi.fn();
    const open = createExternalOpener({ openExternal: async () => Promise.reject(new Error('no browser')) }, onError);
    expect(open('https://helplane.io/')).toBe(true);
    await vi.waitFor(() => expect(onError).toHaveBeenCalledOnce());
  });

  it('window.open and link clicks: allowlisted pages go to the OS browser, the window never opens or leaves the app', () => {
    const opened: string[] = [];
    const contents = new FakeWebContents();
    hardenWebContents(contents as unknown as HardenedContents, 'app://helplane', (url) => {
      if (!isAllowedExternalUrl(url)) return false;
      opened.push(url);
      return true;
    });
    expect(contents.windowOpenHandler?.({ url: 'https://docs.helplane.io/' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    const click = fakeEvent('https://helplane.io/pricing');
    contents.emit('will-navigate', click);
    expect(click.defaultPrevented).toBe(true);
    // A redirect is not a click: blocked, and not opened either.
    const redirect = fakeEvent('https://helplane.io/elsewhere');
    contents.emit('will-redirect', redirect);
    expect(redirect.defaultPrevented).toBe(true);
    expect(opened).toEqual(['https://docs.helplane.io/', 'https://helplane.io/pricing']);
  });
});
