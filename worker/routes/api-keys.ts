// Service credentials under /api/v1/api-keys: create (the secret is shown once), list, revoke.
import { Hono } from "hono";
import { z } from "zod";
import type { AppEnv } from "../lib/app-env";
import { mintApiKey } from "../auth/api-keys";
import { recordAudit } from "../auth/audit";
import { API_KEY_SCOPES } from "../auth/permissions";
import { newId } from "../lib/ids";
import { forPrincipal, type TenantRow } from "../db/tenant-gateway";
import { AppError } from "../lib/errors";
import { authenticate } from "../middleware/authenticate";
import { principalAllows, requirePermission } from "../middleware/require-permission";
import { guardedJson } from "../middleware/guarded-json";
import { settingsRows } from "./settings-rows";

const createBody = z.object({
  name: z.string().trim().min(1).max(100),
  scopes: z.array(z.enum(API_KEY_SCOPES)).min(1).max(API_KEY_SCOPES.length),
  expires_in_days: z.number().int().min(1).max(365).optional(),
});

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

function toJson(row: TenantRow<"apiKeys">) {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    scopes: row.scopes,
    created_by: row.createdBy,
    created_at: iso(row.createdAt),
    last_used_at: iso(row.lastUsedAt),
    expires_at: iso(row.expiresAt),
    revoked_at: iso(row.revokedAt),
  };
}

export const apiKeyRoutes = new Hono<AppEnv>()
  .use(authenticate())
  .get("/", requirePermission("api_keys:read"), async (c) => {
    const rows = await settingsRows(c, "apiKeys");
    return c.json({ api_keys: rows.map(toJson) });
  })
  .post("/", ...guardedJson("api_keys:write", createBody), async (c) => {
    const body = c.req.valid("json");
    const principal = c.get("principal");
    const scopes = [...new Set(body.scopes)];
    // A key never carries more than its creator may do.
    if (!scopes.every((scope) => principalAllows(principal, scope))) {
      throw new AppError(
        403,
        "forbidden",
        "You cannot grant a key a scope your own role does not have.",
      );
    }
    const minted = await mintApiKey();
    const row = await forPrincipal(c.env.DB, principal).insert("apiKeys", {
      id: newId(),
      name: body.name,
      prefix: minted.prefix,
      keyHash: minted.keyHash,
      scopes,
      createdBy: principal.subjectId,
      expiresAt:
        body.expires_in_days === undefined ? null : Date.now() + body.expires_in_days * 86_400_000,
    });
    await recordAudit(c, {
      action: "api_key.created",
      target: { type: "api_key", id: row.id },
      metadata: { scopes, prefix: row.prefix },
    });
    return c.json({ ...toJson(row), key: minted.key }, 201);
  })
  .delete("/:id", requirePermission("api_keys:write"), async (c) => {
    const gateway = forPrincipal(c.env.DB, c.get("principal"));
    const existing = await gateway.get("apiKeys", c.req.param("id"));
    if (existing.revokedAt === null)
      await gateway.update("apiKeys", existing.id, { revokedAt: Date.now() });
    await recordAudit(c, {
      action: "api_key.revoked",
      target: { type: "api_key", id: existing.id },
    });
    return c.body(null, 204);
  });
