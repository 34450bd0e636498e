import type { LogSink } from '../ports';

export type LogLevel = 'error' | 'warn' | 'info';

export interface Logger {
  log(level: LogLevel, message: string, error?: unknown): void;
  error(message: string, error?: unknown): void;
  warn(message: string, error?: unknown): void;
  info(message: string): void;
}

/** Longest entry written; a runaway error (a whole response body, say) is cut here. */
export const MAX_ENTRY_CHARS = 8 * 1024;

/** An error as text: name, message, stack and causes (never its enumerable payload, which may hold input). */
export function describeError(error: unknown, depth = 0): string {
  if (!(error instanceof Error)) {
    try {
      return typeof error === 'string' ? error : JSON.stringify(error) ?? String(error);
    } catch {
      return String(error);
    }
  }
  const head = error.stack && error.stack.includes(error.message) ? error.stack : `${error.name}: ${error.message}\n${error.stack ?? ''}`;
  const cause = depth < 3 && error.cause !== undefined ? `\nCaused by: ${describeError(error.cause, depth + 1)}` : '';
  return `${head}${cause}`;
}

/**
 * A logger whose every entry is redacted, size-capped and written as one timestamped block.
 * `redact` removes every secret from an entry (the hosts pass helplane/log-redaction.ts's).
 */
export function createLogger(sink: LogSink, redact: (text: string) => string, now: () => Date = () => new Date()): Logger {
  const log = (level: LogLevel, message: string, error?: unknown) => {
    const detail = error === undefined ? '' : `\n${describeError(error)}`;
    let entry = `${now().toISOString()} ${level.toUpperCase()} ${message}${detail}`;
    if (entry.length > MAX_ENTRY_CHARS) entry = `${entry.slice(0, MAX_ENTRY_CHARS)}… [cut]`;
    // Redact after cutting too: a cut could not create a secret, but redacting last is the rule.
    const indented = redact(entry).replace(/\n/g, '\n  ');
    try {
      sink.write(`${indented}\n`);
    } catch {
      // Logging must never take the console down.
    }
  };
  return {
    log,
    error: (message, error) => log('error', message, error),
    warn: (message, error) => log('warn', message, error),
    info: (message) => log('info', message),
  };
}
