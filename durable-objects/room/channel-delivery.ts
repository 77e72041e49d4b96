// Delivers a conversation's answers to one messaging-channel route: the typing indicator while the
// answer is made (renewed as long as the platform needs), the finished answer, and one "will answer
// shortly" message (in the language a member chose for the person, else the persona's first) when
// the coach is busy or offline. Outside WhatsApp's 24-hour window the answer is
// withheld and the creator is told why on the channel. What the platform refuses is handled by the
// room's ChannelPost (sent later, or the contact marked unreachable).
import type { ServerFrame } from "@coach/contracts/socket";
import type { ChannelSender, SenderTarget } from "../../worker/channels/channel-sender";
import { reportSendFailure } from "../../worker/channels/send-failure";
import { OUTSIDE_WINDOW_ERROR } from "../../worker/channels/whatsapp/service-window";
import { touchChannel } from "../../worker/db/channel-directory";
import { chosenLanguage } from "../../worker/db/contact-language";
import { describeError, type Logger } from "../../worker/lib/logger";
import { chooseReplyLanguage } from "../../worker/lib/reply-language";
import { replyLanguagesOrFallback } from "../../worker/persona/load-persona";
import type { ChannelPost } from "./channel-post";
import type { ChannelSenders } from "./channel-senders";
import { ROOM_TEXTS } from "./room-texts";
import type { ChannelAdapter } from "./socket-hub";

export type ChannelDeliveryDeps = {
  env: Env;
  senders: ChannelSenders;
  post: ChannelPost;
  target: SenderTarget;
  logger: Logger;
};

export class ChannelDelivery implements ChannelAdapter {
  private typingWanted = false;
  private typingTimer: ReturnType<typeof setInterval> | null = null;

  constructor(private readonly deps: ChannelDeliveryDeps) {}

  async deliver(frame: ServerFrame): Promise<void> {
    if (frame.type === "typing" && frame.role === "assistant") {
      if (frame.active) await this.startTyping();
      else this.stopTyping();
    } else if (frame.type === "done") {
      this.stopTyping();
      if (frame.text.trim() !== "") await this.send("answer", frame.text, frame.seq);
    } else if (
      frame.type === "notice" &&
      (frame.code === "coach_busy" || frame.code === "coach_offline")
    ) {
      const { env, target, logger } = this.deps;
      const persona = await replyLanguagesOrFallback(env.DB, target.tenantId, {}, logger);
      const stated = await chosenLanguage(env.DB, target.tenantId, target.contactId, logger);
      const language = chooseReplyLanguage(persona, { stated });
      await this.send("notice", ROOM_TEXTS[language].willAnswerShortly, null);
    }
  }

  private async send(what: string, text: string, seq: number | null): Promise<void> {
    const { env, senders, post, target, logger } = this.deps;
    let sender: ChannelSender | null;
    try {
      sender = await senders.get(target);
    } catch (err) {
      await reportSendFailure(env, target, logger, `opening the channel for the ${what}`, err);
      return;
    }
    if (!sender) return;
    if (!(await sender.freeTextAllowed())) {
      logger.warn("reply withheld outside the service window", {
        channel_id: target.channelId,
        conversation_id: target.conversationId,
      });
      await touchChannel(env.DB, target.tenantId, target.channelId, {
        lastError: OUTSIDE_WINDOW_ERROR,
      });
      return;
    }
    await post.send(target, { kind: "text", text, seq, replies: [] }, `sending the ${what}`);
  }

  private async startTyping(): Promise<void> {
    if (this.typingWanted) return;
    this.typingWanted = true;
    const sender = await this.deps.senders.get(this.deps.target).catch(() => null);
    // The answer may have finished while the sender opened: then there is nothing to show.
    if (!this.typingWanted || !sender?.typingRenewMs) return;
    const typing = async () => {
      try {
        await sender.typing();
      } catch (err) {
        this.deps.logger.warn(`${this.deps.target.channel} typing failed`, describeError(err));
      }
    };
    this.typingTimer = setInterval(() => void typing(), sender.typingRenewMs);
    await typing();
  }

  private stopTyping(): void {
    this.typingWanted = false;
    if (this.typingTimer) clearInterval(this.typingTimer);
    this.typingTimer = null;
  }
}
