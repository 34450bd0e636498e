import { appendFileSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { AppendOnlyFile } from '../ports';

/**
 * A file written only at its end, synchronously: an access-log line is on disk before the read it
 * records is answered, and a crash can at worst cut the last line. Owner-only, like every data file.
 */
export function appendOnlyFile(path: string): AppendOnlyFile {
  return {
    path,
    read() {
      try {
        return readFileSync(path, 'utf8');
      } catch (error) {
        if ((error as { code?: unknown }).code === 'ENOENT') return null;
        throw error;
      }
    },
    append(text) {
      mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
      appendFileSync(path, text, { mode: 0o600 });
    },
  };
}
