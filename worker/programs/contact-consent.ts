// Opting out of (and back into) proactive coaching, from any channel: the contact's CoachingAgent
// ends every enrolment and refuses every later send at once; D1 keeps the time for the dashboard.
import { forTenant } from "../db/tenant-gateway";
import { coachingAgentFor } from "../lib/coaching-agents";

/** Stops all proactive messages to the contact; answers how many enrolments ended. */
export async function optOutContact(
  env: Env,
  tenantId: string,
  contactId: string,
  reason: string,
): Promise<number> {
  const { ended } = await coachingAgentFor(env, tenantId, contactId).optOut(reason);
  await forTenant(env.DB, tenantId).update("contacts", contactId, { optedOutAt: Date.now() });
  return ended;
}

/** The contact agrees to proactive messages again. */
export async function optInContact(env: Env, tenantId: string, contactId: string): Promise<void> {
  await coachingAgentFor(env, tenantId, contactId).optIn();
  await forTenant(env.DB, tenantId).update("contacts", contactId, { optedOutAt: null });
}
