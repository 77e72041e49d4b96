/**
 * Operations routes: `/health` (unsigned, coarse booleans and counts only) and `/metrics` (Prometheus
 * text: the queue, answers and backends, and the process itself). `/metrics` is signed like every call
 * from the edge; with METRICS_TOKEN set, a scraper may instead present `Authorization: Bearer <token>`
 * (`metricsBearer`, mounted before the Access and signature checks), as a stock Prometheus does.
 */
import { Hono, type Context, type MiddlewareHandler } from "hono";
import { timingSafeEqual } from "@coach/contracts/signature";
import { AppError } from "../errors";
import type { AppEnv } from "../http/app-env";
import { ProcessMetrics } from "../process-metrics";
import type { BridgeServices } from "../services";

let processMetrics: ProcessMetrics | null = null;

function metricsResponse(c: Context<AppEnv>, services: BridgeServices): Response {
  // Started on the first scrape: the event-loop delay is measured between scrapes.
  processMetrics ??= new ProcessMetrics();
  const text = `${services.metrics.render(services.queue.stats())}${processMetrics.lines().join("\n")}\n`;
  return c.text(text, 200, { "Content-Type": "text/plain; version=0.0.4; charset=utf-8" });
}

/**
 * `GET /metrics` with a bearer token: answered here when it is METRICS_TOKEN, refused when it is not;
 * without an Authorization header the request goes on to the signature check.
 */
export function metricsBearer(token: string, services: BridgeServices): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const header = c.req.header("Authorization");
    if (header === undefined) return next();
    const presented = header.startsWith("Bearer ") ? header.slice("Bearer ".length) : "";
    if (!timingSafeEqual(presented, token)) {
      c.header("WWW-Authenticate", 'Bearer realm="metrics"');
      throw new AppError(401, "metrics_token_invalid", "The metrics token is not valid.");
    }
    return metricsResponse(c, services);
  };
}

/** Sub-app with /health and /metrics. */
export function opsRoutes(services: BridgeServices): Hono<AppEnv> {
  return new Hono<AppEnv>()
    .get("/health", async (c) => {
      const health = await services.health();
      return c.json(health, health.status === "ok" ? 200 : 503);
    })
    .get("/metrics", (c) => metricsResponse(c, services));
}
