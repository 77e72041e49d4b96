// What a new or rotated session records of the device that asked for it, and how the person's own
// export shows what was recorded.
import type { Context } from "hono";
import type { AppEnv } from "../lib/app-env";
import type { ClientMeta } from "../auth/sessions";
import { clientIp } from "../lib/client-ip";

/** The caller's IP and its User-Agent, cut to the 512 characters a session row keeps. */
export function clientMeta(c: Context<AppEnv>): ClientMeta {
  return { ip: clientIp(c), userAgent: c.req.header("User-Agent")?.slice(0, 512) ?? null };
}

/** A recorded device (a session's, an audit event's) in the API's snake_case. */
export function clientMetaView(row: { ip: string | null; userAgent: string | null }) {
  return { ip: row.ip, user_agent: row.userAgent };
}
