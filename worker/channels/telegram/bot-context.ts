// What every Telegram feature composer needs besides grammY's context: the channel the update came
// in on (and so its tenant), the edge's bindings, and a way to do the work after Telegram has its 200.
import { GrammyError, HttpError } from "grammy";
import { describeError, type Logger } from "../../lib/logger";
import type { TelegramConfig } from "../channel-config";
import type { WebhookDeps } from "../webhook-deps";

/** Deferred work's errors go to reportBotError. */
export type BotDeps = WebhookDeps<TelegramConfig> & {
  /**
   * Runs `work` (handing the message to its room) before the webhook is acknowledged; if it fails,
   * the update is released and Telegram is asked to deliver it again.
   */
  handOff: (work: () => Promise<void>) => Promise<boolean>;
};

/**
 * The one place Telegram errors are reported (bot.catch and deferred work alike): an API refusal
 * (GrammyError: blocked bot, bad chat) is told apart from a network failure reaching Telegram.
 */
export function reportBotError(logger: Logger, err: unknown, updateId?: number): void {
  const cause = err instanceof Error && "error" in err ? (err as { error: unknown }).error : err;
  if (cause instanceof GrammyError) {
    logger.warn("telegram refused a request", {
      update_id: updateId,
      method: cause.method,
      error_code: cause.error_code,
      description: cause.description,
    });
  } else if (cause instanceof HttpError) {
    logger.error("telegram unreachable", { update_id: updateId, ...describeError(cause.error) });
  } else {
    logger.error("telegram update failed", { update_id: updateId, ...describeError(cause) });
  }
}
