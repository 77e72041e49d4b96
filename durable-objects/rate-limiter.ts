// RateLimiter: one object per key (an IP, a visitor, a conversation, an account), holding exact
// token buckets, and for an account its sign-in throttle (sign-in-throttle.ts): lanes of failures,
// the hashes of its known devices and of its live unlock tokens. Exact counts matter here.
import { DurableObject } from "cloudflare:workers";
import type {
  AttemptResult,
  SettleExtras,
  SignInAttempt,
  SignInRequest,
  ThrottleLane,
} from "../worker/lib/rate-limiters";
import {
  currentLane,
  reserve,
  settle,
  waitMs,
  type LaneState,
  type Outcome,
} from "../worker/lib/sign-in-throttle";
import {
  takeTokens,
  type BucketRule,
  type BucketState,
  type TakeResult,
} from "../worker/lib/token-bucket";

type Devices = Record<string, number>;
type Unlocks = Record<string, number>;

/** The lane every sign-in from an unknown device shares, whatever its network. */
export const ACCOUNT_LANE = "account";
const LANE_PREFIX = "signin:lane:";
const DEVICES_KEY = "signin:devices";
const UNLOCKS_KEY = "signin:unlocks";
/** Known devices per account, the most recently used kept; each forgotten after 180 days unused. */
const MAX_DEVICES = 20;
const DEVICE_TTL_MS = 180 * 86_400_000;
/** Unlock tokens per account, the newest kept. */
const MAX_UNLOCKS = 3;

/** Token buckets for one key; several named buckets may share the key (e.g. burst and daily). */
export class RateLimiter extends DurableObject<Env> {
  /** Takes `cost` tokens from the named bucket if it has them. Calls are serialised by the object. */
  async take(bucket: string, rule: BucketRule, now: number = Date.now()): Promise<TakeResult> {
    const { state, result } = takeTokens(this.ctx.storage.kv.get<BucketState>(bucket), rule, now);
    this.ctx.storage.kv.put<BucketState>(bucket, state);
    return result;
  }

  /**
   * Reserves one attempt on every lane, or says how long to wait (nothing reserved then). Settle it with
   * `settleAttempt`. Storage is synchronous: no two attempts can see the same count.
   */
  async beginAttempt(lanes: ThrottleLane[], now: number = Date.now()): Promise<AttemptResult> {
    const states = lanes.map((lane) => ({
      lane,
      state: currentLane(
        this.ctx.storage.kv.get<LaneState>(LANE_PREFIX + lane.key),
        lane.policy,
        now,
      ),
    }));
    const wait = Math.max(0, ...states.map(({ lane, state }) => waitMs(state, lane.policy, now)));
    if (wait > 0) return { allowed: false, retryAfterSeconds: wait / 1000 };
    for (const { lane, state } of states)
      this.ctx.storage.kv.put<LaneState>(LANE_PREFIX + lane.key, reserve(state, now));
    return { allowed: true, retryAfterSeconds: 0 };
  }

  /**
   * Reserves a sign-in on its lanes: a known device's (`deviceHash`) or a live unlock's (`unlockHash`)
   * own lane, which nobody else's failures touch; else the network's and the account's together.
   */
  async beginSignIn(request: SignInRequest): Promise<SignInAttempt> {
    const now = request.now ?? Date.now();
    const devices = this.liveDevices(now);
    const unlocks = this.liveUnlocks(now);
    const lanes: ThrottleLane[] =
      request.deviceHash !== null && request.deviceHash in devices
        ? [{ key: `device:${request.deviceHash}`, policy: request.policies.device }]
        : request.unlockHash !== null && request.unlockHash in unlocks
          ? [{ key: `unlock:${request.unlockHash}`, policy: request.policies.device }]
          : [
              { key: `network:${request.network}`, policy: request.policies.network },
              { key: ACCOUNT_LANE, policy: request.policies.account },
            ];
    const via = lanes[0]?.key.startsWith("device:")
      ? "device"
      : lanes[0]?.key.startsWith("unlock:")
        ? "unlock"
        : "network";
    return { ...(await this.beginAttempt(lanes, now)), via, lanes: lanes.map((l) => l.key) };
  }

  /**
   * Ends a reserved attempt on its lanes: a success clears them, a failure counts, a cancelled attempt
   * (refused elsewhere before the password was checked) only gives its reservation back. A success may
   * remember the device and spend the unlock it came with.
   */
  async settleAttempt(
    laneKeys: string[],
    outcome: Outcome,
    extras: SettleExtras = {},
    now: number = Date.now(),
  ): Promise<void> {
    for (const key of laneKeys) {
      const stored = this.ctx.storage.kv.get<LaneState>(LANE_PREFIX + key);
      const next = settle(stored ?? { failures: 0, pending: [], lastAt: 0 }, outcome, now);
      if (next) this.ctx.storage.kv.put<LaneState>(LANE_PREFIX + key, next);
      else this.ctx.storage.kv.delete(LANE_PREFIX + key);
    }
    if (outcome !== "success") return;
    if (extras.rememberDevice) {
      const devices = { ...this.liveDevices(now), [extras.rememberDevice]: now };
      const kept = Object.entries(devices)
        .sort((a, b) => b[1] - a[1])
        .slice(0, MAX_DEVICES);
      this.ctx.storage.kv.put<Devices>(DEVICES_KEY, Object.fromEntries(kept));
    }
    if (extras.consumeUnlock) {
      const { [extras.consumeUnlock]: _spent, ...rest } = this.liveUnlocks(now);
      this.ctx.storage.kv.put<Unlocks>(UNLOCKS_KEY, rest);
      this.ctx.storage.kv.delete(`${LANE_PREFIX}unlock:${extras.consumeUnlock}`);
    }
  }

  /** Keeps an unlock token's hash until `expiresAt`; the oldest go beyond a few. */
  async issueUnlock(hash: string, expiresAt: number, now: number = Date.now()): Promise<void> {
    const unlocks = { ...this.liveUnlocks(now), [hash]: expiresAt };
    const kept = Object.entries(unlocks)
      .sort((a, b) => b[1] - a[1])
      .slice(0, MAX_UNLOCKS);
    this.ctx.storage.kv.put<Unlocks>(UNLOCKS_KEY, Object.fromEntries(kept));
  }

  /** Forgets everything about the account's sign-ins (the account was erased). */
  async forgetAccount(): Promise<void> {
    await this.ctx.storage.deleteAll();
  }

  private liveDevices(now: number): Devices {
    const stored = this.ctx.storage.kv.get<Devices>(DEVICES_KEY) ?? {};
    return Object.fromEntries(
      Object.entries(stored).filter(([, seenAt]) => now - seenAt < DEVICE_TTL_MS),
    );
  }

  private liveUnlocks(now: number): Unlocks {
    const stored = this.ctx.storage.kv.get<Unlocks>(UNLOCKS_KEY) ?? {};
    return Object.fromEntries(Object.entries(stored).filter(([, expiresAt]) => expiresAt > now));
  }

  /** Forgets a bucket, e.g. after a successful sign-in. */
  async reset(bucket: string): Promise<void> {
    this.ctx.storage.kv.delete(bucket);
  }
}
