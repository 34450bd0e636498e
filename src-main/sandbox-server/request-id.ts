import { randomBytes } from 'node:crypto';

/** `req_<random>`: never taken from the client, so a caller cannot forge another request's id. */
export function newRequestId(): string {
  return `req_${randomBytes(12).toString('hex')}`;
}
