// The workspace's duty-of-care settings (dashboard): the crisis resources named in the fixed reply to a
// message in a crisis, before the built-in helplines (with a preview of that reply for a country and
// language, saved or not), and what is masked in what the model is sent. Each PUT replaces its part
// whole and is audited.
import {
  CrisisReplyPreviewSchema,
  CrisisResourcesSchema,
  ModelRedactionSchema,
  type CrisisResources,
  type ModelRedaction,
} from "@coach/contracts/safety-settings";
import { Hono, type Context } from "hono";
import type { AppEnv } from "../lib/app-env";
import { recordAudit } from "../auth/audit";
import { forPrincipal } from "../db/tenant-gateway";
import { authenticate } from "../middleware/authenticate";
import { guardedJson } from "../middleware/guarded-json";
import { requirePermission } from "../middleware/require-permission";
import { crisisReply } from "../safety/crisis-reply";
import { loadSafetySettings, saveSafetySettings } from "../safety/safety-settings";

/** Saves one part of the settings in place of the old one and audits the change as `action`. */
async function replacePart(
  c: Context<AppEnv>,
  part: Parameters<typeof saveSafetySettings>[1],
  action: string,
  metadata: Record<string, unknown>,
): Promise<void> {
  const principal = c.get("principal");
  await saveSafetySettings(forPrincipal(c.env.DB, principal), part, principal.subjectId);
  await recordAudit(c, { action, target: { type: "workspace", id: principal.tenantId }, metadata });
}

export const safetyRoutes = new Hono<AppEnv>()
  .use(authenticate())
  .get("/crisis-resources", requirePermission("settings:read"), async (c) => {
    const { crisis } = await loadSafetySettings(c.env.DB, c.get("principal").tenantId);
    return c.json(crisis satisfies CrisisResources);
  })
  .put(
    "/crisis-resources",
    ...guardedJson("settings:write", CrisisResourcesSchema, 32 * 1024),
    async (c) => {
      const crisis = c.req.valid("json");
      await replacePart(c, { crisis }, "safety.crisis_resources_updated", {
        resources: crisis.resources.length,
        countries: [...new Set(crisis.resources.map((r) => r.country))],
      });
      return c.json(crisis satisfies CrisisResources);
    },
  )
  .post(
    "/crisis-resources/preview",
    ...guardedJson("settings:read", CrisisReplyPreviewSchema, 32 * 1024),
    (c) => {
      const { country, language, kind, ...own } = c.req.valid("json");
      return c.json({ text: crisisReply({ kind, language }, country, own) });
    },
  )
  .get("/model-redaction", requirePermission("settings:read"), async (c) => {
    const { redaction } = await loadSafetySettings(c.env.DB, c.get("principal").tenantId);
    return c.json(redaction satisfies ModelRedaction);
  })
  .put(
    "/model-redaction",
    ...guardedJson("settings:write", ModelRedactionSchema, 4096),
    async (c) => {
      const redaction = c.req.valid("json");
      await replacePart(c, { redaction }, "safety.model_redaction_updated", redaction);
      return c.json(redaction satisfies ModelRedaction);
    },
  );
