// A program's outcomes at /api/v1/programs/:id/analytics: enrolment funnel, step completion, check-in
// score trends per program and per cohort, retention (day 1, 7, 30), response to nudges and adherence
// to commitments. `?format=csv` (or /analytics.csv) answers the same as a CSV download.
import { Hono, type Context } from "hono";
import { z } from "zod";
import type { AppEnv } from "../lib/app-env";
import { analyticsCsv } from "../analytics/analytics-csv";
import { programAnalytics } from "../analytics/program-analytics";
import { loadProgramAnalyticsData } from "../db/program-analytics-data";
import { forPrincipal } from "../db/tenant-gateway";
import { authenticate } from "../middleware/authenticate";
import { queryParams } from "../middleware/query-params";
import { requirePermission } from "../middleware/require-permission";
import { programSteps } from "../programs/program-store";

const QuerySchema = z.object({ format: z.enum(["json", "csv"]).default("json") });

async function respond(c: Context<AppEnv>, format: "json" | "csv"): Promise<Response> {
  const principal = c.get("principal");
  const gateway = forPrincipal(c.env.DB, principal);
  const program = await gateway.get("programs", c.req.param("id") ?? "");
  const data = await loadProgramAnalyticsData(c.env.DB, principal.tenantId, program.id);
  const analytics = programAnalytics({
    programId: program.id,
    version: program.version,
    steps: await programSteps(gateway, program.id, program.version),
    now: Date.now(),
    ...data,
  });
  if (format === "json") return c.json(analytics);
  return c.body(analyticsCsv(analytics), 200, {
    "Content-Type": "text/csv; charset=utf-8",
    "Content-Disposition": `attachment; filename="program-${program.slug}-analytics.csv"`,
  });
}

/** Mounted at /programs beside the program routes. */
export const programAnalyticsRoutes = new Hono<AppEnv>()
  .use("/:id/*", authenticate())
  .get("/:id/analytics", requirePermission("analytics:read"), queryParams(QuerySchema), (c) =>
    respond(c, c.req.valid("query").format),
  )
  .get("/:id/analytics.csv", requirePermission("analytics:read"), (c) => respond(c, "csv"));
