// Names BridgePool objects (one per workspace, named by its tenant id) and holds the types of what a
// pool is asked, so rooms and routes never import the object's module.
import type { BridgeLoad } from "@coach/contracts/bridge";
import type { BridgeEnv } from "./bridge-client";
import type { CircuitState, DispatchOutcome } from "./bridge-routing";

/** The id the deployment's own bridge (`BRIDGE_URL`) has in every pool that has no bridge of its own. */
export const SHARED_BRIDGE_ID = "shared";

/** What a room asks for a turn. */
export type PoolRequest = {
  /** The turn's request id, for the pool's logs. */
  request_id: string;
  /** The bridge that served the conversation last (its prompt cache is warm). */
  preferred: string | null;
  /** Bridges that just failed this turn. */
  exclude: string[];
};

/** The bridge a turn goes to: where and how to call it, and the lease to report back on. */
export type PooledBridge = {
  bridge_id: string;
  lease_id: string;
  degraded: boolean;
  target: BridgeEnv;
};

/** What the room reports once the turn's attempt is over. */
export type PoolReport = {
  request_id: string;
  bridge_id: string;
  lease_id: string;
  outcome: DispatchOutcome;
};

/** One bridge as the pool sees it now (for the bridges list). */
export type PoolMemberStatus = {
  id: string;
  state: CircuitState;
  consecutive_failures: number;
  load: BridgeLoad | null;
  estimated_wait_ms: number;
  /** Below 1 while the bridge ramps up after coming back. */
  share: number;
  /** Whether its index holds every ready document, and how far a back-fill has come. */
  index: BridgeIndexStatus | null;
  /** The last thing that went wrong with it (a probe, a turn, a back-fill send), if anything. */
  last_error: { at: number; message: string } | null;
};

/** A bridge's index against the workspace's ready documents. */
export type BridgeIndexStatus = {
  /** `filling` until it holds every ready document whose original is kept; it answers only then. */
  state: "complete" | "filling";
  documents_total: number;
  documents_indexed: number;
  /** Ready documents it lacks whose original was removed by retention: they cannot be copied. */
  documents_unavailable: number;
};

/** The stub of a workspace's pool of bridges. */
export function bridgePoolFor(env: Pick<Env, "BRIDGE_POOL">, tenantId: string) {
  return env.BRIDGE_POOL.get(env.BRIDGE_POOL.idFromName(tenantId));
}

/** What a room asks before a turn's attempt when its workspace has the overflow on. */
export type OverflowRequest = {
  request_id: string;
  /** The workspace's limit: a bridge that would keep the question waiting longer counts as too busy. */
  max_wait_ms: number;
  daily_answer_budget: number;
  /** Bridges that just failed this turn: not up for it. */
  exclude: string[];
};

/** The pool's answer: whether this attempt overflows (an answer of today's budget is then taken). */
export type OverflowGrant = {
  granted: boolean;
  reason: "down" | "busy" | null;
  /** The UTC day the answer was counted in, to give it back if the attempt produced none. */
  day: string;
  /** Answers of the budget used today, this one included. */
  used: number;
  /** A bridge that is up, to retrieve passages from; null when none is (the edge's own index answers). */
  search: BridgeEnv | null;
};
