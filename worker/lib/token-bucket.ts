// Token-bucket arithmetic, shared by the RateLimiter object and the rooms' own per-conversation limits.

/** A bucket refills continuously at `refillPerSecond` up to `capacity`; each request takes `cost`. */
export type BucketRule = {
  capacity: number;
  refillPerSecond: number;
  cost?: number;
};

export type TakeResult = {
  allowed: boolean;
  remaining: number;
  /** Seconds until `cost` tokens are available again; 0 when allowed. */
  retryAfterSeconds: number;
};

export type BucketState = { tokens: number; updatedAt: number };

/** Takes `cost` tokens from `stored` (a full bucket when undefined); returns the new state to keep. */
export function takeTokens(
  stored: BucketState | undefined,
  rule: BucketRule,
  now: number,
): { state: BucketState; result: TakeResult } {
  const cost = rule.cost ?? 1;
  const elapsedSeconds = stored ? Math.max(0, now - stored.updatedAt) / 1000 : 0;
  const available = stored
    ? Math.min(rule.capacity, stored.tokens + elapsedSeconds * rule.refillPerSecond)
    : rule.capacity;
  if (available >= cost) {
    return {
      state: { tokens: available - cost, updatedAt: now },
      result: { allowed: true, remaining: Math.floor(available - cost), retryAfterSeconds: 0 },
    };
  }
  const retryAfterSeconds =
    rule.refillPerSecond > 0 ? (cost - available) / rule.refillPerSecond : Number.POSITIVE_INFINITY;
  return {
    state: { tokens: available, updatedAt: now },
    result: { allowed: false, remaining: Math.floor(available), retryAfterSeconds },
  };
}
