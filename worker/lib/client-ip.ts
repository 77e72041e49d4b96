// The caller's IP as Cloudflare reports it (`CF-Connecting-IP`), for rate limits and the audit log.
import type { Context } from "hono";
import type { AppEnv } from "./app-env";

/** The caller's IP; local runs have none and share one bucket. */
export function clientIp(c: Context<AppEnv>): string {
  return c.req.header("CF-Connecting-IP") ?? "local";
}
