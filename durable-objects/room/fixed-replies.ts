// The messages answered with fixed words instead of the assistant: a crisis (the services of the
// person's country, in their language) and a request for a person. What each reply says, and what
// happens beyond the room once it is sent.
import type { Logger } from "../../worker/lib/logger";
import { crisisReply } from "../../worker/safety/crisis-reply";
import { countryOfPhone } from "../../worker/safety/helplines";
import type { MessageDestination } from "./classify-message";
import { recordCrisis } from "./crisis-recorded";
import { HUMAN_REQUESTED_REPLY } from "./human-request";
import { recordHumanRequest } from "./human-requested";
import type { ReplyRoute } from "./reply-routes";
import type { RoomMeta } from "./room-meta";

/** A WhatsApp number says which country's services to name; the web and Telegram do not. */
function countryOf(route: ReplyRoute | null, meta: RoomMeta): string | null {
  if (route?.channel === "whatsapp") return countryOfPhone(route.externalChatId);
  if (!route && meta.channel === "whatsapp" && meta.externalChatId)
    return countryOfPhone(meta.externalChatId);
  return null;
}

/** The fixed reply to a message going to `destination`, or null when the assistant or coaching answers. */
export function fixedReplyTo(
  destination: MessageDestination,
  route: ReplyRoute | null,
  meta: RoomMeta,
): string | null {
  if (destination.kind === "crisis") return crisisReply(destination.signal, countryOf(route, meta));
  if (destination.kind === "human") return HUMAN_REQUESTED_REPLY;
  return null;
}

/** Flags the conversation, tells the creator and audits, after a fixed reply was sent. */
export function recordFixedReply(
  env: Env,
  meta: RoomMeta,
  destination: MessageDestination,
  message: { seq: number; text: string },
  logger: Logger,
): Promise<void> {
  if (destination.kind === "crisis")
    return recordCrisis(env, meta, { ...message, signal: destination.signal }, logger);
  return recordHumanRequest(env, meta, message, logger);
}
