import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { AppInfo } from '../src-preload/contract';
import { createInProcessSandbox } from './adapters/in-process-sandbox';
import { createKeytarSecretStore } from './adapters/keytar-secret-store';
import { createUndiciTransport } from './adapters/undici-transport';
import { createRouter, type IpcRouter, type SenderInfo } from './ipc/router';
import type { Clock, EventSink, HttpTransport, MetadataStore, SandboxRunner, SecretStore } from './ports';
import { appInfo, probeKeychain, type KeychainStatus } from './services/app-service';
import { KeyService } from './services/key-service';
import { DEFAULT_REQUEST_SETTINGS, RequestService } from './services/request-service';

export const APP_VERSION = '0.1.0';

export interface CoreOptions {
  host: AppInfo['host'];
  dataDir: string;
  events: EventSink;
  isTrustedSender: (sender: SenderInfo) => boolean;
  metadata: MetadataStore;
  secrets?: SecretStore;
  transport?: HttpTransport;
  sandbox?: SandboxRunner;
  clock?: Clock;
  /** Start the embedded sandbox right away rather than on first use. */
  startSandbox?: boolean;
  onUnexpectedError?: (channel: string, error: unknown) => void;
}

export interface Core {
  router: IpcRouter;
  keys: KeyService;
  sandbox: SandboxRunner;
  dispose(): Promise<void>;
}

/** Wire services to adapters. Both hosts call this; only the binding of the router differs. */
export async function createCore(options: CoreOptions): Promise<Core> {
  mkdirSync(options.dataDir, { recursive: true });
  const clock = options.clock ?? { now: () => Date.now() };
  const secrets = options.secrets ?? createKeytarSecretStore();
  const transport = options.transport ?? createUndiciTransport();
  const sandbox = options.sandbox ?? createInProcessSandbox({ dataDir: join(options.dataDir, 'sandbox') });
  let keychain: KeychainStatus = await probeKeychain(secrets);

  const keys = new KeyService({ secrets, metadata: options.metadata, transport, sandbox, clock, events: options.events });
  const requests = new RequestService({
    keys,
    secrets,
    transport,
    sandbox,
    clock,
    settings: () => DEFAULT_REQUEST_SETTINGS,
  });

  const router = createRouter(
    {
      appInfo: async () => {
        if (!keychain.available) keychain = await probeKeychain(secrets);
        return appInfo({ version: APP_VERSION, host: options.host, platform: process.platform, sandbox, keychain: () => keychain });
      },
      keysList: async () => keys.list(),
      keysAdd: (input) => keys.add(input),
      requestSend: (input) => requests.send(input),
    },
    {
      isTrustedSender: options.isTrustedSender,
      ...(options.onUnexpectedError ? { onUnexpectedError: options.onUnexpectedError } : {}),
    },
  );

  if (options.startSandbox !== false) {
    // Failure is reported through appInfo().sandbox; a request retries the start.
    await sandbox.ensureStarted().catch(() => undefined);
  }

  return {
    router,
    keys,
    sandbox,
    dispose: () => sandbox.stop(),
  };
}
