/**
 * Is this URL hostname this machine (localhost, 127.0.0.0/8, ::1)? The one loopback check: it decides
 * where plain http is allowed, where a key may follow a redirect, what bypasses a proxy and which dev
 * server the window may load. URL hostnames write IPv6 in brackets; the bare form is accepted too.
 */
export function isLoopbackHost(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || hostname === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname);
}
