// The routing of turns over a workspace's bridges: shortest estimated wait, stickiness, circuit
// breaking with probes, slow start and failover — the arithmetic the BridgePool and the capacity
// benchmark share.
import { describe, expect, it } from "vitest";
import { BridgeRouter, ROUTING_DEFAULTS } from "../../../worker/lib/bridge-routing";

const idle = { queue_depth: 0, running: 0, concurrency: 1, estimated_wait_ms: 0 };

function pool(...ids: string[]): BridgeRouter {
  const router = new BridgeRouter();
  router.sync(ids);
  return router;
}

/** Sends a turn and reports it failed, `times` times. */
function fail(router: BridgeRouter, id: string, times: number, now: number): void {
  for (let i = 0; i < times; i++) {
    const choice = router.choose(now, { exclude: router.pool.order.filter((b) => b !== id) });
    router.settle(id, choice?.leaseId ?? "", { kind: "failed" }, now);
  }
}

describe("bridge routing", () => {
  it("sends each turn to the bridge with the shortest estimated wait", () => {
    const router = pool("a", "b", "c");
    // "a" reported a backlog with its last answer; "b" has a turn out; "c" is idle.
    const first = router.choose(0);
    router.settle(
      first?.bridgeId ?? "",
      first?.leaseId ?? "",
      {
        kind: "answered",
        load: { ...idle, queue_depth: 3, running: 1, estimated_wait_ms: 9_000 },
      },
      0,
    );
    expect(first?.bridgeId).toBe("a");
    expect(router.choose(1)?.bridgeId).toBe("b");
    expect(router.choose(2)?.bridgeId).toBe("c");
    // "b" and "c" are busy with one turn each (3 s assumed), "a" still waits ~9 s: back to "b".
    expect(router.choose(3)?.bridgeId).toBe("b");
  });

  it("keeps a conversation on the bridge that served it last unless another is clearly sooner", () => {
    const router = pool("a", "b");
    expect(router.choose(0, { preferred: "b" })?.bridgeId).toBe("b");
    // "b" now has a turn out (about 3 s of wait): the 750 ms preference no longer outweighs that.
    expect(router.choose(1, { preferred: "b" })?.bridgeId).toBe("a");
  });

  it("opens a bridge's circuit after consecutive failures and offers another for failover", () => {
    const router = pool("a", "b");
    fail(router, "a", ROUTING_DEFAULTS.failureThreshold - 1, 0);
    expect(router.health("a")?.state).toBe("closed");
    const choice = router.choose(0, { exclude: ["b"] });
    const failover = router.settle("a", choice?.leaseId ?? "", { kind: "failed" }, 0);
    expect(failover).toBe(true);
    expect(router.health("a")?.state).toBe("open");
    for (let i = 0; i < 5; i++) expect(router.choose(i)?.bridgeId).toBe("b");
  });

  it("does not count a full bridge as failing but routes around it for as long as it asked", () => {
    const router = pool("a", "b");
    const choice = router.choose(0);
    const failover = router.settle(
      "a",
      choice?.leaseId ?? "",
      { kind: "busy", retryAfterMs: 5_000 },
      0,
    );
    expect(failover).toBe(true);
    expect(router.health("a")).toMatchObject({ state: "closed", failures: 0 });
    expect(router.choose(100)?.bridgeId).toBe("b");
  });

  it("probes an open bridge with backoff, trials it half-open, then ramps its share up", () => {
    const router = pool("a", "b");
    fail(router, "a", ROUTING_DEFAULTS.failureThreshold, 0);
    const firstProbe = router.nextProbeAt() ?? 0;
    expect(firstProbe).toBe(ROUTING_DEFAULTS.probeBaseMs);
    expect(router.probesDue(firstProbe - 1)).toEqual([]);
    router.probed("a", false, firstProbe);
    expect(router.nextProbeAt()).toBe(firstProbe + 2 * ROUTING_DEFAULTS.probeBaseMs);
    router.probed("a", true, 10_000);
    expect(router.health("a")?.state).toBe("half_open");
    // One trial turn at a time: the next turn goes elsewhere while it is out.
    const trial = router.choose(10_000);
    expect(trial?.bridgeId).toBe("a");
    expect(router.choose(10_001)?.bridgeId).toBe("b");
    router.settle("a", trial?.leaseId ?? "", { kind: "answered", load: idle }, 10_500);
    expect(router.health("a")?.state).toBe("closed");
    expect(router.share("a", 10_500)).toBeCloseTo(0.1);
    expect(router.share("a", 10_500 + ROUTING_DEFAULTS.slowStartMs / 2)).toBeCloseTo(0.55);
    expect(router.share("a", 10_500 + ROUTING_DEFAULTS.slowStartMs)).toBe(1);
    // In slow start, "a" (idle) takes a turn only when the draw falls within its 10 % share.
    expect(router.choose(10_500, { random: () => 0.5 })?.bridgeId).toBe("b");
    expect(router.choose(10_500, { random: () => 0.05 })?.bridgeId).toBe("a");
  });

  it("still tries a bridge when none is healthy, so a pool of one behaves as one bridge always did", () => {
    const router = pool("shared");
    fail(router, "shared", ROUTING_DEFAULTS.failureThreshold, 0);
    expect(router.health("shared")?.state).toBe("open");
    expect(router.choose(1)).toMatchObject({ bridgeId: "shared", degraded: true });
    expect(pool().choose(0)).toBeNull();
  });

  it("sends no turn to a bridge still filling its index while a complete one is up, and one when none is", () => {
    const router = pool("a", "b");
    // "b" is idle and preferred by the conversation, but its index lacks documents.
    expect(router.choose(0, { preferred: "b", filling: ["b"] })?.bridgeId).toBe("a");
    fail(router, "a", ROUTING_DEFAULTS.failureThreshold, 1);
    expect(router.health("a")?.state).toBe("open");
    // The complete bridge is down: an answer from most of the material beats no answer.
    expect(router.choose(2, { filling: ["b"] })).toMatchObject({ bridgeId: "b", degraded: false });
  });

  it("forgets a turn whose room never reported back", () => {
    const router = pool("a");
    router.choose(0);
    expect(router.estimatedWaitMs("a", 1)).toBeGreaterThan(0);
    expect(router.estimatedWaitMs("a", ROUTING_DEFAULTS.leaseTtlMs + 1)).toBe(0);
  });
});
