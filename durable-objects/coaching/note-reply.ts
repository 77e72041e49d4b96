// Tells the contact's CoachingAgent that they wrote to us, from the room that stored the message: the
// agent keeps the time of their last reply (activity conditions, inactivity rules) and reads the text
// as an answer to a check-in that awaits one (typed, or a pressed quick reply: a check-in's chips reach
// the agent here, whatever room/coaching-replies.ts makes of them), thanking it in this conversation.
// Never throws: coaching must not hold up a conversation.
import { coachingAgentFor } from "../../worker/lib/coaching-agents";
import { describeError, type Logger } from "../../worker/lib/logger";
import type { RoomMeta } from "../room/room-meta";

export async function noteCoachingReply(
  env: Env,
  meta: RoomMeta,
  reply: { text: string; quickReplyId: string | null },
  logger: Logger,
): Promise<void> {
  if (!meta.contactId) return;
  try {
    await coachingAgentFor(env, meta.tenantId, meta.contactId).recordReply({
      text: reply.text,
      conversation_id: meta.conversationId,
      ...(reply.quickReplyId ? { quick_reply_id: reply.quickReplyId } : {}),
    });
  } catch (err) {
    logger.warn("coaching agent not told of a reply", {
      contact_id: meta.contactId,
      ...describeError(err),
    });
  }
}
