// Entry of the Electron utilityProcess that runs the sandbox (built as out/main/sandbox-utility.js).
// It talks to the main process over process.parentPort only; see utility-protocol.ts.
import { startSandbox, type RunningSandbox } from './server';
import type { UtilityReport, UtilityRequest } from './utility-protocol';

/** The slice of Electron's ParentPort used here (typed locally: only adapters import electron). */
interface ParentPort {
  on(event: 'message', listener: (event: { data: unknown }) => void): void;
  postMessage(message: UtilityReport): void;
}

const port = (process as NodeJS.Process & { parentPort?: ParentPort }).parentPort;
if (!port) {
  process.stderr.write('sandbox-utility: must run as an Electron utilityProcess (no parentPort)\n');
  process.exit(2);
}

let running: RunningSandbox | null = null;

async function handle(request: UtilityRequest, parent: ParentPort): Promise<void> {
  if (request.type === 'start') {
    if (running) {
      parent.postMessage({ type: 'ready', baseUrl: running.baseUrl, adminToken: running.adminToken });
      return;
    }
    const { type: _type, ...options } = request;
    try {
      running = await startSandbox({ ...options, host: '127.0.0.1' });
      parent.postMessage({ type: 'ready', baseUrl: running.baseUrl, adminToken: running.adminToken });
    } catch (error) {
      parent.postMessage({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
    }
    return;
  }
  await running?.close();
  running = null;
  parent.postMessage({ type: 'stopped' });
  process.exit(0);
}

port.on('message', (event) => {
  void handle(event.data as UtilityRequest, port);
});
