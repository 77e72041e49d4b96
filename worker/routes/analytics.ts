// Analytics for the dashboard's charts: `GET /analytics?days=30` (1–90 UTC days ending today).
import { Hono } from "hono";
import { z } from "zod";
import type { AppEnv } from "../lib/app-env";
import { workspaceAnalytics } from "../db/analytics";
import { authenticate } from "../middleware/authenticate";
import { queryParams } from "../middleware/query-params";
import { requirePermission } from "../middleware/require-permission";

const QuerySchema = z.object({ days: z.coerce.number().int().min(1).max(90).default(30) });

export const analyticsRoutes = new Hono<AppEnv>()
  .use(authenticate(), requirePermission("analytics:read"))
  .get("/", queryParams(QuerySchema), async (c) => {
    const { days } = c.req.valid("query");
    const now = Date.now();
    const to = new Date(now).toISOString().slice(0, 10);
    const from = new Date(now - (days - 1) * 86_400_000).toISOString().slice(0, 10);
    return c.json(await workspaceAnalytics(c.env.DB, c.get("principal").tenantId, from, to));
  });
