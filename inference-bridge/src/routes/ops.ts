/**
 * Operations routes: `/health` (unsigned, coarse booleans and counts only) and `/metrics` (signed,
 * Prometheus text).
 */
import { Hono } from "hono";
import type { AppEnv } from "../http/app-env";
import type { BridgeServices } from "../services";

/** Sub-app with /health and /metrics. */
export function opsRoutes(services: BridgeServices): Hono<AppEnv> {
  return new Hono<AppEnv>()
    .get("/health", async (c) => {
      const health = await services.health();
      return c.json(health, health.status === "ok" ? 200 : 503);
    })
    .get("/metrics", (c) => {
      const stats = services.queue.stats();
      return c.text(services.metrics.render(stats), 200, {
        "Content-Type": "text/plain; version=0.0.4; charset=utf-8",
      });
    });
}
