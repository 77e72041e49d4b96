// Delivers a conversation to its Telegram chat: the typing action while the answer is made (renewed,
// since Telegram shows it for about five seconds), the finished answer split at Telegram's limit and
// HTML-escaped, and one plain "will answer shortly" message when the coach is busy or offline.
import type { ServerFrame } from "@coach/contracts/socket";
import { openTelegramConfig } from "../../worker/channels/channel-config";
import { sendLongText, telegramApi } from "../../worker/channels/telegram/bot-api";
import type { ChannelAdapter } from "./socket-hub";
import { connectedChannel, reportSendFailure, WILL_ANSWER_SHORTLY, type ChannelAdapterDeps } from "./channel-adapter-kit";

const TYPING_RENEW_MS = 4_500;

/** The room's Telegram side; one per room whose meta names a Telegram chat. */
export class TelegramAdapter implements ChannelAdapter {
  private typingTimer: ReturnType<typeof setInterval> | null = null;

  constructor(private readonly deps: ChannelAdapterDeps) {}

  async deliver(frame: ServerFrame): Promise<void> {
    if (frame.type === "typing" && frame.role === "assistant") {
      if (frame.active) await this.startTyping();
      else this.stopTyping();
    } else if (frame.type === "done") {
      this.stopTyping();
      if (frame.text.trim() !== "") await this.send("answer", frame.text);
    } else if (frame.type === "notice" && (frame.code === "coach_busy" || frame.code === "coach_offline")) {
      await this.send("notice", WILL_ANSWER_SHORTLY);
    }
  }

  private async api() {
    const channel = await connectedChannel(this.deps);
    return channel ? telegramApi(this.deps.env, (await openTelegramConfig(this.deps.env, channel)).bot_token) : null;
  }

  private async send(what: string, text: string): Promise<void> {
    try {
      const api = await this.api();
      if (api) await sendLongText(api, this.deps.meta.externalChatId, text);
    } catch (err) {
      await reportSendFailure(this.deps, `sending the ${what}`, err);
    }
  }

  private async startTyping(): Promise<void> {
    if (this.typingTimer) return;
    const typing = async () => {
      try {
        await (await this.api())?.sendChatAction(this.deps.meta.externalChatId, "typing");
      } catch (err) {
        this.deps.logger.warn("telegram typing failed", { error_message: err instanceof Error ? err.message : String(err) });
      }
    };
    this.typingTimer = setInterval(() => void typing(), TYPING_RENEW_MS);
    await typing();
  }

  private stopTyping(): void {
    if (this.typingTimer) clearInterval(this.typingTimer);
    this.typingTimer = null;
  }
}
