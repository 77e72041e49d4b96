// Whether a turn's attempt goes to Workers AI (the workspace's overflow) rather than a bridge: asked of
// the workspace's BridgePool, which knows every bridge's health and estimated wait and counts the daily
// budget, only when the workspace turned the overflow on and the deployment has a Workers AI account.
import type { OverflowSettings } from "@coach/contracts/overflow";
import type { OverflowGrant } from "../../worker/lib/bridge-pools";
import { bridgePoolFor } from "../../worker/lib/bridge-pools";
import { describeError, type Logger } from "../../worker/lib/logger";
import { workersAiConfigured, type WorkersAiEnv } from "../../worker/lib/workers-ai-client";
import { loadOverflowSettings } from "../../worker/overflow/overflow-settings";

export type OverflowEnv = WorkersAiEnv & Pick<Env, "DB" | "BRIDGE_POOL">;

export type OverflowAnswer = {
  settings: OverflowSettings;
  grant: OverflowGrant;
  /** The budget has room: a bridge failing this turn can hand it to the overflow at once. */
  ready: boolean;
};

/** The pool's answer for this attempt, or null when the overflow is off or cannot be asked. */
export async function askOverflow(
  env: OverflowEnv,
  tenantId: string,
  request: { requestId: string; exclude: string[] },
  logger: Logger,
): Promise<OverflowAnswer | null> {
  if (!workersAiConfigured(env)) return null;
  try {
    const settings = await loadOverflowSettings(env.DB, tenantId);
    if (!settings.enabled) return null;
    const grant = await bridgePoolFor(env, tenantId).overflow(tenantId, {
      request_id: request.requestId,
      max_wait_ms: settings.max_wait_ms,
      daily_answer_budget: settings.daily_answer_budget,
      exclude: request.exclude,
    });
    if (grant.granted)
      logger.info("turn overflows to Workers AI", {
        request_id: request.requestId,
        reason: grant.reason,
        model: settings.model,
        budget_used: grant.used,
        budget: settings.daily_answer_budget,
      });
    return { settings, grant, ready: grant.used < settings.daily_answer_budget };
  } catch (err) {
    // The overflow is a relief valve, never a new way to fail: without it the bridges answer as before.
    logger.warn("overflow unavailable for this attempt", describeError(err));
    return null;
  }
}

/** Gives an answer of the day's budget back when the overflow attempt produced none. */
export async function returnOverflow(
  env: OverflowEnv,
  tenantId: string,
  day: string,
  logger: Logger,
): Promise<void> {
  try {
    await bridgePoolFor(env, tenantId).overflowReturned(day);
  } catch (err) {
    logger.warn("overflow budget not given back", describeError(err));
  }
}
