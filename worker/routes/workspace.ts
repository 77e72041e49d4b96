// The workspace as a whole: export it as streamed JSON (owners and admins), delete it (owners only, after
// typing its slug), and how long it keeps its data (read by every member, changed by owners and admins;
// a change is swept at once by the workspace's RetentionSweeper). All changes are audited; the audit
// log outlives the deletion.
import {
  DEFAULT_RETENTION,
  RetentionUpdateSchema,
  type RetentionKind,
} from "@coach/contracts/retention";
import { Hono } from "hono";
import { z } from "zod";
import type { AppEnv } from "../lib/app-env";
import { recordAudit } from "../auth/audit";
import { forPrincipal } from "../db/tenant-gateway";
import { loadRetention, saveRetention, type StoredRetention } from "../db/retention-store";
import { findWorkspace } from "../db/workspace-store";
import { AppError, notFound } from "../lib/errors";
import { authenticate } from "../middleware/authenticate";
import { retentionSweeperFor } from "../lib/retention-sweepers";
import { requirePermission } from "../middleware/require-permission";
import { guardedJson } from "../middleware/guarded-json";
import { deleteWorkspace } from "../workspace/delete-workspace";
import { exportWorkspace } from "../workspace/export-workspace";

const DeleteSchema = z.object({ confirm: z.string().min(1).max(200) });

function retentionView(stored: StoredRetention) {
  return { settings: stored.settings, defaults: DEFAULT_RETENTION, updated_at: stored.updatedAt };
}

export const workspaceRoutes = new Hono<AppEnv>()
  .use(authenticate())
  .get("/export", requirePermission("workspace:export"), async (c) => {
    const principal = c.get("principal");
    const workspace = await findWorkspace(c.env.DB, principal.tenantId);
    if (!workspace) throw notFound("workspace");
    const { conversations, body } = await exportWorkspace(
      c.env,
      forPrincipal(c.env.DB, principal),
      workspace,
      new URL(c.req.url).origin,
    );
    await recordAudit(c, {
      action: "workspace.exported",
      target: { type: "workspace", id: workspace.id },
      metadata: { conversations },
    });
    return c.body(body, 200, {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="workspace-${workspace.slug}.json"`,
    });
  })
  .get("/retention", requirePermission("settings:read"), async (c) => {
    return c.json(retentionView(await loadRetention(c.env.DB, c.get("principal").tenantId)));
  })
  .put("/retention", ...guardedJson("settings:write", RetentionUpdateSchema, 4096), async (c) => {
    const principal = c.get("principal");
    const current = await loadRetention(c.env.DB, principal.tenantId);
    const settings = { ...current.settings, ...c.req.valid("json") };
    const changed = (Object.keys(settings) as RetentionKind[]).filter(
      (kind) => settings[kind] !== current.settings[kind],
    );
    const stored = await saveRetention(c.env.DB, principal.tenantId, settings, principal.subjectId);
    await recordAudit(c, {
      action: "retention.updated",
      target: { type: "workspace", id: principal.tenantId },
      metadata: {
        from: Object.fromEntries(changed.map((kind) => [kind, current.settings[kind]])),
        to: Object.fromEntries(changed.map((kind) => [kind, settings[kind]])),
      },
    });
    await retentionSweeperFor(c.env, principal.tenantId).settingsChanged(principal.tenantId);
    return c.json(retentionView(stored));
  })
  .delete("/", ...guardedJson("workspace:delete", DeleteSchema, 4096), async (c) => {
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
  });
