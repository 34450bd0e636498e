import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyRequest, onRequestAsyncHookHandler } from 'fastify';
import { ApiError } from './errors';

const digest = (text: string): Buffer => createHash('sha256').update(text, 'utf8').digest();

const unauthorized = (code: string, message: string): ApiError =>
  new ApiError(401, 'authentication_error', code, message, null, { 'www-authenticate': 'Bearer' });

/** onRequest hook for /_sandbox: `Authorization: Bearer <admin token>`, compared in constant time. */
export function adminAuth(adminToken: string): onRequestAsyncHookHandler {
  // Comparing digests gives equal lengths, so timingSafeEqual never leaks the token's length.
  const expected = digest(adminToken);
  return async (request: FastifyRequest) => {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.authorization ?? '');
    if (!match?.[1]) {
      throw unauthorized('missing_admin_token', 'Send the admin token as Authorization: Bearer <token>.');
    }
    if (!timingSafeEqual(digest(match[1]), expected)) {
      throw unauthorized('invalid_admin_token', 'The admin token is wrong; use the one the sandbox printed.');
    }
  };
}
