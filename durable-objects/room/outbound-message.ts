// Messages the room sends on its own initiative rather than in answer to a turn: a creator writing
// while they have taken over, or a proactive check-in. Stored once per client id, shown on the
// conversation's sockets and delivered on its messaging channel. WhatsApp only carries free text
// within 24 hours of the user's last message: outside it a takeover message is refused (nothing is
// stored) and a proactive one goes out as the number's approved template.
import type { MessageView, QuickReply, ServerFrame } from "@coach/contracts/socket";
import type { SenderTarget } from "../../worker/channels/channel-sender";
import { reportSendFailure } from "../../worker/channels/send-failure";
import { onCareHold } from "../../worker/db/care-hold";
import { contactUnreachableReason } from "../../worker/db/channel-directory";
import { insideServiceWindow } from "../../worker/channels/whatsapp/service-window";
import { AppError } from "../../worker/lib/errors";
import type { Logger } from "../../worker/lib/logger";
import type { ChannelPost, SendResult } from "./channel-post";
import { senderTarget, type ChannelSenders } from "./channel-senders";
import type { MessageLog } from "./message-log";
import type { ReplyRoute } from "./reply-routes";
import type { RoomMeta } from "./room-meta";

export type OutboundInput = {
  meta: RoomMeta;
  client_id: string;
  text: string;
  author: "creator" | "assistant";
  source: "takeover" | "proactive";
  quick_replies?: QuickReply[];
  /** Who wrote it, shown beside a creator's message ("Maya (coach)"). */
  author_name?: string;
  /** The creator's user id, kept as the message's author. */
  author_id?: string;
};

export type OutboundResult = {
  seq: number;
  duplicate: boolean;
  delivered: boolean;
  error?: { code: string; message: string };
};

export type OutboundDeps = {
  env: Env;
  log: MessageLog;
  meta: RoomMeta;
  /** The messaging-channel route the user wrote from last (or the room's own); null on the web. */
  route: ReplyRoute | null;
  senders: ChannelSenders;
  post: ChannelPost;
  logger: Logger;
  /** Sends a frame to the conversation's ready sockets; answers how many there are. */
  broadcast: (frame: ServerFrame) => number;
  onStored: () => void;
};

export const WINDOW_CLOSED_MESSAGE =
  "This user last wrote more than 24 hours ago, and outside WhatsApp's 24-hour window only an approved message template may be sent; nothing was sent. Wait until they write again, or reach them with a template.";

export const TEMPLATE_REQUIRED_MESSAGE =
  "This user last wrote more than 24 hours ago, and this WhatsApp number has no approved template configured, so the check-in was not sent. Set one with PUT /api/v1/channels/:id/template.";

export const CARE_HOLD_MESSAGE =
  "A message from this person read as a crisis, so proactive messages to them are paused until a member resolves the urgent flag in the inbox; nothing was sent.";

type Plan = { kind: "web" } | { kind: "channel"; target: SenderTarget; template: boolean };

/** How the message will travel, or the refusal to store it at all. */
async function plan(
  deps: OutboundDeps,
  input: OutboundInput,
): Promise<Plan | { code: string; message: string }> {
  const { meta, route } = deps;
  // After a message that read as a crisis, nothing goes out on the assistant's own initiative until a
  // member has looked; the team's own replies (takeover) still do.
  if (
    input.source === "proactive" &&
    meta.contactId &&
    (await onCareHold(deps.env.DB, meta.tenantId, meta.contactId))
  )
    return { code: "contact_on_care_hold", message: CARE_HOLD_MESSAGE };
  if (!route) return { kind: "web" };
  const target = senderTarget(meta, route);
  // A person the platform will not deliver to (a blocked bot) gets nothing until they write again.
  const unreachable = target.contactId
    ? await contactUnreachableReason(deps.env.DB, meta.tenantId, target.contactId)
    : null;
  if (unreachable !== null)
    return { code: "contact_unreachable", message: unreachableMessage(target, unreachable) };
  // The window is the WhatsApp contact's own: a linked Telegram contact writing does not open it.
  if (
    route.channel === "telegram" ||
    (await insideServiceWindow(deps.env, meta.tenantId, target.contactId))
  ) {
    return { kind: "channel", target, template: false };
  }
  if (input.source === "takeover")
    return { code: "whatsapp_window_closed", message: WINDOW_CLOSED_MESSAGE };
  // A check-in that cannot go out at all is not stored either: the transcript shows what the user got.
  if (!(await deps.senders.get(target))?.hasTemplate)
    return { code: "whatsapp_template_required", message: TEMPLATE_REQUIRED_MESSAGE };
  return { kind: "channel", target, template: true };
}

/** Sends the stored message on the messaging channel; an error describes why it did not go out now. */
async function sendOnChannel(
  deps: OutboundDeps,
  plan: Extract<Plan, { kind: "channel" }>,
  message: MessageView,
  quickReplies: readonly QuickReply[] = [],
): Promise<{ code: string; message: string } | null> {
  const { target } = plan;
  let result: SendResult;
  try {
    result = await deps.post.send(
      target,
      {
        kind: plan.template ? "template" : "choices",
        text: message.text,
        seq: message.seq,
        replies: [...quickReplies],
      },
      "sending a message",
    );
  } catch (err) {
    deps.senders.forget(target);
    await reportSendFailure(deps.env, target, deps.logger, "sending a message", err);
    if (err instanceof AppError) return { code: err.code, message: err.message };
    return {
      code: "channel_send_failed",
      message: `The message was stored but ${target.channel} did not accept it: ${err instanceof Error ? err.message : String(err)}`,
    };
  }
  switch (result.status) {
    case "sent":
      return null;
    case "queued":
      return {
        code: "channel_send_delayed",
        message: `The message was stored; ${target.channel} asked us to wait, so it goes out in ${Math.ceil(result.afterMs / 1000)} s (${result.reason}).`,
      };
    case "disconnected":
      return {
        code: "channel_disconnected",
        message:
          "The conversation's channel is disconnected, so the message was stored but not sent. Connect the channel again.",
      };
    case "unreachable":
      return { code: "contact_unreachable", message: unreachableMessage(target, result.reason) };
    case "refused":
      return {
        code: "channel_send_failed",
        message: `The message was stored but ${target.channel} did not accept it: ${result.reason}`,
      };
  }
}

function unreachableMessage(target: SenderTarget, reason: string): string {
  return `${target.channel === "telegram" ? "Telegram" : "WhatsApp"} will not deliver to this person (${reason}); nothing more is sent to them until they write again.`;
}

/** Stores, shows and delivers one outbound message; a repeated client id is answered as a duplicate. */
export async function sendOutboundMessage(
  deps: OutboundDeps,
  input: OutboundInput,
): Promise<OutboundResult> {
  const existing = deps.log.byClientId(input.client_id);
  if (existing) return { seq: existing.seq, duplicate: true, delivered: false };
  const how = await plan(deps, input);
  if ("code" in how) return { seq: 0, duplicate: false, delivered: false, error: how };
  // Re-checked after the await: a concurrent call with the same client id may have stored it meanwhile.
  const raced = deps.log.byClientId(input.client_id);
  if (raced) return { seq: raced.seq, duplicate: true, delivered: false };
  const creator = input.author === "creator";
  const stored = deps.log.append({
    role: creator ? "creator" : "assistant",
    author: creator ? (input.author_id ?? null) : null,
    authorName: creator ? (input.author_name ?? null) : null,
    text: input.text,
    status: "complete",
    channel: deps.route?.channel ?? deps.meta.channel,
    clientId: input.client_id,
  });
  deps.onStored();
  const sockets = deps.broadcast({
    type: "message",
    ...stored,
    ...(input.quick_replies?.length ? { quick_replies: input.quick_replies } : {}),
  });
  if (how.kind === "web") return { seq: stored.seq, duplicate: false, delivered: sockets > 0 };
  const error = await sendOnChannel(deps, how, stored, input.quick_replies);
  return error
    ? { seq: stored.seq, duplicate: false, delivered: false, error }
    : { seq: stored.seq, duplicate: false, delivered: true };
}
