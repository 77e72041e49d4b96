// What happens beyond the room when a message reads as a crisis: the conversation is flagged urgent
// (and as needing a person) for the inbox, proactive messages to the contact are held until a member
// resolves the flag, the audit log records it (actor: the contact), and the creator's webhooks hear
// `crisis.detected`. Runs after the fixed reply is sent; failures are logged, never shown to the user.
import { setCareHold } from "../../worker/db/care-hold";
import { describeError, type Logger } from "../../worker/lib/logger";
import type { CrisisSignal } from "../../worker/safety/detect-crisis";
import { flagConversation } from "./flag-conversation";
import type { RoomMeta } from "./room-meta";

export async function recordCrisis(
  env: Env,
  meta: RoomMeta,
  message: { seq: number; text: string; signal: CrisisSignal },
  logger: Logger,
): Promise<void> {
  const { kind, language } = message.signal;
  const now = Date.now();
  // The words stay in the room's log; the operator's log gets what happened, not what was said.
  logger.warn("crisis detected", { conversation_id: meta.conversationId, kind, language });
  if (meta.contactId)
    await setCareHold(env.DB, meta.tenantId, meta.contactId, now).catch((err: unknown) =>
      logger.error("care hold not set", describeError(err)),
    );
  await flagConversation(
    env,
    meta,
    {
      flags: { needsHuman: true, needsHumanAt: now, urgentAt: now, urgentKind: kind },
      action: "conversation.crisis_detected",
      metadata: { seq: message.seq, kind },
      event: "crisis.detected",
      data: { seq: message.seq, kind, language, text: message.text },
    },
    logger,
  );
}
