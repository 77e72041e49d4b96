// The workspace's standing on the platform's own plan, `GET /api/v1/usage`: each quota (answers this
// month, documents, seats, bridges) with what is used and the limit, and whether answers were refused.
import { Hono } from "hono";
import { usageOf } from "../billing/platform-quotas";
import { forPrincipal } from "../db/tenant-gateway";
import type { AppEnv } from "../lib/app-env";
import { signedIn } from "../middleware/signed-in";

export const usageRoutes = new Hono<AppEnv>().get("/", ...signedIn("settings:read"), async (c) =>
  c.json(await usageOf(c.env, forPrincipal(c.env.DB, c.get("principal")))),
);
