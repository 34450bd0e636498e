import type { BucketConfig } from './http/token-bucket';

/** Parent -> sandbox utility process. Options travel as a message, not argv: no token in `ps`. */
export type UtilityRequest =
  | {
      type: 'start';
      dataDir: string;
      port?: number;
      preferredPort?: number;
      adminToken?: string;
      seed?: number;
      rateLimit?: BucketConfig;
    }
  | { type: 'stop' };

/** Sandbox utility process -> parent. */
export type UtilityReport =
  | { type: 'ready'; baseUrl: string; adminToken: string }
  | { type: 'failed'; message: string }
  | { type: 'stopped' };
