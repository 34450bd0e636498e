import { parseArgs } from 'node:util';
import { ENVIRONMENT } from '../helplane/collection/model';
import { normaliseCustomBaseUrl } from '../helplane/environments';
import type { ScanArgs } from './scan-command';

/**
 * The command line of the runner, parsed and checked before anything starts: every bad argument
 * is a sentence naming it (exit 2), never a stack trace. `npm run cli -- run …` and
 * `helplane-console --run …` both end here (electron-argv.ts turns the second into the first).
 */

export const REPORTERS = ['text', 'json', 'junit'] as const;
export type ReporterName = (typeof REPORTERS)[number];

export const USAGE = `Usage: npm run cli -- run <collection folder> [options]
       npm run cli -- scan <folder> [--max-file-mb N] [--reporter text|json] [--data-dir D]
       helplane-console --run <collection folder> [options]   (a packaged install; no window)

Runs every request of a collection in its order, with its variables and captures, paced by the
server's rate-limit headers, and checks each request's tests.

Options:
  --env <environment>   sandbox (starts the embedded sandbox), production, or custom:<origin>
                        (custom:https://api.example.com). Default: HELPLANE_API_KEY's server if set,
                        else sandbox.
  --key <name>          send every request with this stored key (of that environment) instead of
                        each request's own key reference.
  --reporter <name>     text (default), json or junit.
  --out <file>          write the report to this file; a one-line summary goes to stdout.
  --bail                stop after the first request that fails a test or gets no response.
  --data-dir <folder>   the console's data folder whose keychain entries and keys are used
                        (default: the console's own).
  -h, --help            this text.

scan looks through the folder's text files (honouring .gitignore; skipping binaries and files over
--max-file-mb, default 5) for checksum-valid Helplane keys and the stored keys' values, and prints
file:line and the key's name, never the key. Exit 1 when it finds one (a pre-commit hook), else 0.

Keys: the OS keychain of the data folder (the same keys as the window), or HELPLANE_API_KEY with
HELPLANE_BASE_URL (default https://api.helplane.io).
Exit codes: 0 every test passed, 1 a test failed (or a request got no response), 2 a usage or
collection error, 3 a key or the keychain unavailable.
`;

export interface RunArgs {
  command: 'run';
  folder: string;
  /** Undefined when not given: main.ts picks the default (it knows the environment key). */
  env: string | undefined;
  key: string | undefined;
  reporter: ReporterName;
  out: string | undefined;
  bail: boolean;
  dataDir: string | undefined;
}

export type ParsedArgs = { kind: 'help' } | { kind: 'run'; args: RunArgs } | { kind: 'scan'; args: ScanArgs } | { kind: 'usage_error'; message: string };

const usageError = (message: string): ParsedArgs => ({ kind: 'usage_error', message });

/** `--env` as collections name environments (sandbox, production, custom:<origin>), or why not. */
export function parseEnvironment(raw: string): { ok: true; environment: string } | { ok: false; message: string } {
  const text = raw.trim();
  if (text === 'sandbox' || text === 'production') return { ok: true, environment: text };
  if (text.startsWith('custom:')) {
    try {
      const origin = normaliseCustomBaseUrl(text.slice('custom:'.length));
      const environment = `custom:${origin}`;
      if (ENVIRONMENT.test(environment)) return { ok: true, environment };
    } catch (error) {
      return { ok: false, message: `--env ${raw}: ${(error as Error).message}` };
    }
  }
  return { ok: false, message: `--env must be sandbox, production or custom:<origin> (such as custom:https://api.example.com), not “${raw}”.` };
}

function scanArgs(folder: string | undefined, extra: string[], values: { reporter?: string; 'data-dir'?: string; 'max-file-mb'?: string; env?: string; key?: string; out?: string; bail?: boolean }): ParsedArgs {
  if (folder === undefined || folder.trim() === '') return usageError('scan needs the folder to look through: scan <folder>.');
  if (extra.length > 0) return usageError(`scan takes one folder; also given: ${extra.map((e) => `“${e}”`).join(', ')}.`);
  for (const option of ['env', 'key', 'out', 'bail'] as const) if (values[option] !== undefined) return usageError(`--${option} is an option of run, not of scan.`);
  const reporter = values.reporter ?? 'text';
  if (reporter !== 'text' && reporter !== 'json') return usageError(`scan's --reporter must be text or json, not “${reporter}”.`);
  let maxFileMb: number | undefined;
  if (values['max-file-mb'] !== undefined) {
    maxFileMb = Number(values['max-file-mb']);
    if (!Number.isInteger(maxFileMb) || maxFileMb < 1 || maxFileMb > 100) return usageError(`--max-file-mb must be a whole number from 1 to 100, not “${values['max-file-mb']}”.`);
  }
  if (values['data-dir'] !== undefined && values['data-dir'].trim() === '') return usageError('--data-dir needs a folder.');
  return { kind: 'scan', args: { command: 'scan', folder, maxFileMb, reporter, dataDir: values['data-dir'] } };
}

export function parseCliArgs(argv: readonly string[]): ParsedArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      options: {
        env: { type: 'string' },
        key: { type: 'string' },
        reporter: { type: 'string' },
        out: { type: 'string' },
        bail: { type: 'boolean' },
        'data-dir': { type: 'string' },
        'max-file-mb': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    // node's own words name the option (“Unknown option '--x'”, “Option '--env <value>' argument missing”).
    return usageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help || positionals[0] === 'help') return { kind: 'help' };
  const [command, folder, ...extra] = positionals;
  if (command === undefined) return usageError('Say what to do: run <collection folder>.');
  if (command === 'scan') return scanArgs(folder, extra, values);
  if (command !== 'run') return usageError(`Unknown command “${command}”; the commands are run <collection folder> and scan <folder>.`);
  if (values['max-file-mb'] !== undefined) return usageError('--max-file-mb is an option of scan, not of run.');
  if (folder === undefined || folder.trim() === '') return usageError('run needs the collection folder: run <collection folder>.');
  if (extra.length > 0) return usageError(`run takes one collection folder; also given: ${extra.map((e) => `“${e}”`).join(', ')}.`);
  let env: string | undefined;
  if (values.env !== undefined) {
    const checked = parseEnvironment(values.env);
    if (!checked.ok) return usageError(checked.message);
    env = checked.environment;
  }
  const reporter = values.reporter ?? 'text';
  if (!(REPORTERS as readonly string[]).includes(reporter)) return usageError(`--reporter must be text, json or junit, not “${reporter}”.`);
  if (values.key !== undefined && values.key.trim() === '') return usageError('--key needs the name of a stored key.');
  if (values.out !== undefined && values.out.trim() === '') return usageError('--out needs a file name.');
  if (values['data-dir'] !== undefined && values['data-dir'].trim() === '') return usageError('--data-dir needs a folder.');
  return {
    kind: 'run',
    args: {
      command: 'run',
      folder,
      env,
      key: values.key?.trim(),
      reporter: reporter as ReporterName,
      out: values.out,
      bail: values.bail ?? false,
      dataDir: values['data-dir'],
    },
  };
}
