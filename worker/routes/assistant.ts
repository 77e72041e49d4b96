// The workspace's assistant as the dashboard needs to know it: `GET /status` says whether the coach's
// home server answers and whether a language model or the built-in answerer writes the answers.
import { Hono } from "hono";
import type { AppEnv } from "../lib/app-env";
import { assistantStatus } from "../knowledge/assistant-status";
import { authenticate } from "../middleware/authenticate";
import { requirePermission } from "../middleware/require-permission";

export const assistantRoutes = new Hono<AppEnv>()
  .use(authenticate())
  .get("/status", requirePermission("knowledge:read"), async (c) => {
    // Read afresh on every visit (the bridge caches its own probe for a moment), so a creator who has
    // just installed a model sees the change on the next screen.
    return c.json(await assistantStatus(c.env, c.get("requestId")));
  });
