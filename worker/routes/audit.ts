// The workspace's audit log under /api/v1/audit: newest first, paged by cursor, filterable.
import { Hono } from "hono";
import { z } from "zod";
import type { AppEnv } from "../lib/app-env";
import { queryAudit } from "../auth/audit";
import { forPrincipal } from "../db/tenant-gateway";
import { authenticate } from "../middleware/authenticate";
import { queryParams } from "../middleware/query-params";
import { requirePermission } from "../middleware/require-permission";

function decodeCursor(value: string): string {
  try {
    return atob(value);
  } catch {
    return "";
  }
}

const cursor = z
  .string()
  .max(200)
  .transform((value, ctx) => {
    const match = /^(\d{1,15}):([\w-]{1,64})$/.exec(decodeCursor(value));
    if (!match) {
      ctx.addIssue({ code: "custom", message: "Not a cursor from this API." });
      return z.NEVER;
    }
    return { createdAt: Number(match[1]), id: match[2] ?? "" };
  });
const time = z.iso.datetime({ offset: true }).transform((s) => Date.parse(s));

const auditQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: cursor.optional(),
  action: z.string().max(100).optional(),
  actor_id: z.string().max(64).optional(),
  target_id: z.string().max(64).optional(),
  since: time.optional(),
  until: time.optional(),
});

export const auditRoutes = new Hono<AppEnv>()
  .use(authenticate())
  .get("/", requirePermission("audit:read"), queryParams(auditQuery), async (c) => {
    const q = c.req.valid("query");
    const gateway = forPrincipal(c.env.DB, c.get("principal"));
    return c.json(
      await queryAudit(gateway, {
        limit: q.limit,
        cursor: q.cursor,
        action: q.action,
        actorId: q.actor_id,
        targetId: q.target_id,
        since: q.since,
        until: q.until,
      }),
    );
  });
