import { parseArgs } from 'node:util';
import type { BucketConfig } from './http/token-bucket';

export interface CliArgs {
  port: number;
  dataDir: string;
  adminToken?: string;
  seed?: number;
  /** Any subset of the bucket numbers; the rest keep the spec's defaults. */
  rateLimit?: Partial<BucketConfig>;
}

export const USAGE =
  'Usage: sandbox --port <0-65535> --data-dir <dir> [--admin-token <token>] [--seed <integer>]\n' +
  '               [--rate-capacity <burst>] [--rate-refill <tokens per window>] [--rate-window-ms <ms>]';

const RATE_FLAGS = [
  ['rate-capacity', 'capacity'],
  ['rate-refill', 'refillPerWindow'],
  ['rate-window-ms', 'windowMs'],
] as const;

/** A bad command line: the CLI prints the message and exits with code 2. */
export class CliArgsError extends Error {
  override name = 'CliArgsError';
}

function integer(name: string, value: string, min: number, max: number): number {
  if (!/^-?\d+$/.test(value)) throw new CliArgsError(`--${name} must be an integer, got "${value}".`);
  const n = Number(value);
  if (n < min || n > max) throw new CliArgsError(`--${name} must be from ${min} to ${max}, got ${value}.`);
  return n;
}

/** Parses the standalone sandbox's arguments; throws CliArgsError with a sentence to show. */
export function parseCliArgs(argv: string[]): CliArgs {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        port: { type: 'string' },
        'data-dir': { type: 'string' },
        'admin-token': { type: 'string' },
        seed: { type: 'string' },
        'rate-capacity': { type: 'string' },
        'rate-refill': { type: 'string' },
        'rate-window-ms': { type: 'string' },
      },
    }));
  } catch (error) {
    throw new CliArgsError(error instanceof Error ? error.message : String(error));
  }
  if (values.port === undefined) throw new CliArgsError('--port is required (0 picks a free port).');
  const port = integer('port', values.port, 0, 65_535);
  if (values['data-dir'] === undefined || values['data-dir'] === '') throw new CliArgsError('--data-dir is required.');
  const adminToken = values['admin-token'];
  if (adminToken !== undefined && !/^[\x21-\x7e]+$/.test(adminToken)) {
    throw new CliArgsError('--admin-token must be printable ASCII without spaces (it travels in a header).');
  }
  const rateLimit: Partial<BucketConfig> = {};
  for (const [flag, field] of RATE_FLAGS) {
    const value = values[flag];
    if (value !== undefined) rateLimit[field] = integer(flag, value, 1, 1_000_000_000);
  }
  return {
    port,
    dataDir: values['data-dir'],
    ...(adminToken !== undefined ? { adminToken } : {}),
    ...(values.seed !== undefined ? { seed: integer('seed', values.seed, 0, 2 ** 32 - 1) } : {}),
    ...(Object.keys(rateLimit).length > 0 ? { rateLimit } : {}),
  };
}
