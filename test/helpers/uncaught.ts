import { afterEach, beforeEach } from 'vitest';

/**
 * Errors that reached the process (a throw out of a timer, a rejection nobody handled), recorded by
 * process-level listeners for the duration of each test of the file that calls this.
 */
export function recordUncaught(): unknown[] {
  const seen: unknown[] = [];
  const record = (error: unknown) => void seen.push(error);
  beforeEach(() => {
    seen.length = 0;
    process.on('uncaughtException', record);
    process.on('unhandledRejection', record);
  });
  afterEach(() => {
    process.off('uncaughtException', record);
    process.off('unhandledRejection', record);
  });
  return seen;
}
