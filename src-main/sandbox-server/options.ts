import type { SandboxStore } from './db/store';
import type { BucketConfig } from './http/token-bucket';
import { DEFAULT_SEED } from './seed/seed';

export interface SandboxClock {
  now(): number;
}

export interface SandboxAppOptions {
  adminToken: string;
  seed?: number;
  clock?: SandboxClock;
  /** Per-workspace bucket: `capacity` is the burst, refilled at `refillPerWindow` per `windowMs`. */
  rateLimit?: BucketConfig;
  /** Failed key authentications allowed per client address. */
  authFailureLimit?: { perWindow: number; windowMs: number };
  /**
   * Where `sandbox.sqlite` lives (the directory must exist). Without it the database is in memory
   * and gone when the app closes, which is what most tests want.
   */
  dataDir?: string;
  /** Storage to use instead of opening one; the caller closes it. */
  store?: SandboxStore;
  /** Called with unexpected errors (the client only sees a 500 with a request id). */
  onInternalError?: (error: unknown) => void;
  /**
   * Milliseconds a client has to send one whole request (headers and body) before the sandbox
   * answers 408 and closes the connection; headers alone get at most 10 s of it. Tests shrink it.
   */
  requestTimeoutMs?: number;
}

export interface ResolvedOptions {
  adminToken: string;
  seed: number;
  /** The seed asked for explicitly: reset uses it, else the seed the data was made with. */
  explicitSeed: number | null;
  dataDir: string | null;
  clock: SandboxClock;
  rateLimit: BucketConfig;
  authFailureLimit: BucketConfig;
  store: SandboxStore | null;
  onInternalError: (error: unknown) => void;
  requestTimeoutMs: number;
}

export const DEFAULT_RATE_LIMIT: BucketConfig = { capacity: 200, refillPerWindow: 100, windowMs: 60_000 };
export const DEFAULT_AUTH_FAILURE_LIMIT = { perWindow: 30, windowMs: 60_000 };
/**
 * A whole request, at most 1 MiB over loopback, takes milliseconds; 30 s leaves room for a loaded
 * machine or a paused debugger and still cuts a client trickling a body (slow loris) within
 * 30 s instead of never.
 */
export const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;

function checkBucket(name: string, config: BucketConfig): BucketConfig {
  const { capacity, refillPerWindow, windowMs } = config;
  const positiveInts = [capacity, refillPerWindow, windowMs].every((n) => Number.isInteger(n) && n > 0);
  // Zero or fractional values would give a bucket that never refills or header values that are not integers.
  if (!positiveInts) throw new TypeError(`${name}: capacity, refill and window must be positive integers`);
  return { capacity, refillPerWindow, windowMs };
}

/** Fills in defaults and rejects configurations that would make the limiter meaningless. */
export function resolveOptions(options: SandboxAppOptions): ResolvedOptions {
  if (typeof options.adminToken !== 'string' || options.adminToken.length === 0) {
    throw new TypeError('adminToken must be a non-empty string');
  }
  const failures = options.authFailureLimit ?? DEFAULT_AUTH_FAILURE_LIMIT;
  const requestTimeoutMs = options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
  // Zero would mean no timeout at all in Node, which is what this option exists to prevent.
  if (!Number.isInteger(requestTimeoutMs) || requestTimeoutMs <= 0) {
    throw new TypeError('requestTimeoutMs must be a positive integer');
  }
  const seed = options.seed ?? DEFAULT_SEED;
  if (!Number.isSafeInteger(seed)) throw new TypeError('seed must be an integer');
  return {
    adminToken: options.adminToken,
    seed,
    explicitSeed: options.seed ?? null,
    dataDir: options.dataDir ?? null,
    clock: options.clock ?? { now: () => Date.now() },
    rateLimit: checkBucket('rateLimit', options.rateLimit ?? DEFAULT_RATE_LIMIT),
    authFailureLimit: checkBucket('authFailureLimit', {
      capacity: failures.perWindow,
      refillPerWindow: failures.perWindow,
      windowMs: failures.windowMs,
    }),
    store: options.store ?? null,
    onInternalError: options.onInternalError ?? (() => {}),
    requestTimeoutMs,
  };
}
