// RateLimiter: one object per key (an IP, a visitor, a conversation, an account), holding exact
// token buckets. Exact counts matter where approximations would not do, e.g. login attempts.
import { DurableObject } from "cloudflare:workers";
import { takeTokens, type BucketRule, type BucketState, type TakeResult } from "./token-bucket";

/**
 * Sign-in lockout: at most `maxFailures` failed attempts per `windowSeconds`; reaching it locks for
 * `baseLockoutSeconds`, doubling with each lockout up to `maxLockoutSeconds`, so the real owner is
 * never locked out for good. Attempts are reserved before the password is checked, so concurrent
 * guesses are counted exactly.
 */
export type LockoutPolicy = {
  maxFailures: number;
  windowSeconds: number;
  baseLockoutSeconds: number;
  maxLockoutSeconds: number;
};

export type AttemptResult = { allowed: boolean; retryAfterSeconds: number };

type LockoutState = { failures: number[]; pending: number[]; lockedUntil: number; strikes: number; lastFailureAt: number };

// A reserved attempt whose outcome never arrives (the request died) stops counting after this long.
const PENDING_TTL_MS = 30_000;

/** Token buckets for one key; several named buckets may share the key (e.g. burst and daily). */
export class RateLimiter extends DurableObject<Env> {
  /** Takes `cost` tokens from the named bucket if it has them. Calls are serialised by the object. */
  async take(bucket: string, rule: BucketRule, now: number = Date.now()): Promise<TakeResult> {
    const { state, result } = takeTokens(this.ctx.storage.kv.get<BucketState>(bucket), rule, now);
    this.ctx.storage.kv.put<BucketState>(bucket, state);
    return result;
  }

  /** Reserves one sign-in attempt, or says how long to wait. Settle it with `settleAttempt`. */
  async beginAttempt(name: string, policy: LockoutPolicy, now: number = Date.now()): Promise<AttemptResult> {
    const state = this.lockoutState(name, policy, now);
    if (state.lockedUntil > now) return { allowed: false, retryAfterSeconds: (state.lockedUntil - now) / 1000 };
    if (state.failures.length + state.pending.length >= policy.maxFailures) {
      this.ctx.storage.kv.put(name, state);
      return { allowed: false, retryAfterSeconds: 1 };
    }
    state.pending.push(now);
    this.ctx.storage.kv.put(name, state);
    return { allowed: true, retryAfterSeconds: 0 };
  }

  /** Records the outcome of a reserved attempt: success clears the record, failure counts toward a lockout. */
  async settleAttempt(name: string, policy: LockoutPolicy, succeeded: boolean, now: number = Date.now()): Promise<void> {
    const state = this.lockoutState(name, policy, now);
    state.pending.shift();
    if (succeeded) {
      this.ctx.storage.kv.delete(name);
      return;
    }
    state.failures.push(now);
    state.lastFailureAt = now;
    if (state.failures.length >= policy.maxFailures) {
      const lockSeconds = Math.min(policy.baseLockoutSeconds * 2 ** state.strikes, policy.maxLockoutSeconds);
      state.lockedUntil = now + lockSeconds * 1000;
      state.strikes += 1;
      state.failures = [];
    }
    this.ctx.storage.kv.put(name, state);
  }

  // Synchronous storage: each read-modify-write below completes without yielding, so concurrent
  // attempts on one account can never both see the same count.
  private lockoutState(name: string, policy: LockoutPolicy, now: number): LockoutState {
    const stored = this.ctx.storage.kv.get<LockoutState>(name);
    const state = stored ?? { failures: [], pending: [], lockedUntil: 0, strikes: 0, lastFailureAt: 0 };
    state.failures = state.failures.filter((at) => now - at < policy.windowSeconds * 1000);
    state.pending = state.pending.filter((at) => now - at < PENDING_TTL_MS);
    // A quiet day forgives earlier lockouts, so the back-off starts small again.
    if (state.lockedUntil <= now && now - state.lastFailureAt > 86_400_000) state.strikes = 0;
    return state;
  }

  /** Forgets a bucket, e.g. after a successful sign-in. */
  async reset(bucket: string): Promise<void> {
    this.ctx.storage.kv.delete(bucket);
  }
}
