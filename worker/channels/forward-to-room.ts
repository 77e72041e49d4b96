// Hands a verified channel message to its conversation's room: resolves the contact and conversation
// in the channel's tenant, then calls the room, which stores it once and answers on the channel.
import type { ChannelMessageResult } from "../../durable-objects/conversation-room";
import { touchChannel, type ChannelEntry } from "../db/channel-directory";
import { forTenant } from "../db/tenant-gateway";
import { roomFor } from "../lib/rooms";
import { openChannelSession, type ChannelUser } from "./channel-session";

export type InboundMessage = {
  user: ChannelUser;
  /** Where replies go: the Telegram chat id or the WhatsApp wa_id. */
  chatId: string;
  /** Unique per platform event, e.g. `tg-<bot>-<update_id>`; the room stores each once. */
  clientId: string;
  text: string;
};

/** Stores the message in the user's open conversation and queues its answer. */
export async function forwardToRoom(env: Env, channel: ChannelEntry, message: InboundMessage): Promise<ChannelMessageResult> {
  const session = await openChannelSession(forTenant(env.DB, channel.tenantId), message.user);
  const result = await roomFor(env, channel.tenantId, session.conversationId).receiveChannelMessage({
    meta: {
      tenantId: channel.tenantId,
      conversationId: session.conversationId,
      contactId: session.contact.id,
      channel: message.user.kind,
      channelId: channel.id,
      externalChatId: message.chatId,
    },
    client_id: message.clientId,
    text: message.text,
    author: session.contact.id,
  });
  await touchChannel(env.DB, channel.tenantId, channel.id, { lastMessageAt: Date.now() });
  return result;
}
