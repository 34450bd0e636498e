import { appendFileSync, existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { LogSink } from '../ports';

export interface LogFileOptions {
  /** The live file, e.g. `<dataDir>/logs/console.log`; older ones are console.1.log, console.2.log … */
  path: string;
  /** Rotate before the file would pass this size. */
  maxBytes?: number;
  /** Rotated files kept besides the live one. */
  keep?: number;
}

export const DEFAULT_LOG_MAX_BYTES = 1024 * 1024;
export const DEFAULT_LOG_KEEP = 3;

/** `<dataDir>/logs/console.log`: where both hosts log. */
export function logFilePath(dataDir: string): string {
  return join(dataDir, 'logs', 'console.log');
}

function rotatedName(path: string, n: number): string {
  return path.replace(/(\.log)?$/, `.${n}.log`);
}

/**
 * An append-only log file that rotates at a size cap. Synchronous: entries are rare (unexpected
 * errors) and must be on disk if the process dies right after. The folder is created on first write.
 */
export function createLogFile(options: LogFileOptions): LogSink {
  const maxBytes = options.maxBytes ?? DEFAULT_LOG_MAX_BYTES;
  const keep = options.keep ?? DEFAULT_LOG_KEEP;
  const { path } = options;

  function rotate(): void {
    rmSync(rotatedName(path, keep), { force: true });
    for (let n = keep - 1; n >= 1; n--) {
      if (existsSync(rotatedName(path, n))) renameSync(rotatedName(path, n), rotatedName(path, n + 1));
    }
    if (keep > 0) renameSync(path, rotatedName(path, 1));
    else rmSync(path, { force: true });
  }

  return {
    write(line) {
      mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
      const size = existsSync(path) ? statSync(path).size : 0;
      if (size > 0 && size + Buffer.byteLength(line) > maxBytes) rotate();
      appendFileSync(path, line, { mode: 0o600 });
    },
  };
}
