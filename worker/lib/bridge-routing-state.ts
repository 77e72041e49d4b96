// What the bridge router (bridge-routing.ts) knows and decides with: its settings, each bridge's
// health as plain data the BridgePool Durable Object stores as it is, and what a room reports of a turn.
import type { BridgeLoad } from "@coach/contracts/bridge";

/** The knobs of routing; the defaults are what the edge runs with. */
export type RoutingSettings = {
  /** Consecutive failures (errors, timeouts, refusals) that open a bridge's circuit. */
  failureThreshold: number;
  /** The first probe of an open bridge comes this long after it opened; later ones back off. */
  probeBaseMs: number;
  probeMaxMs: number;
  /** How long a returning bridge's share of new turns takes to ramp up to a full share. */
  slowStartMs: number;
  /** The wait a conversation accepts to stay on the bridge that served it last. */
  stickyBonusMs: number;
  /** How long an answer is assumed to take on a bridge until one is measured. */
  defaultServiceMs: number;
  /** A turn dispatched and never reported (its room evicted) stops counting after this long. */
  leaseTtlMs: number;
};

export const ROUTING_DEFAULTS: RoutingSettings = {
  failureThreshold: 3,
  probeBaseMs: 2_000,
  probeMaxMs: 60_000,
  slowStartMs: 30_000,
  stickyBonusMs: 750,
  defaultServiceMs: 3_000,
  leaseTtlMs: 120_000,
};

/** Share of each new measurement in a bridge's answer time (an EWMA, as the bridge's own queue keeps). */
export const SERVICE_EWMA_ALPHA = 0.2;
/** The smallest share a bridge in slow start gets, so it is tried at all. */
export const SLOW_START_FLOOR = 0.1;

export type CircuitState = "closed" | "open" | "half_open";

/** What the pool knows of one bridge; plain data, so the Durable Object stores it as it is. */
export type BridgeHealth = {
  state: CircuitState;
  /** Consecutive failures since the last good answer or probe. */
  failures: number;
  /** While open: when the next active probe of `/health` is due, and the backoff it is on. */
  probeAt: number | null;
  probeDelayMs: number;
  /** When the circuit closed again after being open: the start of the slow start. */
  recoveredAt: number | null;
  /** The load the bridge last reported, and when. */
  load: BridgeLoad | null;
  loadAt: number;
  /** Turns sent to this bridge and not reported yet: lease id → when it was sent. */
  leases: Record<string, number>;
  /** How long an answer takes here (generation, not queueing), as measured. */
  serviceMs: number;
  /** A half-open bridge takes one trial turn at a time: its lease. */
  trial: string | null;
};

/** The pool's state: every bridge by id, in the order the pool lists them (first preferred on a tie). */
export type PoolState = {
  bridges: Record<string, BridgeHealth>;
  order: string[];
  nextLease: number;
};

/** What a room reports of a turn it sent: what the edge routes on next. */
export type DispatchOutcome =
  /** Answered; `serviceMs` is the bridge's own time for it, `load` what it reported with `done`. */
  | { kind: "answered"; load?: BridgeLoad; serviceMs?: number }
  /** The bridge is up but full (429, 503 with Retry-After, a retryable error): no failure, a wait. */
  | { kind: "busy"; retryAfterMs?: number }
  /** Unreachable, timed out, refused by Access or the signature, broke off mid-stream, 5xx. */
  | { kind: "failed" }
  /** Stopped by the user or refused as a bad request: says nothing about the bridge. */
  | { kind: "released" };

export type Choice = {
  bridgeId: string;
  leaseId: string;
  /** No bridge was healthy: this one was tried anyway (the room's backoff paces such attempts). */
  degraded: boolean;
};

export function emptyPool(): PoolState {
  return { bridges: {}, order: [], nextLease: 1 };
}

export function freshHealth(settings: RoutingSettings): BridgeHealth {
  return {
    state: "closed",
    failures: 0,
    probeAt: null,
    probeDelayMs: settings.probeBaseMs,
    recoveredAt: null,
    load: null,
    loadAt: 0,
    leases: {},
    serviceMs: settings.defaultServiceMs,
    trial: null,
  };
}
