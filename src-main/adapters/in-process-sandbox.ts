import type { SandboxRunner, SandboxStatus } from '../ports';
import { startSandbox } from '../sandbox-server/server';
import type { BucketConfig } from '../sandbox-server/http/token-bucket';
import { rememberPort, type SandboxPortMemory } from './sandbox-port-memory';

export interface InProcessSandboxOptions {
  /** The sandbox's SQLite database lives here (created if missing), so its data outlives a restart. */
  dataDir: string;
  adminToken?: string;
  port?: number;
  /** Per-workspace token bucket; tests shrink it (e.g. capacity 5) to reach 429 quickly. */
  rateLimit?: BucketConfig;
  /** Seed for the data on first start (an empty data dir). */
  seed?: number;
  /** Where the last launch's port is kept: tried first, a free port when it is taken (see sandbox-port-memory.ts). */
  portMemory?: SandboxPortMemory;
}

/** Runs the sandbox inside this Node process, started on first use. */
export function createInProcessSandbox(options: InProcessSandboxOptions): SandboxRunner {
  let status: SandboxStatus = { state: 'stopped', baseUrl: null, message: null };
  let running: Awaited<ReturnType<typeof startSandbox>> | null = null;
  let starting: Promise<string> | null = null;

  return {
    dataDir: options.dataDir,
    status: () => status,
    adminToken: () => running?.adminToken ?? null,
    ensureStarted() {
      if (running) return Promise.resolve(running.baseUrl);
      starting ??= (async () => {
        status = { state: 'starting', baseUrl: null, message: null };
        const remembered = options.port === undefined ? (options.portMemory?.read() ?? null) : null;
        try {
          running = await startSandbox({
            host: '127.0.0.1',
            port: options.port ?? 0,
            ...(remembered !== null ? { preferredPort: remembered } : {}),
            dataDir: options.dataDir,
            ...(options.adminToken ? { adminToken: options.adminToken } : {}),
            ...(options.rateLimit ? { rateLimit: options.rateLimit } : {}),
            ...(options.seed !== undefined ? { seed: options.seed } : {}),
          });
          status = { state: 'ready', baseUrl: running.baseUrl, message: null };
          rememberPort(options.portMemory, remembered, running.baseUrl);
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
