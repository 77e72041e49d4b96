// A conversation session for a device signed in to the companion app: the contact's current
// conversation (the one they had in the widget, so history and programs continue), and a visitor token
// bound to the app's own origin (the edge's), which the socket and the coaching routes check.
import type { AppSessionResponse } from "@coach/contracts/companion-app";
import { openConversationOf } from "../db/open-conversation";
import type { TenantGateway, TenantRow } from "../db/tenant-gateway";
import { conversationErased } from "../lib/errors";
import { sessionResponse } from "../widget/session-response";

/** The session of `device`, whose contact must still exist (an erased contact's devices are gone too). */
export async function appSession(
  env: Env,
  gateway: TenantGateway,
  requestUrl: string,
  device: TenantRow<"appDevices">,
): Promise<AppSessionResponse> {
  const contact = await gateway.find("contacts", device.contactId);
  if (!contact) throw conversationErased();
  const conversation = await openConversationOf(gateway, contact.id, "web");
  await gateway.update("appDevices", device.id, { lastSeenAt: Date.now() });
  const session = await sessionResponse(
    env,
    requestUrl,
    gateway.tenantId,
    { visitorId: contact.externalId, contactId: contact.id, conversationId: conversation.id },
    new URL(requestUrl).origin,
  );
  return { ...session, device_id: device.id };
}
