import type { SandboxRunner, SandboxStatus } from '../ports';
import { startSandbox } from '../sandbox-server/server';

export interface InProcessSandboxOptions {
  dataDir: string;
  adminToken?: string;
  port?: number;
}

/** Runs the sandbox inside this Node process, started on first use. */
export function createInProcessSandbox(options: InProcessSandboxOptions): SandboxRunner {
  let status: SandboxStatus = { state: 'stopped', baseUrl: null, message: null };
  let running: Awaited<ReturnType<typeof startSandbox>> | null = null;
  let starting: Promise<string> | null = null;

  return {
    status: () => status,
    adminToken: () => running?.adminToken ?? null,
    ensureStarted() {
      if (running) return Promise.resolve(running.baseUrl);
      starting ??= (async () => {
        status = { state: 'starting', baseUrl: null, message: null };
        try {
          running = await startSandbox({
            host: '127.0.0.1',
            port: options.port ?? 0,
            dataDir: options.dataDir,
            ...(options.adminToken ? { adminToken: options.adminToken } : {}),
          });
          status = { state: 'ready', baseUrl: running.baseUrl, message: null };
          return running.baseUrl;
        } catch (error) {
          const message = error instanceof Error ? error.message : String(error);
          status = { state: 'failed', baseUrl: null, message };
          starting = null;
          throw error;
        }
      })();
      return starting;
    },
    async stop() {
      const r = running;
      running = null;
      starting = null;
      status = { state: 'stopped', baseUrl: null, message: null };
      await r?.close();
    },
  };
}
