// Delivers a conversation to its WhatsApp user: the finished answer as text (split at WhatsApp's
// limit), each part remembered by its message id so status webhooks can confirm delivery, and one
// "will answer shortly" message when the coach is busy or offline. Free-form text is only allowed
// within 24 hours of the user's last message; outside it the reply is withheld and the creator is
// told why on the channel (only approved templates may be sent then).
import type { ServerFrame } from "@coach/contracts/socket";
import { openWhatsAppConfig } from "../../worker/channels/channel-config";
import { sendText, WHATSAPP_TEXT_LIMIT } from "../../worker/channels/whatsapp/graph-client";
import { splitText } from "../../worker/channels/split-text";
import { contactLastSeenAt, recordDelivery, touchChannel } from "../../worker/db/channel-directory";
import type { ChannelAdapter } from "./socket-hub";
import { connectedChannel, reportSendFailure, WILL_ANSWER_SHORTLY, type ChannelAdapterDeps } from "./channel-adapter-kit";

/** WhatsApp's customer-service window. */
export const SERVICE_WINDOW_MS = 24 * 60 * 60 * 1000;

export const OUTSIDE_WINDOW_ERROR =
  "A reply was not sent: the user's last message is more than 24 hours old, and outside WhatsApp's 24-hour customer-service window only approved message templates may be sent.";

/** Whether the WhatsApp contact wrote within the last 24 hours (their last message opens the window). */
export async function insideServiceWindow(env: Env, tenantId: string, contactId: string | null): Promise<boolean> {
  const lastSeen = contactId ? await contactLastSeenAt(env.DB, tenantId, contactId) : null;
  return lastSeen !== null && Date.now() - lastSeen < SERVICE_WINDOW_MS;
}

/** The room's WhatsApp side; one per room whose meta names a WhatsApp user. */
export class WhatsAppAdapter implements ChannelAdapter {
  constructor(private readonly deps: ChannelAdapterDeps) {}

  async deliver(frame: ServerFrame): Promise<void> {
    if (frame.type === "done" && frame.text.trim() !== "") await this.send("answer", frame.text, frame.seq);
    else if (frame.type === "notice" && (frame.code === "coach_busy" || frame.code === "coach_offline")) await this.send("notice", WILL_ANSWER_SHORTLY, null);
  }

  private async send(what: string, text: string, seq: number | null): Promise<void> {
    const { env, meta, logger } = this.deps;
    try {
      const channel = await connectedChannel(this.deps);
      if (!channel) return;
      if (!(await insideServiceWindow(env, meta.tenantId, meta.contactId))) {
        logger.warn("whatsapp reply withheld outside the 24-hour window", { channel_id: meta.channelId, conversation_id: meta.conversationId });
        await touchChannel(env.DB, meta.tenantId, meta.channelId, { lastError: OUTSIDE_WINDOW_ERROR });
        return;
      }
      const config = await openWhatsAppConfig(env, channel);
      for (const part of splitText(text, WHATSAPP_TEXT_LIMIT)) {
        const id = await sendText(env, config, meta.externalChatId, part);
        if (seq !== null) await recordDelivery(env.DB, { id, tenantId: meta.tenantId, channelId: meta.channelId, conversationId: meta.conversationId, seq });
      }
    } catch (err) {
      await reportSendFailure(this.deps, `sending the ${what}`, err);
    }
  }
}
