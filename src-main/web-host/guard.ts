import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/** The checks every web-host request passes: Host, Origin and the per-launch token. */
export interface GuardOptions {
  port: number;
  token: string;
}

export function allowedOrigins(port: number): string[] {
  return [`http://127.0.0.1:${port}`, `http://localhost:${port}`];
}

/** Host must name this server (a DNS-rebinding page would send its own host name). */
export function hostAllowed(req: IncomingMessage, port: number): boolean {
  const host = req.headers.host;
  return host === `127.0.0.1:${port}` || host === `localhost:${port}`;
}

/** Origin, when a browser sends one, must be this server's own. */
export function originAllowed(req: IncomingMessage, port: number, required: boolean): boolean {
  const origin = req.headers.origin;
  if (origin === undefined) return !required;
  return allowedOrigins(port).includes(origin);
}

export function tokenAllowed(req: IncomingMessage, token: string): boolean {
  const given = req.headers['x-helplane-token'];
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The cookie that lets a plain link click download a file: set only to a page that showed the token. */
export const DOWNLOAD_COOKIE = 'helplane-downloads';

/** Does the request carry the download cookie of this launch? */
export function downloadCookieAllowed(req: IncomingMessage, session: string): boolean {
  const cookies = req.headers.cookie ?? '';
  for (const part of cookies.split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name !== DOWNLOAD_COOKIE) continue;
    const a = Buffer.from(rest.join('='));
    const b = Buffer.from(session);
    if (a.length === b.length && timingSafeEqual(a, b)) return true;
  }
  return false;
}
