// A contact's coaching preferences under /api/v1/contacts/:id/coaching: time zone (IANA), quiet hours,
// caps and a pause, held by the contact's CoachingAgent (which the user can also adjust from their
// channel); the language the platform's words to them are written in, kept on the contact; and the
// opt-out, which a member may set (as the person's STOP does) but only the person can lift. A change
// applies at once to every running enrolment.
import { ContactCoachingUpdateSchema, type ContactCoachingView } from "@coach/contracts/programs";
import { Hono } from "hono";
import type { AppEnv } from "../lib/app-env";
import { recordAudit } from "../auth/audit";
import { forPrincipal } from "../db/tenant-gateway";
import { coachingAgentFor } from "../lib/coaching-agents";
import { authenticate } from "../middleware/authenticate";
import { requirePermission } from "../middleware/require-permission";
import { guardedJson } from "../middleware/guarded-json";
import { optOutContact } from "../programs/contact-consent";

export const contactCoachingRoutes = new Hono<AppEnv>()
  .use("/:id/coaching", authenticate())
  .get("/:id/coaching", requirePermission("enrollments:read"), async (c) => {
    const principal = c.get("principal");
    const contact = await forPrincipal(c.env.DB, principal).get("contacts", c.req.param("id"));
    const state = await coachingAgentFor(c.env, principal.tenantId, contact.id).coachingState();
    return c.json({ ...state, language: contact.language } satisfies ContactCoachingView);
  })
  .put(
    "/:id/coaching",
    ...guardedJson("enrollments:write", ContactCoachingUpdateSchema, 4096),
    async (c) => {
      const principal = c.get("principal");
      const body = c.req.valid("json");
      const { language, opted_out: stop, ...patch } = body;
      const gateway = forPrincipal(c.env.DB, principal);
      let contact = await gateway.get("contacts", c.req.param("id"));
      const agent = coachingAgentFor(c.env, principal.tenantId, contact.id);
      if (Object.keys(patch).length > 0)
        await agent.updatePreferences(
          { tenantId: principal.tenantId, contactId: contact.id },
          patch,
        );
      if (patch.timezone !== undefined || language !== undefined)
        contact = await gateway.update("contacts", contact.id, {
          ...(patch.timezone ? { timezone: patch.timezone } : {}),
          ...(language !== undefined ? { language } : {}),
        });
      if (stop) await optOutContact(c.env, principal.tenantId, contact.id, "stopped_by_member");
      await recordAudit(c, {
        action: "contact.coaching_updated",
        target: { type: "contact", id: contact.id },
        metadata: { fields: Object.keys(body) },
      });
      const state = await agent.coachingState();
      return c.json({ ...state, language: contact.language } satisfies ContactCoachingView);
    },
  );
