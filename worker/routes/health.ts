// Liveness and readiness. `/health` says the Worker runs; `/health/ready` checks D1 and the bridge.
import { Hono } from "hono";
import type { AppEnv } from "../lib/app-env";
import { pingDatabase } from "../db/readiness";
import { callBridge } from "../lib/bridge-client";
import { describeError } from "../lib/logger";

type Check = { ok: boolean; latency_ms: number; detail?: unknown; error?: string };

async function timed(run: () => Promise<Omit<Check, "latency_ms">>): Promise<Check> {
  const started = Date.now();
  const result = await run();
  return { ...result, latency_ms: Date.now() - started };
}

export const healthRoutes = new Hono<AppEnv>()
  .get("/", (c) => c.json({ status: "ok" }))
  .get("/ready", async (c) => {
    const logger = c.get("logger");
    const [d1, bridge] = await Promise.all([
      timed(async () => {
        try {
          await pingDatabase(c.env.DB);
          return { ok: true };
        } catch (err) {
          logger.error("d1 not ready", describeError(err));
          return { ok: false, error: "D1 did not answer." };
        }
      }),
      timed(async () => {
        try {
          const res = await callBridge(c.env, {
            method: "GET",
            path: "/health",
            requestId: c.get("requestId"),
            timeoutMs: 3000,
          });
          const detail: unknown = await res.json().catch(() => null);
          return res.ok
            ? { ok: true, detail }
            : { ok: false, detail, error: `The bridge answered ${res.status}.` };
        } catch {
          return { ok: false, error: "The bridge cannot be reached." };
        }
      }),
    ]);
    const ready = d1.ok && bridge.ok;
    return c.json(
      { status: ready ? "ready" : "not_ready", checks: { d1, bridge } },
      ready ? 200 : 503,
    );
  });
