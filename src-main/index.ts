// Composition root for Electron: picks the real electron module and adapters; the steps live in app/.
import { app, BrowserWindow, dialog, ipcMain, protocol, session } from 'electron';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createElectronStoreMetadata } from './adapters/electron-store-metadata';
import { startDesktop } from './app/start-desktop';
import { createCore } from './composition';

// Built layout (electron.vite.config.ts): out/main/index.js, out/preload/index.cjs, out/renderer/.
const mainDir = dirname(fileURLToPath(import.meta.url));

startDesktop(
  { app, BrowserWindow, dialog, ipcMain, protocol, session },
  {
    preloadPath: join(mainDir, '../preload/index.cjs'),
    rendererRoot: join(mainDir, '../renderer'),
    devRendererUrl: process.env.ELECTRON_RENDERER_URL,
    platform: process.platform,
    createCore: (options) =>
      createCore({
        ...options,
        // Same keys.json as the web host: both use this data dir (see data-dir.ts).
        metadata: createElectronStoreMetadata(options.dataDir),
        onUnexpectedError: (channel, error) => console.error(`Unexpected error on ${channel}:`, error),
      }),
  },
).catch((error: unknown) => {
  console.error('Helplane Console failed to start:', error);
  app.exit(1);
});
