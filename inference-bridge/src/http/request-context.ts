/**
 * Request context: adopts the edge's `X-Request-Id` (or makes one), binds it to a child logger so every
 * line of the request carries it, echoes it on the response, and logs one line per finished request.
 */
import { REQUEST_ID_HEADER } from "@coach/contracts/bridge";
import { createMiddleware } from "hono/factory";
import type { Logger } from "../logger";
import type { AppEnv } from "./app-env";

/** Ids from the edge are trusted only if they look like ids, so they cannot bloat or garble logs. */
const REQUEST_ID_PATTERN = /^[A-Za-z0-9._:-]{1,128}$/;

/** Middleware factory; `logger` is the process logger. */
export function requestContext(logger: Logger) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const incoming = c.req.header(REQUEST_ID_HEADER);
    const requestId =
      incoming && REQUEST_ID_PATTERN.test(incoming) ? incoming : crypto.randomUUID();
    const log = logger.child({ request_id: requestId });
    c.set("requestId", requestId);
    c.set("log", log);
    const started = performance.now();
    await next();
    c.res.headers.set(REQUEST_ID_HEADER, requestId);
    log.info("request", {
      method: c.req.method,
      path: c.req.path,
      status: c.res.status,
      ms: Math.round(performance.now() - started),
    });
  });
}
