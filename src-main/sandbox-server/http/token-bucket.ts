/** Bucket size and continuous refill rate: `refillPerWindow` tokens every `windowMs`. */
export interface BucketConfig {
  capacity: number;
  refillPerWindow: number;
  windowMs: number;
}

export interface BucketState {
  allowed: boolean;
  /** Whole tokens left after this request. */
  remaining: number;
  /** Milliseconds until the bucket is full again. */
  msUntilFull: number;
  /** Milliseconds until at least one whole token is available (0 if one is now). */
  msUntilToken: number;
}

/**
 * Token buckets keyed by an id (workspace, client address), all starting full.
 * Tokens are counted in units of 1/windowMs of a token so refill is exact integer arithmetic
 * with an integer clock: no 0.9999 tokens after exactly one refill interval.
 */
export class TokenBuckets {
  private readonly buckets = new Map<string, { units: number; at: number }>();
  private readonly unitsPerToken: number;
  private readonly capacityUnits: number;

  constructor(private readonly config: BucketConfig) {
    this.unitsPerToken = config.windowMs;
    this.capacityUnits = config.capacity * config.windowMs;
  }

  /** Takes one token if there is one; a request that finds less than one takes none. */
  take(id: string, now: number): BucketState {
    const units = this.refill(id, now);
    const allowed = units >= this.unitsPerToken;
    const after = allowed ? units - this.unitsPerToken : units;
    this.buckets.set(id, { units: after, at: now });
    return this.describe(after, allowed);
  }

  /** Forgets every bucket: all start full again. */
  clear(): void {
    this.buckets.clear();
  }

  /** The current state without taking anything. */
  peek(id: string, now: number): BucketState {
    const units = this.refill(id, now);
    return this.describe(units, units >= this.unitsPerToken);
  }

  private refill(id: string, now: number): number {
    const bucket = this.buckets.get(id);
    if (!bucket) return this.capacityUnits;
    // A clock that steps backwards refills nothing rather than draining the bucket.
    const elapsed = Math.max(0, now - bucket.at);
    return Math.min(this.capacityUnits, bucket.units + elapsed * this.config.refillPerWindow);
  }

  private describe(units: number, allowed: boolean): BucketState {
    const rate = this.config.refillPerWindow; // units per millisecond
    return {
      allowed,
      remaining: Math.floor(units / this.unitsPerToken),
      msUntilFull: Math.ceil((this.capacityUnits - units) / rate),
      msUntilToken: Math.max(0, Math.ceil((this.unitsPerToken - units) / rate)),
    };
  }
}
