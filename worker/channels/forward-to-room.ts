// Hands a verified channel message to its conversation's room: resolves the contact and conversation
// in the channel's tenant (a linked contact continues its canonical contact's conversation), then calls
// the room, which stores it once and answers on the channel the message came from.
import type { ChannelMessageResult } from "../lib/rooms";
import { touchChannel, type ChannelEntry } from "../db/channel-directory";
import { roomFor } from "../lib/rooms";
import { openChannelSession, type ChannelUser } from "./channel-session";

export type InboundMessage = {
  user: ChannelUser;
  /** Where replies go: the Telegram chat id or the WhatsApp wa_id. */
  chatId: string;
  /** Unique per platform event, e.g. `tg-<bot>-<update_id>`; the room stores each once. */
  clientId: string;
  text: string;
  /** Set when the user pressed a quick reply; `text` is then its label. */
  quickReplyId?: string;
  /** The language the platform says the user has set (Telegram's `language_code`). */
  language?: string;
};

/** Stores the message in the user's open conversation and queues its answer. */
export async function forwardToRoom(
  env: Env,
  channel: ChannelEntry,
  message: InboundMessage,
): Promise<ChannelMessageResult> {
  const session = await openChannelSession(env.DB, channel.tenantId, message.user);
  const route = {
    channel: message.user.kind,
    channelId: channel.id,
    externalChatId: message.chatId,
    contactId: session.contact.id,
  };
  const result = await roomFor(env, channel.tenantId, session.conversationId).receiveChannelMessage(
    {
      // Binds a new room to the person's canonical contact; the answer goes back on this message's route.
      meta: {
        tenantId: channel.tenantId,
        conversationId: session.conversationId,
        ...route,
        contactId: session.canonicalContactId,
      },
      reply_route: route,
      client_id: message.clientId,
      text: message.text,
      author: session.contact.id,
      ...(message.quickReplyId ? { quick_reply_id: message.quickReplyId } : {}),
      ...(message.language ? { language: message.language } : {}),
    },
  );
  await touchChannel(env.DB, channel.tenantId, channel.id, { lastMessageAt: Date.now() });
  return result;
}
