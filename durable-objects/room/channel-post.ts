// How the room sends a message on a messaging channel and what it does when the platform refuses:
// asked to wait (Telegram 429 `retry_after`, Graph's rate limit, a 5xx, the network), the message waits
// in the room's retries and the alarm sends it then — only the parts the person does not have yet;
// told the person cannot be reached (a blocked bot), the contact is marked unreachable for the inbox
// and nothing more is tried until they write again; any other refusal is reported on the channel.
import {
  classifyDeliveryFailure,
  UnsentParts,
  type DeliveryFailure,
} from "../../worker/channels/delivery-failure";
import type { ChannelSender, SenderTarget } from "../../worker/channels/channel-sender";
import { reportSendFailure } from "../../worker/channels/send-failure";
import { setContactUnreachable } from "../../worker/db/channel-directory";
import type { Logger } from "../../worker/lib/logger";
import type { AlarmSchedule } from "./alarm-schedule";
import type { ChannelRetries, PendingSend, RetryMessage } from "./channel-retries";
import type { ChannelSenders } from "./channel-senders";

/** After this many tries a message is given up on and reported. */
const MAX_ATTEMPTS = 8;

export type SendResult =
  | { status: "sent" }
  | { status: "queued"; afterMs: number; reason: string }
  | { status: "disconnected" }
  | { status: "unreachable"; reason: string }
  | { status: "refused"; reason: string };

export type ChannelPostDeps = {
  env: Env;
  senders: ChannelSenders;
  retries: ChannelRetries;
  alarms: AlarmSchedule;
  logger: Logger;
};

function deliver(sender: ChannelSender, message: RetryMessage): Promise<void> {
  switch (message.kind) {
    case "text":
      return sender.text(message.text, message.seq);
    case "choices":
      return sender.choices(message.text, message.replies, message.seq ?? 0);
    case "template":
      return sender.template(message.text, message.replies, message.seq ?? 0);
  }
}

/** How long to wait before try `attempts + 1`: the platform's figure, doubled per try when it is ours. */
function waitMs(failure: Extract<DeliveryFailure, { kind: "later" }>, attempts: number): number {
  return failure.backoff ? failure.afterMs * 2 ** (attempts - 1) : failure.afterMs;
}

export class ChannelPost {
  constructor(private readonly deps: ChannelPostDeps) {}

  /** Sends `message` now, or behind a message to the same chat that is still waiting. */
  async send(target: SenderTarget, message: RetryMessage, what: string): Promise<SendResult> {
    const { retries, senders } = this.deps;
    if (retries.waiting(target)) {
      retries.add(target, message, Date.now(), 0);
      return {
        status: "queued",
        afterMs: 0,
        reason: "An earlier message to this chat is waiting.",
      };
    }
    const sender = await senders.get(target);
    if (!sender) return { status: "disconnected" };
    try {
      await deliver(sender, message);
      return { status: "sent" };
    } catch (err) {
      senders.forget(target);
      return this.failed({ target, message, what, err, attempts: 1, pending: null });
    }
  }

  /** Sends every waiting message whose time has come; the room's alarm calls this. */
  async sendDue(now = Date.now()): Promise<void> {
    const { retries, senders } = this.deps;
    for (const pending of retries.due(now)) {
      const sender = await senders.get(pending.target).catch(() => null);
      if (!sender) {
        retries.remove(pending.id);
        continue;
      }
      try {
        await deliver(sender, pending);
        retries.remove(pending.id);
      } catch (err) {
        senders.forget(pending.target);
        await this.failed({
          target: pending.target,
          message: pending,
          what: "sending a delayed message",
          err,
          attempts: pending.attempts + 1,
          pending,
        });
      }
    }
    const next = retries.nextAt();
    if (next !== null) await this.deps.alarms.at(next);
  }

  private async failed(attempt: {
    target: SenderTarget;
    message: RetryMessage;
    what: string;
    err: unknown;
    attempts: number;
    pending: PendingSend | null;
  }): Promise<SendResult> {
    const { env, retries, alarms, logger } = this.deps;
    const { target, err, attempts, pending } = attempt;
    const failure = classifyDeliveryFailure(err);
    const rest = err instanceof UnsentParts ? err.rest : attempt.message.text;
    if (failure.kind === "later" && attempts < MAX_ATTEMPTS) {
      const afterMs = waitMs(failure, attempts);
      const at = Date.now() + afterMs;
      if (pending) retries.reschedule(pending.id, at, rest);
      else retries.add(target, { ...attempt.message, text: rest }, at, attempts);
      await alarms.at(at);
      logger.warn(`${target.channel} asked to send later`, {
        channel_id: target.channelId,
        conversation_id: target.conversationId,
        after_ms: afterMs,
        attempts,
        reason: failure.reason,
      });
      return { status: "queued", afterMs, reason: failure.reason };
    }
    if (pending) retries.remove(pending.id);
    if (failure.kind === "unreachable") {
      const dropped = retries.dropChat(target);
      if (target.contactId)
        await setContactUnreachable(env.DB, target.tenantId, target.contactId, failure.reason);
      logger.warn(`${target.channel} contact unreachable`, {
        channel_id: target.channelId,
        conversation_id: target.conversationId,
        contact_id: target.contactId,
        dropped,
        reason: failure.reason,
      });
      return { status: "unreachable", reason: failure.reason };
    }
    await reportSendFailure(env, target, logger, attempt.what, err);
    return { status: "refused", reason: failure.reason };
  }
}
