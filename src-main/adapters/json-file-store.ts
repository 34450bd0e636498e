import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { JsonDocument } from '../ports';
import { setFileAside } from './damaged-file';

/** A small JSON document on disk, written atomically (temp file + rename), owner-only. */
export interface JsonFileStore extends JsonDocument {
  setAside(): string | null;
}

/** `pretty: false` for files only the console reads (History: 500 entries rewritten often). */
export function createJsonFileStore(path: string, options: { pretty?: boolean } = {}): JsonFileStore {
  const indent = options.pretty === false ? undefined : 2;
  const setAside = () => (existsSync(path) ? setFileAside(path) : null);
  return {
    read() {
      let text: string;
      try {
        text = readFileSync(path, 'utf8');
      } catch {
        // Missing or unreadable (a folder in its place, no permission): the caller falls back to its defaults.
        return undefined;
      }
      try {
        return JSON.parse(text) as unknown;
      } catch {
        // Damaged (cut short, not JSON): set aside, so the next write of the defaults does not replace it.
        try {
          setAside();
        } catch {
          // Could not be renamed: then the next write into the same folder fails too, and is retried.
        }
        return undefined;
      }
    },
    write(value) {
      mkdirSync(dirname(path), { recursive: true });
      const temp = `${path}.${process.pid}.tmp`;
      writeFileSync(temp, JSON.stringify(value, null, indent), { mode: 0o600 });
      renameSync(temp, path);
    },
    setAside,
  };
}
