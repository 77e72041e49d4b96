// Names CoachingAgent objects: one per contact, always derived from tenant and contact together by
// the Worker after it has authenticated the caller, so ids never collide across tenants.

/** The stub of a contact's coaching agent. */
export function coachingAgentFor(
  env: Pick<Env, "COACHING_AGENT">,
  tenantId: string,
  contactId: string,
) {
  return env.COACHING_AGENT.get(env.COACHING_AGENT.idFromName(`${tenantId}:${contactId}`));
}
