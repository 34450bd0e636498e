import { describe, expect, it } from 'vitest';
import { isLoopbackHost } from '../../../src-main/lib/loopback';

describe('isLoopbackHost', () => {
  it.each(['localhost', '127.0.0.1', '127.1.2.3', '[::1]', '::1'])('%s is this machine', (host) => {
    expect(isLoopbackHost(host)).toBe(true);
  });

  it.each(['example.com', '128.0.0.1', '127.0.0.1.example.com', 'localhost.example.com', '10.0.0.1', '[::2]', '0.0.0.0', ''])('%s is not', (host) => {
    expect(isLoopbackHost(host)).toBe(false);
  });

  it('agrees with how URL writes hostnames', () => {
    expect(isLoopbackHost(new URL('http://[::1]:4010/').hostname)).toBe(true);
    expect(isLoopbackHost(new URL('http://127.0.0.1.nip.io/').hostname)).toBe(false);
  });
});
