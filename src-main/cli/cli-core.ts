import { createConfMetadataStore } from '../adapters/conf-metadata-store';
import { createLogFile, logFilePath } from '../adapters/log-file';
import { nodeHostAdapters } from '../adapters/node-host';
import { createCore, type Core } from '../core/create-core';
import { redactLogText } from '../helplane/log-redaction';
import { createLogger } from '../lib/logger';
import type { CollectionFiles } from '../ports';

/**
 * The runner's core: the same services as the window's, on the plain-Node adapters the web host
 * uses (the data folder's keychain, undici, conf, the in-process sandbox), with three differences
 * of a one-shot host: no IPC sender is trusted (nothing calls the router), the collection folder
 * is read once and not watched, and nothing goes to History (the report is the run's record).
 */
export interface CliCoreOptions {
  dataDir: string;
  env: NodeJS.ProcessEnv;
  /** `--env sandbox`: start the embedded sandbox in this process, and make "Sandbox demo" if missing. */
  startSandbox: boolean;
}

export async function createCliCore(options: CliCoreOptions): Promise<Core> {
  const adapters = nodeHostAdapters(options.dataDir);
  const files: CollectionFiles = { ...adapters.collectionFiles, watch: () => ({ ready: Promise.resolve(), close: async () => {} }) };
  // Unexpected errors go, redacted, to <data dir>/logs/console.log, as the other hosts' do.
  const logger = createLogger(createLogFile({ path: logFilePath(options.dataDir) }), redactLogText);
  return createCore({
    host: 'web',
    dataDir: options.dataDir,
    events: { emit: () => undefined },
    isTrustedSender: () => false,
    ...adapters,
    metadata: createConfMetadataStore(options.dataDir),
    collectionFiles: files,
    env: options.env,
    startSandbox: options.startSandbox,
    demoKey: options.startSandbox,
    keepHistory: false,
    onUnexpectedError: (channel, error) => logger.error(`Unexpected error on ${channel} (command line runner)`, error),
  });
}
