import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createLogFile, logFilePath } from '../adapters/log-file';
import { defaultDataDir } from '../lib/data-dir';
import { redactLogText } from '../helplane/log-redaction';
import { createLogger } from '../lib/logger';
import { createWebCore } from './web-core';
import { openBrowser, type OpenedBrowser } from './open-browser';
import { startWebHost } from './server';

const USAGE = 'Usage: npm run web -- [--port P] [--no-open] [--data-dir D]';

function fail(message: string): never {
  process.stderr.write(`${message}\n${USAGE}\n`);
  process.exit(2);
}

async function main(): Promise<void> {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        port: { type: 'string' },
        open: { type: 'boolean', default: true },
        'data-dir': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      allowNegative: true,
      strict: true,
    }));
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error));
  }
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`--port must be a number from 0 to 65535, not “${values.port}”.`);
  const dataDir = resolve(values['data-dir'] ?? defaultDataDir());
  const rendererDir = resolve(import.meta.dirname, '../../out/renderer');
  if (!existsSync(resolve(rendererDir, 'index.html'))) fail('The renderer is not built: run `npm run build` first (`npm run web` does it for you).');

  // Unexpected errors go, redacted, to <data dir>/logs/console.log, as in the desktop app.
  const logger = createLogger(createLogFile({ path: logFilePath(dataDir) }), redactLogText);
  // Last resort: an error nothing caught is logged and the host keeps running (it holds unsaved state).
  process.on('uncaughtException', (error) => logger.error('Uncaught exception (the web host keeps running)', error));
  process.on('unhandledRejection', (reason) => logger.error('Unhandled rejection (the web host keeps running)', reason));
  const onUnexpectedError = (channel: string, error: unknown) => logger.error(`Unexpected error on ${channel}`, error);
  const host = await startWebHost({ port, rendererDir, createRouter: createWebCore(dataDir, { onUnexpectedError, env: process.env }) });
  process.stdout.write(`Helplane Console (web): ${host.url}\n`);
  // The token URL goes to the browser through a private file, never on a command line.
  let opened: OpenedBrowser | null = null;
  if (values.open) {
    try {
      opened = openBrowser(host.url, { onError: (message) => process.stderr.write(`${message}\n`) });
    } catch {
      process.stderr.write('Could not open a browser: open the URL above yourself.\n');
    }
  }
  process.on('exit', () => opened?.remove());

  let closing = false;
  const stop = () => {
    if (closing) return;
    closing = true;
    void host.close().finally(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`The web host could not start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
