// What the edge answers about conversations in the inbox: the list, a transcript, taking over and
// handing back, and a message the creator's team sends. Snake_case, as on the wire.
// The Worker's handlers are checked against these in test/worker/routes/api-routes.types.ts.
import type { MessageView, Source } from "./socket";

export type ConversationChannel = "web" | "telegram" | "whatsapp";

export type Contact = {
  id: string;
  display_name: string | null;
  email: string | null;
  channel: ConversationChannel;
  external_id: string;
  /** A widget visitor's site (the host name of the page they first opened the widget on), else null. */
  site: string | null;
  /** When the platform refused to deliver to them (they blocked the bot); null once they write again. */
  unreachable_at: number | null;
  /** The platform's words, e.g. "Forbidden: bot was blocked by the user". */
  unreachable_reason: string | null;
};

export type Conversation = {
  id: string;
  contact_id: string | null;
  channel: ConversationChannel;
  status: "open" | "closed";
  started_at: number;
  last_message_at: number | null;
  message_count: number;
  last_preview: string | null;
  needs_human: boolean;
  needs_human_at: number | null;
  /** When a message read as a crisis; null once a member resolved it. */
  urgent_at: number | null;
  urgent_kind: "self_harm" | "harm_to_others" | "abuse" | "medical_emergency" | null;
  /** A member's test chat from the dashboard: not in the analytics or the gaps. */
  test: boolean;
  taken_over: boolean;
  taken_over_by: { user_id: string; name: string | null } | null;
  taken_over_at: number | null;
  low_confidence: boolean;
  contact: Contact | null;
};

export type ConversationPage = { conversations: Conversation[]; next_offset: number | null };

/**
 * Where WhatsApp says our message is (its status webhooks): a message sent in parts is as far as its
 * least-delivered part; `error` says why a failed one failed.
 */
export type MessageDelivery = {
  status: "sent" | "delivered" | "read" | "failed";
  error: string | null;
};

/**
 * A transcript message: the socket's view with the sources the answer was grounded on, and for our
 * messages on WhatsApp, their delivery.
 */
export type TranscriptMessage = MessageView & { sources: Source[]; delivery?: MessageDelivery };

export type TranscriptPage = {
  conversation: Conversation;
  messages: TranscriptMessage[];
  next_after_seq: number | null;
};

/** `POST /conversations/:id/takeover` and `/handback`: who answers the conversation now. */
export type TakeoverState =
  | {
      conversation_id: string;
      taken_over: true;
      taken_over_by: { user_id: string; name: string };
      taken_over_at: number;
    }
  | { conversation_id: string; taken_over: false };

/**
 * `POST /conversations/:id/messages`: the message is stored as `seq`; `delivered` says whether the
 * channel took it, and `error` why not (the code is the room's, e.g. `whatsapp_window_closed`).
 */
export type SentMessage = {
  seq: number;
  delivered: boolean;
  duplicate: boolean;
  error?: { code: string; message: string };
};
