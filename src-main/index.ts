// Composition root for Electron: picks the real electron module and adapters; the steps live in app/.
import { app, BrowserWindow, dialog, ipcMain, protocol, session, shell } from 'electron';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createSaveDialogTargets } from './adapters/electron-save-dialog';
import { createFolderPicker } from './adapters/electron-folder-picker';
import { createUtilityProcessSandbox } from './adapters/utility-process-sandbox';
import { createElectronStoreMetadata } from './adapters/electron-store-metadata';
import { createJsonFileStore } from './adapters/json-file-store';
import { createNodeCollectionFiles } from './adapters/node-collection-files';
import { createOsUser } from './adapters/os-user';
import { createShowInFolder } from './adapters/electron-show-in-folder';
import { createDataFolderSecretStore } from './adapters/data-folder-keychain';
import { sandboxPortMemory } from './adapters/sandbox-port-memory';
import { undiciHttp } from './adapters/undici-transport';
import { createLogFile, logFilePath } from './adapters/log-file';
import { startDesktop } from './app/start-desktop';
import { cliArgvOf } from './cli/electron-argv';
import { createCore } from './core/create-core';
import { redactLogText } from './helplane/log-redaction';
import { createLogger } from './lib/logger';

// Built layout (electron.vite.config.ts): out/main/index.js, out/preload/index.cjs, out/renderer/.
const mainDir = dirname(fileURLToPath(import.meta.url));
// Unexpected errors go, redacted, to <userData>/logs/console.log (created on first entry).
const logger = createLogger(createLogFile({ path: logFilePath(app.getPath('userData')) }), redactLogText);
// Last resort: an error nothing caught is logged and the console keeps running (it holds unsaved state).
process.on('uncaughtException', (error) => logger.error('Uncaught exception (the console keeps running)', error));
process.on('unhandledRejection', (reason) => logger.error('Unhandled rejection (the console keeps running)', reason));

// `helplane-console --run …`: the command line runner in this process, no window, no single-instance
// lock (a run beside an open console is fine). Loaded only then, so the window's start pays nothing.
const cliArgv = cliArgvOf(process.argv);
if (cliArgv) {
  import('./cli/main')
    .then(({ runCli }) => runCli(cliArgv, { stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd(), defaultDataDir: app.getPath('userData') }))
    .then(
      (code) => app.exit(code),
      (error: unknown) => {
        console.error('The runner failed:', error instanceof Error ? error.message : String(error));
        app.exit(2);
      },
    );
} else {
  startDesktop(
    { app, BrowserWindow, dialog, ipcMain, protocol, session, shell },
    {
      preloadPath: join(mainDir, '../preload/index.cjs'),
      rendererRoot: join(mainDir, '../renderer'),
      devRendererUrl: process.env.ELECTRON_RENDERER_URL,
      platform: process.platform,
      onError: (where, error) => logger.error(`Unexpected error in ${where}`, error),
      createCore: (options) =>
        createCore({
          ...options,
          // Same keys.json as the web host: both use this data dir (see data-dir.ts).
          metadata: createElectronStoreMetadata(options.dataDir),
          // Keychain entries of this data folder only (data-folder-keychain.ts).
          secrets: createDataFolderSecretStore(options.dataDir),
          http: undiciHttp,
          document: createJsonFileStore,
          env: process.env,
          exportTargets: createSaveDialogTargets(),
          collectionFiles: createNodeCollectionFiles(),
          // Access log and Show in folder (issue 18).
          osUser: createOsUser(),
          fileReveal: createShowInFolder(shell),
          folderPicker: createFolderPicker(),
          // The sandbox runs in a utilityProcess: the RunAsNode fuse is off, so no fork of the app binary.
          sandbox: createUtilityProcessSandbox({
            entryPath: join(mainDir, 'sandbox-utility.js'),
            dataDir: join(options.dataDir, 'sandbox'),
            // The same port at every launch while it is free: copied code keeps pointing at it.
            portMemory: sandboxPortMemory(createJsonFileStore(join(options.dataDir, 'sandbox-port.json'))),
          }),
          onUnexpectedError: (channel, error) => logger.error(`Unexpected error on ${channel}`, error),
        }),
    },
  ).catch((error: unknown) => {
    logger.error('Helplane Console failed to start', error);
    console.error('Helplane Console failed to start:', error);
    app.exit(1);
  });
}
