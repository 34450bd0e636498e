import { parseArgs } from 'node:util';

export interface CliArgs {
  port: number;
  dataDir: string;
  adminToken?: string;
  seed?: number;
}

export const USAGE = 'Usage: sandbox --port <0-65535> --data-dir <dir> [--admin-token <token>] [--seed <integer>]';

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
  return {
    port,
    dataDir: values['data-dir'],
    ...(adminToken !== undefined ? { adminToken } : {}),
    ...(values.seed !== undefined ? { seed: integer('seed', values.seed, 0, 2 ** 32 - 1) } : {}),
  };
}
