import { join } from 'node:path';
import type { CollectionFiles, ExportTargets, HttpAdapterFactory, JsonDocument, OsUser, SandboxRunner, SecretStore } from '../ports';
import { folderExportTargets } from './folder-export-targets';
import { createInProcessSandbox } from './in-process-sandbox';
import { createNodeCollectionFiles } from './node-collection-files';
import { createOsUser } from './os-user';
import { createJsonFileStore } from './json-file-store';
import { createDataFolderSecretStore } from './data-folder-keychain';
import { sandboxPortMemory } from './sandbox-port-memory';
import { undiciHttp } from './undici-transport';

/** The adapters a plain Node host runs the core with (the web host; tests override what they fake). */
export interface NodeHostAdapters {
  secrets: SecretStore;
  http: HttpAdapterFactory;
  sandbox: SandboxRunner;
  document: (path: string, options?: { pretty?: boolean }) => JsonDocument;
  exportTargets: ExportTargets;
  /** Collection folders: node fs and chokidar. */
  collectionFiles: CollectionFiles;
  /** The OS user, for the access log. */
  osUser: OsUser;
}

/** OS keychain (this data folder's namespace), undici, the sandbox in this process (data in `<dataDir>/sandbox`), JSON files, an exports folder. */
export function nodeHostAdapters(dataDir: string): NodeHostAdapters {
  return {
    secrets: createDataFolderSecretStore(dataDir),
    http: undiciHttp,
    sandbox: createInProcessSandbox({ dataDir: join(dataDir, 'sandbox'), portMemory: sandboxPortMemory(createJsonFileStore(join(dataDir, 'sandbox-port.json'))) }),
    document: createJsonFileStore,
    exportTargets: folderExportTargets(join(dataDir, 'exports')),
    collectionFiles: createNodeCollectionFiles(),
    osUser: createOsUser(),
  };
}
