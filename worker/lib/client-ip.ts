// The caller's IP as Cloudflare reports it (`CF-Connecting-IP`), for rate limits and the audit log.
import type { Context } from "hono";

/** The caller's IP; local runs have none and share one bucket. Any route's context will do. */
export function clientIp(c: Pick<Context, "req">): string {
  return c.req.header("CF-Connecting-IP") ?? "local";
}
