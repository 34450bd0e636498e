import { randomFillSync } from 'node:crypto';

const ID_BYTES = 12;
// One syscall fills ids for 512 requests; a getrandom call per request showed up in profiles.
const pool = Buffer.alloc(ID_BYTES * 512);
let offset = pool.length;

/** `req_<random>`: never taken from the client, so a caller cannot forge another request's id. */
export function newRequestId(): string {
  if (offset >= pool.length) {
    randomFillSync(pool);
    offset = 0;
  }
  const id = pool.toString('hex', offset, offset + ID_BYTES);
  offset += ID_BYTES;
  return `req_${id}`;
}
