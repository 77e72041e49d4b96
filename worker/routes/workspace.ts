// The workspace as a whole: export it as JSON (owners and admins) and delete it (owners only, after
// typing its slug). Both are audited; the audit log outlives the deletion.
import { Hono } from "hono";
import { z } from "zod";
import type { AppEnv } from "../lib/app-env";
import { recordAudit } from "../auth/audit";
import { forPrincipal } from "../db/tenant-gateway";
import { findWorkspace } from "../db/workspace-store";
import { AppError, notFound } from "../lib/errors";
import { authenticate } from "../middleware/authenticate";
import { jsonBody } from "../middleware/json-body";
import { requirePermission } from "../middleware/require-permission";
import { deleteWorkspace } from "../workspace/delete-workspace";
import { exportWorkspace } from "../workspace/export-workspace";

const DeleteSchema = z.object({ confirm: z.string().min(1).max(200) });

export const workspaceRoutes = new Hono<AppEnv>()
  .use(authenticate())
  .get("/export", requirePermission("workspace:export"), async (c) => {
    const principal = c.get("principal");
    const workspace = await findWorkspace(c.env.DB, principal.tenantId);
    if (!workspace) throw notFound("workspace");
    const body = await exportWorkspace(c.env, forPrincipal(c.env.DB, principal), workspace);
    await recordAudit(c, {
      action: "workspace.exported",
      target: { type: "workspace", id: workspace.id },
      metadata: { conversations: body.conversations.length },
    });
    c.header("Content-Disposition", `attachment; filename="workspace-${workspace.slug}.json"`);
    return c.json(body);
  })
  .delete(
    "/",
    requirePermission("workspace:delete"),
    jsonBody(DeleteSchema, { maxBytes: 4096 }),
    async (c) => {
      const principal = c.get("principal");
      const workspace = await findWorkspace(c.env.DB, principal.tenantId);
      if (!workspace) throw notFound("workspace");
      if (c.req.valid("json").confirm !== workspace.slug) {
        throw new AppError(
          400,
          "confirmation_mismatch",
          `To delete this workspace, send {"confirm": "${workspace.slug}"} (its slug), exactly.`,
        );
      }
      const deleted = await deleteWorkspace(
        c.env,
        forPrincipal(c.env.DB, principal),
        c.get("requestId"),
      );
      await recordAudit(c, {
        action: "workspace.deleted",
        target: { type: "workspace", id: workspace.id },
        metadata: deleted,
      });
      return c.json({ id: workspace.id, deleted: true, ...deleted });
    },
  );
