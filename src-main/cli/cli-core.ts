import { join } from 'node:path';
import { createConfMetadataStore } from '../adapters/conf-metadata-store';
import { createDataFolderSecretStore } from '../adapters/data-folder-keychain';
import { folderExportTargets } from '../adapters/folder-export-targets';
import { createJsonFileStore } from '../adapters/json-file-store';
import { createLogFile, logFilePath } from '../adapters/log-file';
import { createNodeCollectionFiles } from '../adapters/node-collection-files';
import { sandboxPortMemory } from '../adapters/sandbox-port-memory';
import { undiciHttp } from '../adapters/undici-transport';
import { createCore, type Core } from '../core/create-core';
import { redactLogText } from '../helplane/log-redaction';
import { createLogger } from '../lib/logger';
import type { CollectionFiles, SandboxRunner } from '../ports';

/**
 * The runner's core: the same services as the window's, on the plain-Node adapters the web host
 * uses (the data folder's keychain, undici, conf, the in-process sandbox), with three differences
 * of a one-shot host: no IPC sender is trusted (nothing calls the router), the collection folder
 * is read once and not watched, and nothing goes to History (the report is the run's record).
 * The sandbox (Fastify, SQLite) is loaded only for `--env sandbox`: a run elsewhere starts faster.
 */
export interface CliCoreOptions {
  dataDir: string;
  env: NodeJS.ProcessEnv;
  /** `--env sandbox`: start the embedded sandbox in this process, and make "Sandbox demo" if missing. */
  startSandbox: boolean;
}

export async function createCliCore(options: CliCoreOptions): Promise<Core> {
  const { dataDir } = options;
  const collectionFiles: CollectionFiles = { ...createNodeCollectionFiles(), watch: () => ({ ready: Promise.resolve(), close: async () => {} }) };
  // Unexpected errors go, redacted, to <data dir>/logs/console.log, as the other hosts' do.
  const logger = createLogger(createLogFile({ path: logFilePath(dataDir) }), redactLogText);
  const sandbox: SandboxRunner = options.startSandbox
    ? (await import('../adapters/in-process-sandbox')).createInProcessSandbox({
        dataDir: join(dataDir, 'sandbox'),
        portMemory: sandboxPortMemory(createJsonFileStore(join(dataDir, 'sandbox-port.json'))),
      })
    : notThisRun;
  return createCore({
    host: 'web',
    dataDir,
    events: { emit: () => undefined },
    isTrustedSender: () => false,
    metadata: createConfMetadataStore(dataDir),
    secrets: createDataFolderSecretStore(dataDir),
    http: undiciHttp,
    sandbox,
    document: createJsonFileStore,
    exportTargets: folderExportTargets(join(dataDir, 'exports')),
    collectionFiles,
    env: options.env,
    startSandbox: options.startSandbox,
    demoKey: options.startSandbox,
    keepHistory: false,
    // Rotations are the console's to take up (a run must not revoke a key or move tabs behind the window's back).
    resumeRotations: false,
    rotationTimers: false,
    onUnexpectedError: (channel, error) => logger.error(`Unexpected error on ${channel} (command line runner)`, error),
  });
}

/** A run against production or a custom server sends nothing to the sandbox (its keys are not chosen). */
const notThisRun: SandboxRunner = {
  status: () => ({ state: 'stopped', baseUrl: null, message: 'This run is not against the sandbox (--env sandbox starts it).' }),
  ensureStarted: () => Promise.reject(new Error('This run is not against the sandbox: pass --env sandbox to start it.')),
  adminToken: () => null,
  stop: async () => undefined,
};
