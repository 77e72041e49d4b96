// Sends a proactive message through the contact's conversation room, which stores it once per client
// id (so a resend after a crash is a no-op) and delivers it on the contact's channel: the widget's open
// sockets, the Telegram chat, or WhatsApp (as a template outside the 24-hour window). A web contact's
// devices signed in to the companion app also get it as a Web Push notification, once (not on a resend).
import { and, eq } from "drizzle-orm";
import type { OutboundResult } from "../room/outbound-message";
import { openConversationOf } from "../../worker/db/open-conversation";
import { forTenant } from "../../worker/db/tenant-gateway";
import type { Logger } from "../../worker/lib/logger";
import { roomFor } from "../../worker/lib/rooms";
import { notifyContact } from "../../worker/push/notify-contact";
import type { AgentIdentity } from "./agent-store";

export type ProactiveMessage = {
  clientId: string;
  text: string;
  quickReplies: { id: string; label: string }[];
};

/**
 * The conversation `conversationId` when given (the one the contact just wrote in), else their latest
 * open one (for a person who linked channels, the one they continue on any of them; created on their
 * channel if they have none), and the channel that reaches them: the one they joined from when it is
 * of their kind and still active, else the workspace's active one.
 */
async function target(env: Env, identity: AgentIdentity, conversationId?: string) {
  const gateway = forTenant(env.DB, identity.tenantId);
  const contact = await gateway.find("contacts", identity.contactId);
  if (!contact) return null;
  const written = conversationId ? await gateway.find("conversations", conversationId) : undefined;
  const conversation = written ?? (await openConversationOf(gateway, contact.id, contact.channel));
  let channelId: string | null = null;
  if (contact.channel !== "web") {
    const joined = identity.channelId
      ? await gateway.find("channels", identity.channelId)
      : undefined;
    if (joined?.kind === contact.channel && joined.status === "active") channelId = joined.id;
    else {
      const [channel] = await gateway.list("channels", {
        where: (t) => and(eq(t.kind, contact.channel), eq(t.status, "active")),
        limit: 1,
      });
      channelId = channel?.id ?? null;
    }
  }
  return { contact, conversationId: conversation.id, channelId };
}

/**
 * Hands the message to the room (of `writtenIn` when given, else the contact's latest open one);
 * null when the contact no longer exists (erased). With `push`, a web contact's app devices are
 * notified too (a check-in, a nudge; not the thanks for an answer the person has just given).
 */
export async function deliverProactive(
  env: Env,
  identity: AgentIdentity,
  message: ProactiveMessage,
  writtenIn?: string,
  push?: { logger: Logger },
): Promise<OutboundResult | null> {
  const found = await target(env, identity, writtenIn);
  if (!found) return null;
  const { contact, conversationId, channelId } = found;
  const result = await roomFor(env, identity.tenantId, conversationId).sendOutbound({
    meta: {
      tenantId: identity.tenantId,
      conversationId,
      contactId: contact.id,
      channel: contact.channel,
      channelId,
      externalChatId: contact.channel === "web" ? null : contact.externalId,
    },
    client_id: message.clientId,
    text: message.text,
    author: "assistant",
    source: "proactive",
    ...(message.quickReplies.length > 0 ? { quick_replies: message.quickReplies } : {}),
  });
  // The agent has already held the message to the person's quiet hours and caps; the push goes with it.
  if (push && contact.channel === "web" && !result.duplicate && !result.error)
    await notifyContact(
      env,
      identity.tenantId,
      contact.id,
      { conversationId, seq: result.seq, text: message.text },
      push.logger,
    );
  return result;
}
