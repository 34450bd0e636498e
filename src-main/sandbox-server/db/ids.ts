import { randomBytes } from 'node:crypto';

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** A new opaque id such as `ct_9fK2…`: 14 random base62 characters, like the seeded ones. */
export function newId(prefix: string): string {
  let body = '';
  while (body.length < 14) {
    for (const byte of randomBytes(20)) {
      // Bytes >= 248 are dropped so every character is equally likely.
      if (byte < 248 && body.length < 14) body += BASE62[byte % 62];
    }
  }
  return `${prefix}_${body}`;
}
