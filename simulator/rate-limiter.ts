export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/**
 * One token bucket per key (per bearer token in the simulator): it refills at `ratePerSecond` and holds at most
 * max(1, ratePerSecond) requests, so a client may burst up to one second's worth.
 */
export class TokenBucketRateLimiter<Key> {
  private readonly buckets = new Map<Key, { tokens: number; updatedMs: number }>();
  private readonly capacity: number;

  constructor(
    private readonly ratePerSecond: number,
    private readonly nowMs: () => number = () => performance.now(),
  ) {
    if (!(ratePerSecond > 0) || !Number.isFinite(ratePerSecond)) {
      throw new Error(`ratePerSecond must be a positive number; received ${ratePerSecond}.`);
    }
    this.capacity = Math.max(1, ratePerSecond);
  }

  take(key: Key): RateDecision {
    const now = this.nowMs();
    const bucket = this.buckets.get(key) ?? { tokens: this.capacity, updatedMs: now };
    bucket.tokens = Math.min(this.capacity, bucket.tokens + ((now - bucket.updatedMs) / 1000) * this.ratePerSecond);
    bucket.updatedMs = now;
    this.buckets.set(key, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return { allowed: true };
    }
    // Retry-After is whole seconds, and never 0: a client told "0" would retry at once.
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - bucket.tokens) / this.ratePerSecond)) };
  }
}
