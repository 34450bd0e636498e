import { redactKeys } from '../helplane/key-format';

/** Where log lines go (a rotating file in the data dir; memory in tests). */
export interface LogSink {
  write(line: string): void;
}

export type LogLevel = 'error' | 'warn' | 'info';

export interface Logger {
  log(level: LogLevel, message: string, error?: unknown): void;
  error(message: string, error?: unknown): void;
  warn(message: string, error?: unknown): void;
  info(message: string): void;
}

/** Longest entry written; a runaway error (a whole response body, say) is cut here. */
export const MAX_ENTRY_CHARS = 8 * 1024;

const SECRET_HEADER = /\b(x-api-key|x-helplane-token)(["']?\s*[:=]\s*["']?)([^\s"',;}]+)/gi;
const BEARER = /\b(bearer)(\s+)([^\s"',;}]+)/gi;
const SECRET_FIELD = /(["']?(?:secret|adminToken|admin_token|apiKey|api_key|token|password)["']?\s*[:=]\s*["']?)([^\s"',;}&]+)/gi;

/**
 * Remove anything secret from a log entry: key-shaped strings (kept to their prefix), the values
 * of X-API-Key and the web host's token header, Bearer credentials (the sandbox admin token) and
 * fields named like a secret. Applied to every entry, whatever its source.
 */
export function redactLogText(text: string): string {
  return redactKeys(text)
    .replace(SECRET_HEADER, (_m, name: string, sep: string) => `${name}${sep}[redacted]`)
    .replace(BEARER, (_m, scheme: string, space: string) => `${scheme}${space}[redacted]`)
    .replace(SECRET_FIELD, (_m, head: string) => `${head}[redacted]`);
}

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

/** A logger whose every entry is redacted, size-capped and written as one timestamped block. */
export function createLogger(sink: LogSink, now: () => Date = () => new Date()): Logger {
  const log = (level: LogLevel, message: string, error?: unknown) => {
    const detail = error === undefined ? '' : `\n${describeError(error)}`;
    let entry = `${now().toISOString()} ${level.toUpperCase()} ${message}${detail}`;
    if (entry.length > MAX_ENTRY_CHARS) entry = `${entry.slice(0, MAX_ENTRY_CHARS)}… [cut]`;
    // Redact after cutting too: a cut could not create a secret, but redacting last is the rule.
    const indented = redactLogText(entry).replace(/\n/g, '\n  ');
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
