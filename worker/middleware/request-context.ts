// Gives every request an id and a logger, echoes the id in `X-Request-Id`, and writes one access-log line.
import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../lib/app-env";
import { workerConfig } from "../lib/config";
import { createLogger } from "../lib/logger";

export const REQUEST_ID_HEADER = "X-Request-Id";

// Accept a caller's id only if it is short and plain, so it cannot inject into logs or headers.
const WELL_FORMED_REQUEST_ID = /^[A-Za-z0-9._:-]{8,128}$/;

/** Keeps a well-formed inbound request id, or makes one. */
export function resolveRequestId(inbound: string | undefined): string {
  return inbound && WELL_FORMED_REQUEST_ID.test(inbound) ? inbound : crypto.randomUUID();
}

/** Sets `requestId` and `logger` on the context and logs the request's outcome. */
export const requestContext = () =>
  createMiddleware<AppEnv>(async (c, next) => {
    const requestId = resolveRequestId(c.req.header(REQUEST_ID_HEADER));
    c.set("requestId", requestId);
    const logger = createLogger({ request_id: requestId }, workerConfig(c.env).logLevel);
    c.set("logger", logger);
    const started = Date.now();
    await next();
    c.header(REQUEST_ID_HEADER, requestId);
    logger.info("request", {
      method: c.req.method,
      path: c.req.path,
      status: c.res.status,
      duration_ms: Date.now() - started,
    });
  });
