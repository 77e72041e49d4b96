// The creator's widget settings, public key and allowed origins (dashboard).
import { WidgetUpdateSchema } from "@coach/contracts/widget";
import { Hono } from "hono";
import type { AppEnv } from "../lib/app-env";
import { recordAudit } from "../auth/audit";
import { forPrincipal } from "../db/tenant-gateway";
import { signedIn, signedInJson } from "../middleware/signed-in";
import { ensureWidget, toWidgetView, updateWidget } from "../widget/widget-store";

export const widgetRoutes = new Hono<AppEnv>()
  .get("/", ...signedIn("settings:read"), async (c) => {
    const widget = await ensureWidget(forPrincipal(c.env.DB, c.get("principal")));
    return c.json(toWidgetView(widget));
  })
  .put("/", ...signedInJson("settings:write", WidgetUpdateSchema), async (c) => {
    const update = c.req.valid("json");
    const widget = await updateWidget(forPrincipal(c.env.DB, c.get("principal")), update);
    await recordAudit(c, {
      action: "widget.updated",
      target: { type: "widget", id: widget.id },
      metadata: { fields: Object.keys(update) },
    });
    return c.json(toWidgetView(widget));
  });
