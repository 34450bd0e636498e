import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogFile, logFilePath } from '../../../src-main/adapters/log-file';
import { generateKey } from '../../../src-main/helplane/key-format';
import { redactLogText } from '../../../src-main/helplane/log-redaction';
import type { LogSink } from '../../../src-main/ports';
import { createLogger, MAX_ENTRY_CHARS } from '../../../src-main/lib/logger';
import { tempDir } from '../../helpers/temp-dir';

const KEY_SHAPED = /hl_(live|test)_[0-9A-Za-z]{38}/;
const dirs: Array<{ cleanup(): void }> = [];
afterEach(() => dirs.splice(0).forEach((d) => d.cleanup()));

function fileLogger(options: { maxBytes?: number; keep?: number } = {}) {
  const dir = tempDir('log');
  dirs.push(dir);
  const path = logFilePath(dir.path);
  return { path, dir: dir.path, logger: createLogger(createLogFile({ path, ...options }), redactLogText) };
}

function memoryLogger() {
  const lines: string[] = [];
  const sink: LogSink = { write: (line) => void lines.push(line) };
  return { lines, logger: createLogger(sink, redactLogText, () => new Date('2026-01-02T03:04:05.000Z')) };
}

describe('log redaction', () => {
  it('a key and an X-API-Key header written through the logger never reach the file', () => {
    const { path, logger } = fileLogger();
    const live = generateKey('live');
    const test = generateKey('test');
    const opaque = 'custom-server-secret-123456';
    logger.error(`Unexpected error on request:send for ${live}`, new Error(`upstream said: X-API-Key: ${test}`));
    logger.error('headers', { headers: { 'X-API-Key': opaque, 'x-api-key': test } });
    logger.warn(`curl -H 'X-API-Key: ${opaque}' https://api.helplane.io/v1/contacts`);
    const text = readFileSync(path, 'utf8');
    expect(path).toMatch(/[\\/]logs[\\/]console\.log$/);
    for (const secret of [live, test, opaque]) expect(text).not.toContain(secret);
    expect(text).not.toMatch(KEY_SHAPED);
    // What stays is enough to debug: the message, the key's public prefix, the header's name.
    expect(text).toContain('Unexpected error on request:send');
    expect(text).toContain(`${live.slice(0, 12)}…[redacted]`);
    expect(text).toMatch(/X-API-Key: \[redacted\]/);
    expect(text).toContain('Error: upstream said');
  });

  it('removes admin bearer tokens, the web host token and secret-named fields', () => {
    const { lines, logger } = memoryLogger();
    logger.error('admin call failed: Authorization: Bearer admin-Zx81-secret');
    logger.error('web', new Error('GET /#token=abcDEF123 with X-Helplane-Token: abcDEF123'));
    logger.error('body', { secret: 'plain-secret-value', adminToken: 'tok-999', name: 'kept' });
    const text = lines.join('');
    for (const secret of ['admin-Zx81-secret', 'abcDEF123', 'plain-secret-value', 'tok-999']) expect(text).not.toContain(secret);
    expect(text).toContain('Bearer [redacted]');
    expect(text).toContain('kept');
  });

  it('follows error causes, and redacts them too', () => {
    const { lines, logger } = memoryLogger();
    const key = generateKey('test');
    logger.error('outer', new Error('wrapped', { cause: new Error(`inner ${key}`) }));
    expect(lines.join('')).toContain('Caused by: Error: inner hl_test_');
    expect(lines.join('')).not.toContain(key);
  });

  it('writes one timestamped, levelled entry per call and caps runaway entries', () => {
    const { lines, logger } = memoryLogger();
    logger.info('started');
    logger.error('huge', new Error('x'.repeat(MAX_ENTRY_CHARS * 3)));
    expect(lines[0]).toBe('2026-01-02T03:04:05.000Z INFO started\n');
    expect(lines[1]?.length).toBeLessThan(MAX_ENTRY_CHARS + 100);
    expect(lines[1]).toContain('… [cut]');
  });

  it('a failing sink never throws into the caller', () => {
    const logger = createLogger(
      {
        write: () => {
          throw new Error('disk full');
        },
      },
      redactLogText,
    );
    expect(() => logger.error('x', new Error('y'))).not.toThrow();
  });

  it('no key survives redaction, wherever it sits in the text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), fc.constantFrom<'live' | 'test'>('live', 'test'), fc.string({ maxLength: 200 }), (before, mode, after) => {
        const key = generateKey(mode);
        const out = redactLogText(`${before}${key}${after}`);
        expect(out).not.toContain(key);
        expect(out).not.toContain(key.slice(12));
      }),
      { numRuns: 300 },
    );
  });
});

describe('log file', () => {
  it('rotates at the size cap and keeps a bounded number of old files', () => {
    const { path, dir, logger } = fileLogger({ maxBytes: 400, keep: 2 });
    for (let i = 0; i < 40; i++) logger.error(`entry ${i} ${'.'.repeat(50)}`);
    const files = readdirSync(join(dir, 'logs')).sort();
    expect(files).toEqual(['console.1.log', 'console.2.log', 'console.log']);
    for (const file of files) expect(readFileSync(join(dir, 'logs', file)).byteLength).toBeLessThanOrEqual(400);
    expect(readFileSync(path, 'utf8')).toContain('entry 39');
    expect(readFileSync(join(dir, 'logs', 'console.2.log'), 'utf8')).not.toContain('entry 0 ');
  });

  it('creates its folder only when something is logged', () => {
    const { dir } = fileLogger();
    expect(existsSync(join(dir, 'logs'))).toBe(false);
  });
});
