// One way to send on a messaging platform. Answers, a creator's takeover replies and proactive
// check-ins all go through a ChannelSender, opened once per conversation route (the channel's row read
// and its credentials decrypted once), so each platform's rules live in one place: `telegram/sender.ts`
// and `whatsapp/sender.ts`.
import type { QuickReply } from "@coach/contracts/socket";

/** Who a message goes to: the conversation, the channel row, the chat on it and its contact. */
export type SenderTarget = {
  tenantId: string;
  conversationId: string;
  channel: "telegram" | "whatsapp";
  channelId: string;
  /** The Telegram chat id or the WhatsApp user's number (wa_id). */
  externalChatId: string;
  /** The contact on that channel (WhatsApp's 24-hour window is theirs). */
  contactId: string | null;
};

export interface ChannelSender {
  readonly target: SenderTarget;
  /** How often the typing indicator must be renewed while an answer is made; null where there is none. */
  readonly typingRenewMs: number | null;
  /** Whether a template can reach the person when free text may not (WhatsApp's approved template). */
  readonly hasTemplate: boolean;
  /** Shows the person that the assistant is typing. */
  typing(): Promise<void>;
  /** Whether free text reaches the person now: WhatsApp allows it only within 24 hours of their last message. */
  freeTextAllowed(): Promise<boolean>;
  /** Sends a text, split at the platform's limit; `seq` is the log message it carries, when there is one. */
  text(text: string, seq: number | null): Promise<void>;
  /** Sends a text with quick replies the person answers with one tap (or a number where buttons do not fit). */
  choices(text: string, replies: readonly QuickReply[], seq: number): Promise<void>;
  /** Sends the message the way the platform allows outside its service window (WhatsApp's template). */
  template(text: string, replies: readonly QuickReply[], seq: number): Promise<void>;
}
