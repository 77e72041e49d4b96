// CORS from configuration: only the origins listed in `CORS_ORIGINS` are echoed; no wildcard, and no
// credentials (the API uses bearer tokens, never cookies).
import { cors } from "hono/cors";
import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../lib/app-env";

/** The configured origins, normalised (no trailing slash), without empties or "*". */
export function parseOrigins(value: string | undefined): Set<string> {
  return new Set(
    (value ?? "")
      .split(",")
      .map((origin) => origin.trim().replace(/\/$/, ""))
      .filter((origin) => origin !== "" && origin !== "*"),
  );
}

// Called from visitors' browsers on creators' sites: these set their own CORS from the widget's origins.
const WIDGET_PUBLIC_PATHS =
  /^\/api\/v1\/widget\/(?:session|socket|config\/[^/]+|enrollment|enroll|stop|app-link|billing(?:\/checkout|\/portal)?)$/;

/** CORS for the dashboard's API calls. */
export const apiCors = () =>
  createMiddleware<AppEnv>(async (c, next) => {
    if (WIDGET_PUBLIC_PATHS.test(c.req.path)) return next();
    const allowed = parseOrigins(c.env.CORS_ORIGINS);
    const handler = cors({
      origin: (origin) => (allowed.has(origin) ? origin : null),
      allowMethods: ["GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"],
      allowHeaders: ["Authorization", "Content-Type", "X-Request-Id"],
      exposeHeaders: ["X-Request-Id", "Retry-After"],
      maxAge: 600,
    });
    return handler(c, next);
  });
