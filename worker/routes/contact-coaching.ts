// A contact's coaching preferences under /api/v1/contacts/:id/coaching: time zone (IANA), quiet hours
// and caps, held by the contact's CoachingAgent (which the user can also adjust from their channel),
// plus whether they opted out. A change applies at once to every running enrolment.
import { CoachingPreferencesUpdateSchema } from "@coach/contracts/programs";
import { Hono } from "hono";
import type { AppEnv } from "../lib/app-env";
import { recordAudit } from "../auth/audit";
import { forPrincipal } from "../db/tenant-gateway";
import { coachingAgentFor } from "../lib/coaching-agents";
import { authenticate } from "../middleware/authenticate";
import { jsonBody } from "../middleware/json-body";
import { requirePermission } from "../middleware/require-permission";

export const contactCoachingRoutes = new Hono<AppEnv>()
  .use("/:id/coaching", authenticate())
  .get("/:id/coaching", requirePermission("enrollments:read"), async (c) => {
    const principal = c.get("principal");
    const contact = await forPrincipal(c.env.DB, principal).get("contacts", c.req.param("id"));
    return c.json(await coachingAgentFor(c.env, principal.tenantId, contact.id).coachingState());
  })
  .put(
    "/:id/coaching",
    requirePermission("enrollments:write"),
    jsonBody(CoachingPreferencesUpdateSchema, { maxBytes: 4096 }),
    async (c) => {
      const principal = c.get("principal");
      const patch = c.req.valid("json");
      const gateway = forPrincipal(c.env.DB, principal);
      const contact = await gateway.get("contacts", c.req.param("id"));
      const state = await coachingAgentFor(c.env, principal.tenantId, contact.id).updatePreferences(
        { tenantId: principal.tenantId, contactId: contact.id },
        patch,
      );
      if (patch.timezone)
        await gateway.update("contacts", contact.id, { timezone: patch.timezone });
      await recordAudit(c, {
        action: "contact.coaching_updated",
        target: { type: "contact", id: contact.id },
        metadata: { fields: Object.keys(patch) },
      });
      return c.json(state);
    },
  );
