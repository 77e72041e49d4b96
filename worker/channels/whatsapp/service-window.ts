// WhatsApp's customer-service window: free-form messages may reach a user only within 24 hours of
// their last message to the number; outside it only approved templates may be sent.
import { contactLastSeenAt } from "../../db/channel-directory";

export const SERVICE_WINDOW_MS = 24 * 60 * 60 * 1000;

/** Shown to the creator as the channel's last error when an answer was withheld for the window. */
export const OUTSIDE_WINDOW_ERROR =
  "A reply was not sent: the user's last message is more than 24 hours old, and outside WhatsApp's 24-hour customer-service window only approved message templates may be sent.";

/** Whether the WhatsApp contact wrote within the last 24 hours (their last message opens the window). */
export async function insideServiceWindow(
  env: Pick<Env, "DB">,
  tenantId: string,
  contactId: string | null,
): Promise<boolean> {
  const lastSeen = contactId ? await contactLastSeenAt(env.DB, tenantId, contactId) : null;
  return lastSeen !== null && Date.now() - lastSeen < SERVICE_WINDOW_MS;
}
