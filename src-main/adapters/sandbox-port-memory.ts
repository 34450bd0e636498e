import type { JsonDocument } from '../ports';

/**
 * The embedded sandbox's port of the last launch, kept in the data folder (`sandbox-port.json`),
 * so a copied curl or a script pointed at http://127.0.0.1:<port> keeps working at the next launch.
 */
export interface SandboxPortMemory {
  /** The remembered port, or null (none yet, or a file that does not hold one). */
  read(): number | null;
  /** Remember the port the sandbox listens on now; a failed write is not fatal (next launch picks a free port). */
  write(port: number): void;
}

export function sandboxPortMemory(document: JsonDocument): SandboxPortMemory {
  return {
    read() {
      const port = (document.read() as { port?: unknown } | undefined)?.port;
      return typeof port === 'number' && Number.isInteger(port) && port >= 1024 && port <= 65535 ? port : null;
    },
    write(port) {
      try {
        document.write({ port });
      } catch {
        // Only a convenience: the sandbox runs either way.
      }
    },
  };
}

/** The port of a base URL such as http://127.0.0.1:41234. */
export function portOf(baseUrl: string): number | null {
  const port = Number(new URL(baseUrl).port);
  return Number.isInteger(port) && port > 0 ? port : null;
}

/** After the sandbox started: remember its port when it changed. */
export function rememberPort(memory: SandboxPortMemory | undefined, remembered: number | null, baseUrl: string): void {
  const port = portOf(baseUrl);
  if (memory && port !== null && port !== remembered) memory.write(port);
}
