import { randomBytes } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { createSandboxApp } from './app';
import type { SandboxAppOptions } from './options';

export interface StartSandboxOptions extends Omit<SandboxAppOptions, 'adminToken'> {
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Try this port first (the one of the last launch), and a free one when it is taken. Overrides `port`. */
  preferredPort?: number;
  /** Loopback only, by type: the sandbox hands out keys and must not be reachable from the network. */
  host?: '127.0.0.1';
  /** A random token is generated when none is given. */
  adminToken?: string;
  /** Created if missing; holds `sandbox.sqlite`. Without it the data is in memory only. */
  dataDir?: string;
}

export interface RunningSandbox {
  baseUrl: string;
  adminToken: string;
  close(): Promise<void>;
}

function isPortTaken(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'EADDRINUSE' || code === 'EACCES';
}

/** A fresh admin token: 32 random bytes, URL-safe. */
export function newAdminToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Starts the sandbox on 127.0.0.1 and resolves once it listens. */
export async function startSandbox(options: StartSandboxOptions = {}): Promise<RunningSandbox> {
  const { port = 0, preferredPort, host = '127.0.0.1', adminToken = newAdminToken(), dataDir, ...appOptions } = options;
  if (dataDir !== undefined) await mkdir(dataDir, { recursive: true });
  const ports = preferredPort ? [preferredPort, 0] : [port];
  let app = createSandboxApp({ ...appOptions, adminToken, ...(dataDir !== undefined ? { dataDir } : {}) });
  for (let i = 0; ; i++) {
    try {
      await app.listen({ host, port: ports[i]! });
      break;
    } catch (error) {
      await app.close();
      // The remembered port is taken (another program, or a second console): any free one will do.
      if (i + 1 >= ports.length || !isPortTaken(error)) throw error;
      app = createSandboxApp({ ...appOptions, adminToken, ...(dataDir !== undefined ? { dataDir } : {}) });
    }
  }
  const { port: bound } = app.server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${bound}`,
    adminToken,
    close: async () => {
      await app.close();
    },
  };
}
