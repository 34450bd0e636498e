import { join, resolve } from 'node:path';
import { CliArgsError, USAGE, parseCliArgs, type CliArgs } from './cli-args';
import { DATABASE_FILE } from './db/open-database';
import { DEFAULT_RATE_LIMIT } from './options';
import { startSandbox } from './server';

/** Standalone sandbox: `tsx src-main/sandbox-server/cli.ts --port P --data-dir D [--admin-token T] [--seed N] [--rate-…]`. */
async function main(): Promise<void> {
  let args: CliArgs;
  try {
    args = parseCliArgs(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof CliArgsError)) throw error;
    process.stderr.write(`sandbox: ${error.message}\n${USAGE}\n`);
    // exitCode rather than exit(): lets stderr drain (pipes are asynchronous on some platforms).
    process.exitCode = 2;
    return;
  }
  // The data dir is created if missing and holds sandbox.sqlite: data survives restarts.
  const sandbox = await startSandbox({
    port: args.port,
    dataDir: resolve(args.dataDir),
    ...(args.adminToken !== undefined ? { adminToken: args.adminToken } : {}),
    ...(args.seed !== undefined ? { seed: args.seed } : {}),
    ...(args.rateLimit ? { rateLimit: { ...DEFAULT_RATE_LIMIT, ...args.rateLimit } } : {}),
    onInternalError: (error) => process.stderr.write(`sandbox: internal error: ${String(error)}\n`),
  });
  process.stdout.write(
    `Helplane sandbox: ${sandbox.baseUrl}\nAdmin token: ${sandbox.adminToken}\nData: ${join(resolve(args.dataDir), DATABASE_FILE)}\n`,
  );

  let stopping = false;
  const stop = (signal: NodeJS.Signals): void => {
    if (stopping) return;
    stopping = true;
    sandbox.close().then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(`sandbox: error while stopping on ${signal}: ${String(error)}\n`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`sandbox: could not start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
