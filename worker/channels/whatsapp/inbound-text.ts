// What a WhatsApp user said, as the room takes it: a text message's body, or a pressed reply button
// (its title as the text, its id as the quick reply id). Other message types carry nothing to answer.
import type { WhatsAppMessage } from "@coach/contracts/channels";
import { MAX_MESSAGE_CHARS, QuickReplySchema } from "@coach/contracts/socket";

export type InboundText = { text: string; quickReplyId?: string };

/** The user's words in `message`, or null for types the coach does not read. */
export function inboundText(message: WhatsAppMessage): InboundText | null {
  if (message.type === "text" && message.text) {
    const text = message.text.body.trim().slice(0, MAX_MESSAGE_CHARS);
    return text === "" ? null : { text };
  }
  const pressed = message.type === "interactive" ? message.interactive?.button_reply : undefined;
  if (!pressed) return null;
  const id = QuickReplySchema.shape.id.safeParse(pressed.id);
  const text = pressed.title.trim() || pressed.id;
  return id.success ? { text, quickReplyId: id.data } : { text };
}
