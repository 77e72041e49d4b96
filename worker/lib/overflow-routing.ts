// When a turn goes to Workers AI instead of a bridge (the overflow), as pure arithmetic over the pool's
// routing state, so the BridgePool decides with it and tests and `bench/` can reason with it directly.
// A workspace overflows when no bridge is up for the turn, or when every bridge that is up would keep
// the question waiting longer than the workspace's limit — and only within its daily answer budget.
import type { BridgeRouter } from "./bridge-routing";

/** Why a turn overflows: every bridge is down (or failed this turn), or every one is too busy. */
export type OverflowReason = "down" | "busy";

export type PoolVerdict = {
  /** Null: a bridge can take the turn within the limit. */
  reason: OverflowReason | null;
  /** The bridge that is up with the shortest wait, for retrieval (search is cheap); null when none is. */
  searchVia: string | null;
};

/** Whether `id` is up for a new turn: closed, or half-open with no trial turn out. */
function isUp(router: BridgeRouter, id: string): boolean {
  const health = router.health(id);
  if (!health) return false;
  return health.state === "closed" || (health.state === "half_open" && health.trial === null);
}

/** What the pool's state says about overflowing a turn that the bridges `exclude` just failed. */
export function poolVerdict(
  router: BridgeRouter,
  now: number,
  maxWaitMs: number,
  exclude: readonly string[],
): PoolVerdict {
  const up = router.pool.order.filter((id) => !exclude.includes(id) && isUp(router, id));
  if (up.length === 0) return { reason: "down", searchVia: null };
  let best: string | null = null;
  let bestWait = Number.POSITIVE_INFINITY;
  for (const id of up) {
    const wait = router.estimatedWaitMs(id, now);
    if (wait < bestWait) {
      best = id;
      bestWait = wait;
    }
  }
  return { reason: bestWait > maxWaitMs ? "busy" : null, searchVia: best };
}

/** The UTC day a budget counts in, as `YYYY-MM-DD`. */
export function budgetDay(now: number): string {
  return new Date(now).toISOString().slice(0, 10);
}
