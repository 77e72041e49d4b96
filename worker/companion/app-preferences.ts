// The person's own coaching preferences, from the companion app: the same agent calls as a member's
// `PUT /api/v1/contacts/:id/coaching`, except that stopping is theirs to undo (as joining a program
// or /start does on a channel), and every change is their own consent, not a member's.
import type { AppPreferencesUpdate } from "@coach/contracts/companion-app";
import type { ContactCoachingView } from "@coach/contracts/programs";
import type { TenantGateway } from "../db/tenant-gateway";
import { coachingAgentFor } from "../lib/coaching-agents";
import { optOutContact } from "../programs/contact-consent";

/** Where the person stands: their preferences, whether they stopped, and their language. */
export async function appPreferences(
  env: Env,
  gateway: TenantGateway,
  contactId: string,
): Promise<ContactCoachingView> {
  const contact = await gateway.get("contacts", contactId);
  const state = await coachingAgentFor(env, gateway.tenantId, contactId).coachingState();
  return { ...state, language: contact.language };
}

/** Applies the person's change; answers where they stand after it. */
export async function updateAppPreferences(
  env: Env,
  gateway: TenantGateway,
  contactId: string,
  update: AppPreferencesUpdate,
): Promise<ContactCoachingView> {
  const { language, opted_out: stop, ...patch } = update;
  const agent = coachingAgentFor(env, gateway.tenantId, contactId);
  if (Object.keys(patch).length > 0)
    await agent.updatePreferences({ tenantId: gateway.tenantId, contactId }, patch);
  if (patch.timezone !== undefined || language !== undefined)
    await gateway.update("contacts", contactId, {
      ...(patch.timezone ? { timezone: patch.timezone } : {}),
      ...(language !== undefined ? { language } : {}),
    });
  if (stop === true) await optOutContact(env, gateway.tenantId, contactId, "app");
  if (stop === false) {
    await agent.optIn();
    await gateway.update("contacts", contactId, { optedOutAt: null, consentAt: Date.now() });
  }
  return appPreferences(env, gateway, contactId);
}
