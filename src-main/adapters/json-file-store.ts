import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** A small JSON document on disk, written atomically (temp file + rename), owner-only. */
export interface JsonFileStore {
  read(): unknown;
  write(value: unknown): void;
}

/** `pretty: false` for files only the console reads (History: 500 entries rewritten often). */
export function createJsonFileStore(path: string, options: { pretty?: boolean } = {}): JsonFileStore {
  const indent = options.pretty === false ? undefined : 2;
  return {
    read() {
      try {
        return JSON.parse(readFileSync(path, 'utf8')) as unknown;
      } catch {
        // Missing or unreadable: the caller falls back to its defaults.
        return undefined;
      }
    },
    write(value) {
      mkdirSync(dirname(path), { recursive: true });
      const temp = `${path}.${process.pid}.tmp`;
      writeFileSync(temp, JSON.stringify(value, null, indent), { mode: 0o600 });
      renameSync(temp, path);
    },
  };
}
