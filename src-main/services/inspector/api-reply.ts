import type { RateLimitSnapshot } from '../../../src-preload/contract';

/** One API reply as features other than the request builder need it. */
export interface ApiReply {
  status: number;
  body: string;
  rateLimit: RateLimitSnapshot;
  /** Epoch ms when the reply arrived. */
  receivedAt: number;
  /** The request builder's words for an API error (same sentence everywhere), or null. */
  explanation?: string | null;
}

/**
 * A GET through the request engine: the key is attached there, the call counts in the
 * rate-limit tracker and appears in History, exactly like a request from the builder.
 */
export interface ApiGateway {
  get(keyId: string, path: string, query: Record<string, string>, options?: { signal?: AbortSignal }): Promise<ApiReply>;
}
