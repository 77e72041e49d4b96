// What a new or rotated session records of the device that asked for it.
import type { Context } from "hono";
import type { AppEnv } from "../lib/app-env";
import type { ClientMeta } from "../auth/sessions";
import { clientIp } from "../lib/client-ip";

/** The caller's IP and its User-Agent, cut to the 512 characters a session row keeps. */
export function clientMeta(c: Context<AppEnv>): ClientMeta {
  return { ip: clientIp(c), userAgent: c.req.header("User-Agent")?.slice(0, 512) ?? null };
}
