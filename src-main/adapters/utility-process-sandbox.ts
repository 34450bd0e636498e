import { utilityProcess, type UtilityProcess } from 'electron';
import type { SandboxRunner, SandboxStatus } from '../ports';
import type { UtilityReport, UtilityRequest } from '../sandbox-server/utility-protocol';
import type { InProcessSandboxOptions } from './in-process-sandbox';
import { rememberPort } from './sandbox-port-memory';

export interface UtilityProcessSandboxOptions extends InProcessSandboxOptions {
  /** The built entry script: out/main/sandbox-utility.js (see electron.vite.config.ts). */
  entryPath: string;
}

/**
 * Runs the sandbox in an Electron utilityProcess, started on first use: a crash or a slow query
 * there never blocks the main process. (The RunAsNode fuse is off, so no child_process.fork.)
 */
export function createUtilityProcessSandbox(options: UtilityProcessSandboxOptions): SandboxRunner {
  const { entryPath, portMemory, ...start } = options;
  let status: SandboxStatus = { state: 'stopped', baseUrl: null, message: null };
  let child: UtilityProcess | null = null;
  let token: string | null = null;
  let starting: Promise<string> | null = null;

  const fail = (message: string): Error => {
    status = { state: 'failed', baseUrl: null, message };
    child = null;
    starting = null;
    return new Error(message);
  };

  return {
    dataDir: options.dataDir,
    status: () => status,
    adminToken: () => token,
    ensureStarted() {
      starting ??= new Promise<string>((resolve, reject) => {
        status = { state: 'starting', baseUrl: null, message: null };
        const remembered = start.port === undefined ? (portMemory?.read() ?? null) : null;
        const proc = utilityProcess.fork(entryPath, [], { serviceName: 'Helplane sandbox', stdio: 'inherit' });
        child = proc;
        proc.on('message', (report: UtilityReport) => {
          if (report.type === 'ready') {
            token = report.adminToken;
            status = { state: 'ready', baseUrl: report.baseUrl, message: null };
            rememberPort(portMemory, remembered, report.baseUrl);
            resolve(report.baseUrl);
          } else if (report.type === 'failed') {
            proc.kill();
            reject(fail(`The sandbox could not start: ${report.message}`));
          }
        });
        proc.once('exit', (code) => {
          if (child !== proc) return;
          token = null;
          reject(fail(`The sandbox process exited (code ${code}).`));
        });
        const request: UtilityRequest = { type: 'start', ...start, port: start.port ?? 0, ...(remembered !== null ? { preferredPort: remembered } : {}) };
        proc.once('spawn', () => proc.postMessage(request));
      });
      return starting;
    },
    async stop() {
      const proc = child;
      child = null;
      starting = null;
      token = null;
      status = { state: 'stopped', baseUrl: null, message: null };
      if (!proc) return;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => proc.kill(), 5_000);
        proc.once('exit', () => {
          clearTimeout(timer);
          resolve();
        });
        proc.postMessage({ type: 'stop' } satisfies UtilityRequest);
      });
    },
  };
}
