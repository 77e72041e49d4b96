// The language a member chose for a contact (PUT /contacts/:id/coaching), read wherever the platform
// writes to them: fixed replies, notices, keyword answers and proactive messages. It wins over what
// their channel says and over the language their message was recognised in.
import type { ContactLanguage } from "@coach/contracts/programs";
import { describeError, type Logger } from "../lib/logger";
import { forTenant } from "./tenant-gateway";

/**
 * The contact's chosen language, or null (automatic, no contact, or a contact that is gone). The
 * message it is for must go out whatever D1 does, so a failed read is logged and answers null.
 */
export async function chosenLanguage(
  d1: D1Database,
  tenantId: string,
  contactId: string | null,
  logger: Logger,
): Promise<ContactLanguage | null> {
  if (!contactId) return null;
  try {
    return (await forTenant(d1, tenantId).find("contacts", contactId))?.language ?? null;
  } catch (err) {
    logger.error("contact's language not read; the automatic choice applies", describeError(err));
    return null;
  }
}
