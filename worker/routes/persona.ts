// The creator's voice: GET answers the current persona version, PUT validates and saves a new version
// (every save is a new row; earlier versions stay for history and evaluation). The room answers each
// turn with the latest version. A save that changes the languages sets the Telegram command menus
// again, after the answer (their descriptions are in those languages).
import { PersonaSchema, type Persona } from "@coach/contracts/bridge";
import { desc } from "drizzle-orm";
import { Hono } from "hono";
import { refreshCommandMenus } from "../channels/telegram/command-menu";
import { personaReplyLanguages } from "../lib/reply-language";
import { DEFAULT_PERSONA } from "../persona/load-persona";
import type { AppEnv } from "../lib/app-env";
import { recordAudit } from "../auth/audit";
import { forPrincipal, type TenantGateway } from "../db/tenant-gateway";
import { AppError } from "../lib/errors";
import { authenticate } from "../middleware/authenticate";
import { requirePermission } from "../middleware/require-permission";
import { guardedJson } from "../middleware/guarded-json";

const MAX_PERSONA_BYTES = 64 * 1024;

async function latest(gateway: TenantGateway) {
  const [row] = await gateway.list("personas", { orderBy: (p) => desc(p.version), limit: 1 });
  return row;
}

/** A saved version as a turn reads it: over the default, or the default when it no longer fits. */
function parsedOrDefault(data: unknown): Persona {
  if (data === undefined) return DEFAULT_PERSONA;
  const parsed = PersonaSchema.safeParse({ ...DEFAULT_PERSONA, ...(data as object) });
  return parsed.success ? parsed.data : DEFAULT_PERSONA;
}

export const personaRoutes = new Hono<AppEnv>()
  .use(authenticate())
  .get("/", requirePermission("knowledge:read"), async (c) => {
    const row = await latest(forPrincipal(c.env.DB, c.get("principal")));
    if (!row) return c.json({ version: 0, persona: DEFAULT_PERSONA, updated_at: null });
    return c.json({
      version: row.version,
      persona: parsedOrDefault(row.data),
      updated_at: row.createdAt,
    });
  })
  .put("/", ...guardedJson("knowledge:write", PersonaSchema, MAX_PERSONA_BYTES), async (c) => {
    const principal = c.get("principal");
    const persona = c.req.valid("json");
    const gateway = forPrincipal(c.env.DB, principal);
    const previous = await latest(gateway);
    const version = (previous?.version ?? 0) + 1;
    let row;
    try {
      row = await gateway.insert("personas", {
        id: crypto.randomUUID(),
        version,
        data: persona,
        createdBy: principal.subjectId,
      });
    } catch {
      // The (tenant, version) unique index: someone saved a version at the same moment.
      throw new AppError(
        409,
        "version_conflict",
        "The persona was changed by someone else just now. Reload it and save again.",
      );
    }
    await recordAudit(c, {
      action: "persona.updated",
      target: { type: "persona", id: row.id },
      metadata: { version },
    });
    const spoken = (p: Persona) => personaReplyLanguages(p).join(",");
    if (spoken(persona) !== spoken(parsedOrDefault(previous?.data)))
      c.executionCtx.waitUntil(refreshCommandMenus(c.env, principal.tenantId, c.get("logger")));
    return c.json({ version: row.version, persona, updated_at: row.createdAt });
  });
