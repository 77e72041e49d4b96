// A contact's current conversation: the latest one still open, on whichever channel it began, so a
// person who comes back (or writes on a linked channel) continues where they left off.
import { and, desc, eq } from "drizzle-orm";
import { newId } from "../lib/ids";
import type { ChannelKind } from "./enums";
import type { TenantGateway, TenantRow } from "./tenant-gateway";

/** The contact's latest open conversation, or a new one opened on `channel` when they have none. */
export async function openConversationOf(
  gateway: TenantGateway,
  contactId: string,
  channel: ChannelKind,
): Promise<TenantRow<"conversations">> {
  const [open] = await gateway.list("conversations", {
    where: (t) => and(eq(t.contactId, contactId), eq(t.status, "open")),
    orderBy: (t) => desc(t.startedAt),
    limit: 1,
  });
  return open ?? gateway.insert("conversations", { id: newId(), contactId, channel });
}
