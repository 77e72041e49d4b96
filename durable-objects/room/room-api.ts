// The shapes of what the Worker asks a ConversationRoom over RPC and what it answers.
import type { MessageView } from "@coach/contracts/socket";
import type { ReplyRoute } from "./reply-routes";
import type { RoomMeta } from "./room-meta";
import type { Takeover } from "./takeover-state";

export type MessagePage = { messages: MessageView[]; last_seq: number };

/** A user's message from a messaging channel, forwarded by the Worker after verifying the webhook. */
export type ChannelMessageInput = {
  /** Built by the Worker from the channel mapping; the room binds to it like a socket's headers. */
  meta: RoomMeta;
  /** Derived from the platform's update or message id, so a redelivered update is stored once. */
  client_id: string;
  text: string;
  /** The contact who wrote it. */
  author: string;
  /**
   * The channel and chat it came from, where its answer goes (a person who linked Telegram and
   * WhatsApp writes into one room from both). Defaults to the room's own channel.
   */
  reply_route?: ReplyRoute;
  /** Set when the user pressed a quick reply; `text` is then its label. */
  quick_reply_id?: string;
  /** The language the platform says the user has set (Telegram's `language_code`). */
  language?: string;
};

/** A takeover as the dashboard sees it; `changed` is false when the call found it already so. */
export type TakeoverResult = { takeover: Takeover | null; changed: boolean };
