// Which bridge of a workspace's pool answers the next turn: the arithmetic the BridgePool Durable
// Object keeps state for, kept free of I/O so it is unit-tested directly and `bench/capacity.ts`
// routes with exactly this code. Each turn goes to the healthy bridge with the shortest estimated
// wait, with a small preference for the bridge that served the conversation last (its prompt cache).
// Health is passive (each outcome a room reports) with a circuit breaker per bridge: open after
// `failureThreshold` consecutive failures, an active probe of `/health` while open, half-open on a
// good probe (one trial turn), closed on a good answer, then a slow start while its share ramps up.
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
const SERVICE_EWMA_ALPHA = 0.2;
/** The smallest share a bridge in slow start gets, so it is tried at all. */
const SLOW_START_FLOOR = 0.1;

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

function freshHealth(settings: RoutingSettings): BridgeHealth {
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

/** Routes turns over a pool; mutates the `PoolState` it is given, which its owner persists. */
export class BridgeRouter {
  constructor(
    readonly pool: PoolState = emptyPool(),
    private readonly settings: RoutingSettings = ROUTING_DEFAULTS,
  ) {}

  /** Makes the pool the bridges `ids` (new ones start healthy, removed ones are forgotten). */
  sync(ids: readonly string[]): void {
    const kept: Record<string, BridgeHealth> = {};
    for (const id of ids) kept[id] = this.pool.bridges[id] ?? freshHealth(this.settings);
    this.pool.bridges = kept;
    this.pool.order = [...ids];
  }

  health(id: string): BridgeHealth | undefined {
    return this.pool.bridges[id];
  }

  /**
   * How long a turn sent to `id` now would wait for a slot: the larger of what the bridge last
   * reported (less the time since) and what the turns the edge sent since imply.
   */
  estimatedWaitMs(id: string, now: number): number {
    const health = this.pool.bridges[id];
    if (!health) return Number.POSITIVE_INFINITY;
    this.expireLeases(health, now);
    const reported = health.load
      ? Math.max(0, health.load.estimated_wait_ms - (now - health.loadAt))
      : 0;
    const concurrency = health.load?.concurrency ?? 1;
    const inFlight = Object.keys(health.leases).length;
    const ahead = inFlight - concurrency + 1;
    const own = ahead > 0 ? (ahead * health.serviceMs) / concurrency : 0;
    return Math.max(reported, own);
  }

  /** The share of new turns a bridge may take: 1, or less while it ramps up after returning. */
  share(id: string, now: number): number {
    const health = this.pool.bridges[id];
    if (!health || health.recoveredAt === null) return 1;
    const ramp = (now - health.recoveredAt) / this.settings.slowStartMs;
    if (ramp >= 1) return 1;
    return SLOW_START_FLOOR + (1 - SLOW_START_FLOOR) * Math.max(0, ramp);
  }

  /** Whether `id` may take a turn now: closed, or half-open with no trial turn out. */
  private available(id: string): boolean {
    const health = this.pool.bridges[id];
    if (!health) return false;
    return health.state === "closed" || (health.state === "half_open" && health.trial === null);
  }

  /**
   * Picks the bridge for a turn and records it as sent. `preferred` is the bridge that served the
   * conversation last; `exclude` the ones that just failed this turn (ignored when nothing else is
   * left). With no healthy bridge, the one closest to its next probe is tried anyway, so a pool of
   * one behaves as a single bridge always did. Null only for an empty pool.
   */
  choose(
    now: number,
    options: { preferred?: string | null; exclude?: readonly string[]; random?: () => number } = {},
  ): Choice | null {
    const random = options.random ?? Math.random;
    const all = this.pool.order.filter((id) => this.pool.bridges[id]);
    if (all.length === 0) return null;
    const notExcluded = all.filter((id) => !options.exclude?.includes(id));
    const candidates = notExcluded.length > 0 ? notExcluded : all;
    const healthy = candidates.filter((id) => this.available(id));
    // A bridge in slow start takes its share of turns, unless no other bridge could take this one.
    const ramped = healthy.filter(
      (id) => this.share(id, now) >= 1 || random() < this.share(id, now),
    );
    const eligible = ramped.length > 0 ? ramped : healthy;
    let chosen: string | undefined;
    let best = Number.POSITIVE_INFINITY;
    let bestLeases = Number.POSITIVE_INFINITY;
    for (const id of eligible) {
      const bonus = id === options.preferred ? this.settings.stickyBonusMs : 0;
      const score = this.estimatedWaitMs(id, now) - bonus;
      const leases = Object.keys(this.pool.bridges[id]?.leases ?? {}).length;
      // Ties (an idle pool) go to the bridge with the fewest turns out, then to the first listed.
      if (score < best || (score === best && leases < bestLeases)) {
        chosen = id;
        best = score;
        bestLeases = leases;
      }
    }
    const degraded = chosen === undefined;
    chosen ??= [...candidates].sort(
      (a, b) => (this.pool.bridges[a]?.probeAt ?? now) - (this.pool.bridges[b]?.probeAt ?? now),
    )[0];
    if (chosen === undefined) return null;
    const health = this.pool.bridges[chosen];
    if (!health) return null;
    const leaseId = `l${this.pool.nextLease++}`;
    health.leases[leaseId] = now;
    if (health.state === "half_open") health.trial = leaseId;
    return { bridgeId: chosen, leaseId, degraded };
  }

  /**
   * Records what became of a turn sent to `bridgeId`. Answers whether another bridge could take the
   * turn at once (the room then retries it there instead of backing off).
   */
  settle(bridgeId: string, leaseId: string, outcome: DispatchOutcome, now: number): boolean {
    const health = this.pool.bridges[bridgeId];
    if (!health) return this.alternativeTo(bridgeId, now, 0);
    const sentAt = health.leases[leaseId];
    delete health.leases[leaseId];
    if (health.trial === leaseId) health.trial = null;
    switch (outcome.kind) {
      case "answered": {
        const measured = outcome.serviceMs ?? (sentAt === undefined ? undefined : now - sentAt);
        if (measured !== undefined && measured > 0)
          health.serviceMs += SERVICE_EWMA_ALPHA * (measured - health.serviceMs);
        if (outcome.load) {
          health.load = outcome.load;
          health.loadAt = now;
        }
        this.close(health, now);
        return false;
      }
      case "busy": {
        // Alive but full: no failure, and no new turns until its own estimate says it has room.
        health.failures = 0;
        const waitMs = outcome.retryAfterMs ?? health.serviceMs;
        health.load = {
          queue_depth: health.load?.queue_depth ?? 0,
          running: health.load?.running ?? 0,
          concurrency: health.load?.concurrency ?? 1,
          estimated_wait_ms: waitMs,
        };
        health.loadAt = now;
        return this.alternativeTo(bridgeId, now, waitMs);
      }
      case "failed":
        health.failures += 1;
        if (health.state === "half_open" || health.failures >= this.settings.failureThreshold)
          this.open(health, now);
        return this.alternativeTo(bridgeId, now, Number.POSITIVE_INFINITY);
      case "released":
        return false;
    }
  }

  /** The result of an active probe of an open bridge's `/health`, with the load it reported. */
  probed(bridgeId: string, ok: boolean, now: number, load?: BridgeLoad): void {
    const health = this.pool.bridges[bridgeId];
    if (!health || health.state !== "open") return;
    if (ok) {
      if (load) {
        health.load = load;
        health.loadAt = now;
      }
      health.state = "half_open";
      health.probeAt = null;
      health.trial = null;
      return;
    }
    health.probeDelayMs = Math.min(this.settings.probeMaxMs, health.probeDelayMs * 2);
    health.probeAt = now + health.probeDelayMs;
  }

  /** Open bridges whose probe is due by `now`. */
  probesDue(now: number): string[] {
    return this.pool.order.filter((id) => {
      const health = this.pool.bridges[id];
      return health?.state === "open" && health.probeAt !== null && health.probeAt <= now;
    });
  }

  /** When the earliest probe is due, or null when every bridge is closed or half-open. */
  nextProbeAt(): number | null {
    let next: number | null = null;
    for (const health of Object.values(this.pool.bridges)) {
      if (health.state === "open" && health.probeAt !== null)
        next = next === null ? health.probeAt : Math.min(next, health.probeAt);
    }
    return next;
  }

  private open(health: BridgeHealth, now: number): void {
    if (health.state !== "open") health.probeDelayMs = this.settings.probeBaseMs;
    health.state = "open";
    health.trial = null;
    health.recoveredAt = null;
    health.probeAt = now + health.probeDelayMs;
  }

  private close(health: BridgeHealth, now: number): void {
    // Slow start only for a bridge coming back, not for one that was fine all along.
    if (health.state !== "closed") health.recoveredAt = now;
    health.state = "closed";
    health.failures = 0;
    health.probeAt = null;
    health.probeDelayMs = this.settings.probeBaseMs;
  }

  /** Whether a bridge other than `id` is healthy and would start the turn sooner than `waitMs`. */
  private alternativeTo(id: string, now: number, waitMs: number): boolean {
    return this.pool.order.some(
      (other) => other !== id && this.available(other) && this.estimatedWaitMs(other, now) < waitMs,
    );
  }

  private expireLeases(health: BridgeHealth, now: number): void {
    for (const [lease, at] of Object.entries(health.leases)) {
      if (now - at > this.settings.leaseTtlMs) {
        delete health.leases[lease];
        if (health.trial === lease) health.trial = null;
      }
    }
  }
}
