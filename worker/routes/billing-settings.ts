// The creator's membership settings under /api/v1/billing/settings: whether members whose paid
// membership lapsed keep getting paid programs' proactive messages ("stop", the default, or "continue").
import { BillingSettingsSchema } from "@coach/contracts/platform-usage";
import { Hono } from "hono";
import { recordAudit } from "../auth/audit";
import { billingSettingsOf, saveBillingSettings } from "../billing/lapsed-members";
import { forPrincipal } from "../db/tenant-gateway";
import type { AppEnv } from "../lib/app-env";
import { signedIn, signedInJson } from "../middleware/signed-in";

export const billingSettingsRoutes = new Hono<AppEnv>()
  .get("/settings", ...signedIn("settings:read"), async (c) =>
    c.json(await billingSettingsOf(forPrincipal(c.env.DB, c.get("principal")))),
  )
  .put("/settings", ...signedInJson("settings:write", BillingSettingsSchema, 1024), async (c) => {
    const gateway = forPrincipal(c.env.DB, c.get("principal"));
    const saved = await saveBillingSettings(gateway, c.req.valid("json"));
    await recordAudit(c, {
      action: "billing.settings_updated",
      target: { type: "workspace", id: gateway.tenantId },
      metadata: { proactive_for_lapsed: saved.proactive_for_lapsed },
    });
    return c.json(saved);
  });
