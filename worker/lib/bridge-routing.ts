// Which bridge of a workspace's pool answers the next turn: the arithmetic the BridgePool Durable
// Object keeps state for, kept free of I/O so it is unit-tested directly and `bench/capacity.ts`
// routes with exactly this code. Each turn goes to the healthy bridge with the shortest estimated
// wait, with a small preference for the bridge that served the conversation last (its prompt cache).
// Health is passive (each outcome a room reports) with a circuit breaker per bridge: open after
// `failureThreshold` consecutive failures, an active probe of `/health` while open, half-open on a
// good probe (one trial turn), closed on a good answer, then a slow start while its share ramps up.
import type { BridgeLoad } from "@coach/contracts/bridge";
import {
  emptyPool,
  freshHealth,
  ROUTING_DEFAULTS,
  SERVICE_EWMA_ALPHA,
  SLOW_START_FLOOR,
  type BridgeHealth,
  type Choice,
  type DispatchOutcome,
  type PoolState,
  type RoutingSettings,
} from "./bridge-routing-state";

export {
  emptyPool,
  ROUTING_DEFAULTS,
  type CircuitState,
  type DispatchOutcome,
  type PoolState,
} from "./bridge-routing-state";

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
   * left); `filling` the ones whose index lacks some of the workspace's documents, used only when no
   * complete bridge can take the turn (an answer from part of the material beats no answer while the
   * complete ones are down). With no healthy bridge, the one closest to its next probe is tried
   * anyway, so a pool of one behaves as a single bridge always did. Null only for an empty pool.
   */
  choose(
    now: number,
    options: {
      preferred?: string | null;
      exclude?: readonly string[];
      filling?: readonly string[];
      random?: () => number;
    } = {},
  ): Choice | null {
    const random = options.random ?? Math.random;
    const all = this.pool.order.filter((id) => this.pool.bridges[id]);
    if (all.length === 0) return null;
    const notExcluded = all.filter((id) => !options.exclude?.includes(id));
    const candidates = notExcluded.length > 0 ? notExcluded : all;
    const up = candidates.filter((id) => this.available(id));
    const complete = up.filter((id) => !options.filling?.includes(id));
    const healthy = complete.length > 0 ? complete : up;
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
