// Sign-in throttle arithmetic for the RateLimiter object: each lane (an account and a network, an
// account's unknown devices together, one known device) lets a few failures through, then asks for an
// exponentially growing pause since its last attempt, up to a cap. Nothing is ever locked for good, and
// reserved attempts count as failures until settled, so concurrent guesses are counted exactly.

/** Free failures, then a pause of base·2^k seconds (k = failures beyond the free ones) up to the cap. */
export type ThrottlePolicy = {
  freeFailures: number;
  baseDelaySeconds: number;
  maxDelaySeconds: number;
  /** Failures are forgotten after this long without an attempt. */
  forgetAfterSeconds: number;
};

/** One lane's record: failures, attempts reserved but not settled yet, and the last attempt's time. */
export type LaneState = { failures: number; pending: number[]; lastAt: number };

export type Outcome = "success" | "failure" | "cancelled";

// A reserved attempt whose outcome never arrives (the request died) stops counting after this long.
const PENDING_TTL_MS = 30_000;

/** The lane as it stands at `now`: stale reservations dropped, failures forgotten after a quiet spell. */
export function currentLane(
  stored: LaneState | undefined,
  policy: ThrottlePolicy,
  now: number,
): LaneState {
  if (!stored) return { failures: 0, pending: [], lastAt: 0 };
  const pending = stored.pending.filter((at) => now - at < PENDING_TTL_MS);
  const quiet = pending.length === 0 && now - stored.lastAt > policy.forgetAfterSeconds * 1000;
  return { failures: quiet ? 0 : stored.failures, pending, lastAt: stored.lastAt };
}

/** The pause owed after `attempts` failed or pending attempts: none within the free ones. */
export function requiredGapMs(attempts: number, policy: ThrottlePolicy): number {
  if (attempts < policy.freeFailures) return 0;
  return (
    Math.min(
      policy.baseDelaySeconds * 2 ** (attempts - policy.freeFailures),
      policy.maxDelaySeconds,
    ) * 1000
  );
}

/** Milliseconds until the lane takes another attempt; 0 when it takes one now. */
export function waitMs(state: LaneState, policy: ThrottlePolicy, now: number): number {
  return Math.max(
    0,
    state.lastAt + requiredGapMs(state.failures + state.pending.length, policy) - now,
  );
}

/** The lane with one more attempt reserved at `now`. */
export function reserve(state: LaneState, now: number): LaneState {
  return { ...state, pending: [...state.pending, now], lastAt: now };
}

/** The lane after a reserved attempt ended; null when a success clears it. */
export function settle(state: LaneState, outcome: Outcome, now: number): LaneState | null {
  if (outcome === "success") return null;
  const pending = state.pending.slice(1);
  if (outcome === "cancelled") return { ...state, pending };
  return { failures: state.failures + 1, pending, lastAt: Math.max(state.lastAt, now) };
}
