// Tells a person's app about a reply they were not there to see: the assistant's answer, or a team
// member's during a takeover, stored while the conversation had no open socket. Sent by the room in
// the background (for web conversations, and for questions asked in the app whatever channel the
// conversation began on), at any hour: the person asked and is waiting for it, so the quiet hours that
// hold proactive messages back do not apply. A failure is logged, never thrown.
import { plainText } from "../channels/plain-text";
import { describeError, type Logger } from "../lib/logger";
import { notifyContact, shorten, type PushMessage } from "./notify-contact";

/** A notification's body: the reply's first line or two, as plain text. */
const REPLY_BODY_CHARS = 120;

/** The reply as a notification shows it: its Markdown reduced to words, shortened. */
export function replyPreview(text: string): string {
  return shorten(plainText(text), REPLY_BODY_CHARS);
}

/** Pushes the reply `message` to the devices of the person behind `contactId`. */
export async function pushReply(
  env: Parameters<typeof notifyContact>[0],
  tenantId: string,
  contactId: string,
  message: PushMessage,
  logger: Logger,
): Promise<void> {
  try {
    const result = await notifyContact(
      env,
      tenantId,
      contactId,
      { ...message, text: replyPreview(message.text) },
      logger,
    );
    if (result.sent > 0) logger.info("reply pushed", { seq: message.seq, devices: result.sent });
  } catch (err) {
    logger.warn("reply push failed", { seq: message.seq, ...describeError(err) });
  }
}
