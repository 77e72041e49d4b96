// The workspace's overflow to Workers AI (dashboard, Settings): read with today's use of the budget,
// replaced whole by a PUT (audited). Off until a creator turns it on; without Workers AI (no `AI` binding, no account) on
// the deployment the settings are kept but `available` says they have no effect.
import {
  OverflowSettingsSchema,
  type OverflowSettings,
  type OverflowSettingsView,
} from "@coach/contracts/overflow";
import { Hono } from "hono";
import type { AppEnv } from "../lib/app-env";
import { recordAudit } from "../auth/audit";
import { forPrincipal } from "../db/tenant-gateway";
import { bridgePoolFor } from "../lib/bridge-pools";
import { budgetDay } from "../lib/overflow-routing";
import { workersAiConfigured } from "../lib/workers-ai-client";
import { authenticate } from "../middleware/authenticate";
import { requirePermission } from "../middleware/require-permission";
import { guardedJson } from "../middleware/guarded-json";
import { loadOverflowSettings, saveOverflowSettings } from "../overflow/overflow-settings";

async function view(
  env: Env,
  tenantId: string,
  settings: OverflowSettings,
): Promise<OverflowSettingsView> {
  const answers = await bridgePoolFor(env, tenantId).overflowUsedToday();
  return {
    ...settings,
    available: workersAiConfigured(env),
    today: { date: budgetDay(Date.now()), answers, budget: settings.daily_answer_budget },
  };
}

export const overflowSettingsRoutes = new Hono<AppEnv>()
  .use(authenticate())
  .get("/overflow", requirePermission("settings:read"), async (c) => {
    const tenantId = c.get("principal").tenantId;
    return c.json(await view(c.env, tenantId, await loadOverflowSettings(c.env.DB, tenantId)));
  })
  .put("/overflow", ...guardedJson("settings:write", OverflowSettingsSchema, 4096), async (c) => {
    const principal = c.get("principal");
    const settings = c.req.valid("json");
    await saveOverflowSettings(forPrincipal(c.env.DB, principal), settings, principal.subjectId);
    await recordAudit(c, {
      action: "settings.overflow_updated",
      target: { type: "workspace", id: principal.tenantId },
      metadata: settings,
    });
    return c.json(await view(c.env, principal.tenantId, settings));
  });
