// Which bridge answers a turn's attempt: asked of the workspace's BridgePool (shortest estimated wait,
// preferring the bridge that served this conversation last), then told how the attempt went. A turn
// whose bridge failed, even mid-stream, is not sent to that bridge again while another can take it:
// the pool answers `failover` and the room retries at once; the retry opens with `answer_restarting`
// and streams from offset 0, so clients replace the partial text rather than append to it, and the
// answer is stored once, by the turn's single `finish`. With the workspace's overflow on, an attempt
// no bridge can take in time goes to Workers AI instead (overflow-choice.ts, room/overflow-turn.ts),
// and a turn whose bridge just failed is handed to it at once while the day's budget has room.
import type { DispatchOutcome } from "../../worker/lib/bridge-routing";
import type { BridgeEnv } from "../../worker/lib/bridge-client";
import { bridgePoolFor } from "../../worker/lib/bridge-pools";
import { describeError, type Logger } from "../../worker/lib/logger";
import type { PendingTurn } from "./outbox";
import {
  askOverflow,
  returnOverflow,
  type OverflowAnswer,
  type OverflowEnv,
} from "./overflow-choice";
import { runOverflowTurn } from "./overflow-turn";
import type { RoomMeta } from "./room-meta";
import { runTurn, type AttemptOptions, type TurnOutcome } from "./turn-runner";

/** The bridge that answered this conversation last. */
const LAST_KEY = "bridge:last";
/** The bridges that failed the turn being answered, so its retry goes elsewhere. */
const FAILED_KEY = "bridge:failed";

type FailedBridges = { turnId: string; bridgeIds: string[] };

export type ChoiceDeps = {
  env: BridgeEnv & OverflowEnv;
  storage: DurableObjectStorage;
  meta: () => RoomMeta;
  logger: Logger;
};

export type ChosenBridge = {
  /** Runs the attempt on the chosen bridge, or on Workers AI when the turn overflows. */
  run: (options: AttemptOptions) => Promise<TurnOutcome>;
  /** Tells the pool how the attempt went; true when another bridge (or the overflow) can take the turn right away. */
  report: (outcome: TurnOutcome) => Promise<boolean>;
};

/** What an attempt's outcome says about the bridge that ran it. */
export function dispatchOutcome(outcome: TurnOutcome): DispatchOutcome {
  switch (outcome.kind) {
    case "done": {
      const { timings, load } = outcome.event;
      return {
        kind: "answered",
        serviceMs: Math.max(0, timings.total_ms - timings.queue_wait_ms),
        ...(load ? { load } : {}),
      };
    }
    case "retry":
      return outcome.code === "coach_busy"
        ? { kind: "busy", ...(outcome.retryAfterMs ? { retryAfterMs: outcome.retryAfterMs } : {}) }
        : { kind: "failed" };
    case "stopped":
    case "failed":
      return { kind: "released" };
  }
}

/**
 * The bridge for `turn`'s next attempt. When the pool cannot be asked, the deployment's shared bridge
 * answers, as it did before pools: routing is an improvement, never a new way to fail.
 */
export async function chooseBridge(deps: ChoiceDeps, turn: PendingTurn): Promise<ChosenBridge> {
  const kv = deps.storage.kv;
  const tenantId = deps.meta().tenantId;
  const failed = kv.get<FailedBridges>(FAILED_KEY);
  const exclude = failed?.turnId === turn.turnId ? failed.bridgeIds : [];
  const overflow = await askOverflow(
    deps.env,
    tenantId,
    { requestId: turn.requestId, exclude },
    deps.logger,
  );
  if (overflow?.grant.granted) return overflowAttempt(deps, overflow);
  const pool = bridgePoolFor(deps.env, tenantId);
  let chosen;
  try {
    chosen = await pool.choose(tenantId, {
      request_id: turn.requestId,
      preferred: kv.get<string>(LAST_KEY) ?? null,
      exclude,
    });
  } catch (err) {
    deps.logger.error("bridge pool unavailable: using the shared bridge", describeError(err));
  }
  if (!chosen)
    return {
      run: (options) => runTurn({ env: deps.env, ...options }),
      report: () => Promise.resolve(false),
    };
  const { bridge_id, lease_id, target } = chosen;
  return {
    run: (options) => runTurn({ env: target, ...options }),
    report: async (outcome) => {
      const dispatched = dispatchOutcome(outcome);
      if (dispatched.kind === "answered") {
        kv.put(LAST_KEY, bridge_id);
        kv.delete(FAILED_KEY);
      } else if (dispatched.kind === "failed" || dispatched.kind === "busy") {
        const before = failed?.turnId === turn.turnId ? failed.bridgeIds : [];
        kv.put(FAILED_KEY, { turnId: turn.turnId, bridgeIds: [...before, bridge_id] });
      }
      try {
        const { failover } = await pool.report(tenantId, {
          request_id: turn.requestId,
          bridge_id,
          lease_id,
          outcome: dispatched,
        });
        return failover || overflowTakesOver(dispatched, overflow);
      } catch (err) {
        deps.logger.warn("bridge pool report lost", { bridge_id, ...describeError(err) });
        return false;
      }
    },
  };
}

/** A bridge failed or refused the turn and the overflow has budget left: it takes the retry at once. */
function overflowTakesOver(dispatched: DispatchOutcome, overflow: OverflowAnswer | null): boolean {
  return (dispatched.kind === "failed" || dispatched.kind === "busy") && overflow?.ready === true;
}

/** The attempt on Workers AI; an attempt that produced no answer gives its share of the budget back. */
function overflowAttempt(deps: ChoiceDeps, overflow: OverflowAnswer): ChosenBridge {
  const tenantId = deps.meta().tenantId;
  return {
    run: (options) =>
      runOverflowTurn({
        env: deps.env,
        model: overflow.settings.model,
        search: overflow.grant.search,
        logger: deps.logger,
        ...options,
      }),
    report: async (outcome) => {
      if (outcome.kind === "done") deps.storage.kv.delete(FAILED_KEY);
      else await returnOverflow(deps.env, tenantId, overflow.grant.day, deps.logger);
      return false;
    },
  };
}
