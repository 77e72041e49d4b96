// The time zone on the contact's own D1 record: what the agent goes by when neither the creator nor
// the user chose one in the coaching preferences. A value that is not an IANA zone counts as none.
import { CoachingPreferencesSchema } from "@coach/contracts/programs";
import { forTenant } from "../../worker/db/tenant-gateway";
import type { AgentIdentity } from "./agent-store";

/** The contact's valid time zone, or null (none set, not a zone, or no such contact). */
export async function readContactTimeZone(
  env: Env,
  identity: AgentIdentity,
): Promise<string | null> {
  const contact = await forTenant(env.DB, identity.tenantId).find("contacts", identity.contactId);
  const parsed = CoachingPreferencesSchema.shape.timezone.safeParse(contact?.timezone);
  return parsed.success ? parsed.data : null;
}
