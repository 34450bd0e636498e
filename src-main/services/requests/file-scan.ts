import { createReadStream } from 'node:fs';
import { redactSecret } from '../../helplane/key-format';

/** Longer than any form of a key (512 characters, each spelled as a 6-character \u escape). */
const OVERLAP = 4096;

/**
 * Does the file at `path` hold the key a request was sent with, in any form redaction knows, or
 * anything key-shaped? Read in chunks as Latin-1 (one character per byte, so every ASCII form is
 * found exactly, whatever the file's encoding), each chunk searched with the end of the one before,
 * so a key that straddles two chunks is found too.
 */
export async function fileHoldsKey(path: string, secret: string): Promise<boolean> {
  let carry = '';
  for await (const chunk of createReadStream(path, { encoding: 'latin1', highWaterMark: 1024 * 1024 })) {
    const window = carry + (chunk as string);
    if (redactSecret(window, secret) !== window) return true;
    carry = window.slice(-OVERLAP);
  }
  return false;
}
