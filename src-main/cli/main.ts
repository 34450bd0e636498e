import { mkdir, stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import type { Core } from '../core/create-core';
import { buildCatalog } from '../helplane/catalog';
import { redactKeys } from '../helplane/key-format';
import { describeWhere } from '../helplane/collection/problems';
import { AtomicFile } from '../lib/atomic-file';
import { defaultDataDir } from '../lib/data-dir';
import { environmentOf } from '../services/collections/collection-workspace';
import { environmentKey } from '../services/keys/env-key';
import { parseCliArgs, USAGE, type RunArgs } from './args';
import { keyChooser } from './key-choice';
import { jsonReport } from './reporters/json-reporter';
import { junitReport } from './reporters/junit-reporter';
import { requestLine, summaryLine, textReport } from './reporters/text-reporter';
import { KeyUnavailable, runCollection, type RunnerDeps } from './run-collection';
import { exitCodeOf, type RunReport } from './run-report';

/**
 * The runner's one entry, for `npm run cli -- …` (cli.ts) and `helplane-console --run …`
 * (index.ts): arguments in, an exit code out. stdout carries the report only (or, with --out, a
 * one-line summary); words for the user go to stderr, progress too and only on a terminal.
 * Everything written passes redactKeys as a last guard (the engine already scrubs replies).
 */

export const EXIT = { passed: 0, testFailed: 1, usage: 2, key: 3 } as const;

export interface CliIo {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown; isTTY?: boolean };
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** The window's data folder when the host knows it (Electron's userData); else lib/data-dir.ts's, the same folder. */
  defaultDataDir?: string;
}

class UsageError extends Error {}

const RENDER = { text: textReport, json: jsonReport, junit: junitReport } as const;

export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const out = (text: string) => io.stdout.write(redactKeys(text));
  const err = (text: string) => io.stderr.write(redactKeys(text));
  const parsed = parseCliArgs(argv);
  if (parsed.kind === 'help') {
    out(USAGE);
    return EXIT.passed;
  }
  if (parsed.kind === 'usage_error') {
    err(`${parsed.message}\nSee --help for the options.\n`);
    return EXIT.usage;
  }
  if (parsed.kind === 'scan') {
    const dataDir = resolve(io.cwd, parsed.args.dataDir ?? io.defaultDataDir ?? defaultDataDir(io.env));
    // Loaded only for scan: --help and run do not pay for it.
    const { runScan } = await import('./scan-command');
    return runScan(parsed.args, { cwd: io.cwd, dataDir, out, err });
  }
  let core: Core | null = null;
  try {
    const args = parsed.args;
    const folder = resolve(io.cwd, args.folder);
    const info = await stat(folder).catch(() => null);
    if (!info?.isDirectory()) throw new UsageError(`${args.folder} is not a folder: give a collection folder (the one with collection.yaml).`);
    const environment = args.env ?? defaultEnvironment(io.env);
    const dataDir = resolve(io.cwd, args.dataDir ?? io.defaultDataDir ?? defaultDataDir(io.env));
    const tty = io.stderr.isTTY === true;
    if (tty && environment === 'sandbox') err('Starting the embedded sandbox…\n');
    // Loaded after the arguments are checked: --help and a usage error answer at once.
    const { createCliCore } = await import('./cli-core');
    core = await createCliCore({ dataDir, env: io.env, startSandbox: environment === 'sandbox' });
    if (environment === 'sandbox' && core.sandbox.status().state !== 'ready') {
      throw new UsageError(`The embedded sandbox did not start: ${core.sandbox.status().message ?? 'unknown error'}.`);
    }
    const report = await run(core, args, folder, environment, tty, err);
    await deliver(report, args, resolve(io.cwd, args.out ?? '.'), out);
    return exitCodeOf(report);
  } catch (error) {
    if (error instanceof UsageError) {
      err(`${error.message}\n`);
      return EXIT.usage;
    }
    if (error instanceof KeyUnavailable) {
      err(`${error.message}\n`);
      return EXIT.key;
    }
    err(`The run failed: ${error instanceof Error ? error.message : String(error)}\n`);
    return EXIT.usage;
  } finally {
    await core?.dispose().catch(() => undefined);
  }
}

/** The runner on a core: its request engine, its one pacer, the tracker's budgets (benches use it too). */
export function runnerDepsOf(core: Core): RunnerDeps {
  return {
    send: (input) => core.requests.send(input),
    largeBody: (id) => core.requests.responses.body(id).text,
    originFor: async (keyId) => (await core.requests.originFor(keyId)).origin,
    budgetFor: (keyId) => core.gateway.budgetFor(keyId),
    pacer: core.pacer,
    catalog: buildCatalog(),
    now: () => Date.now(),
    sleep: (ms) => new Promise<void>((r) => setTimeout(r, ms)),
  };
}

/** HELPLANE_API_KEY's server when it is set (a CI job names its server so), else the sandbox. */
function defaultEnvironment(env: NodeJS.ProcessEnv): string {
  const key = environmentKey(env, new Date().toISOString());
  if (!key) return 'sandbox';
  if (key.record.status === 'invalid') throw new UsageError(`HELPLANE_BASE_URL “${env.HELPLANE_BASE_URL}” is not a base URL: give an origin such as https://api.example.com (http only for 127.0.0.1 or localhost).`);
  return environmentOf(key.record);
}

async function run(core: Core, args: RunArgs, folder: string, environment: string, tty: boolean, err: (text: string) => void): Promise<RunReport> {
  const opened = await core.collections.open(folder);
  if (!opened.ok) throw new UsageError(`${args.folder} could not be opened as a collection: ${opened.problem.message}`);
  const snapshot = opened.value;
  // A file that does not parse would silently drop its tests from the run: it stops the run instead.
  if (snapshot.problems.length > 0) {
    throw new UsageError(`The collection has files that cannot be read; fix them first:\n${snapshot.problems.map((p) => `  ${describeWhere(p) || p.file || ''}: ${p.message}`).join('\n')}`);
  }
  const records = core.keys.list().map((meta) => core.keys.find(meta.id));
  const report = await runCollection(
    runnerDepsOf(core),
    {
      folder: args.folder,
      collection: snapshot.collection,
      tree: snapshot.tree,
      readRequest: (path) => {
        const read = core.collections.readRequest(path);
        if (!read.ok) throw new UsageError(read.problem.message);
        return read.value.request;
      },
      environment,
      keys: keyChooser(records, environment, args.key),
      bail: args.bail,
      // Progress on a terminal only: one line rewritten in place, the finished request above it.
      ...(tty
        ? {
            onStart: (index: number, total: number, _file: string, name: string) => err(`\r\x1b[K[${index + 1}/${total}] ${name}…`),
            // A text report on this terminal will list the requests itself: then the line is only cleared.
            onDone: (_index: number, _total: number, r: Parameters<typeof requestLine>[0]) =>
              err(args.reporter === 'text' && args.out === undefined ? '\r\x1b[K' : `\r\x1b[K${requestLine(r)}\n`),
          }
        : {}),
    },
  );
  if (report.requests.length === 0) throw new UsageError(`${args.folder} holds no request files (*.request.yaml).`);
  return report;
}

async function deliver(report: RunReport, args: RunArgs, path: string, out: (text: string) => void): Promise<void> {
  const text = redactKeys(RENDER[args.reporter](report));
  if (args.out === undefined) {
    out(text);
    return;
  }
  try {
    await mkdir(dirname(path), { recursive: true });
    const file = await AtomicFile.create(path);
    try {
      await file.write(text);
      await file.commit();
    } catch (error) {
      await file.discard();
      throw error;
    }
  } catch (error) {
    throw new UsageError(`Could not write the report to ${args.out}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}.`);
  }
  out(`${summaryLine(report.summary, report.durationMs, report.bailed)}\nReport (${args.reporter}): ${args.out}\n`);
}
