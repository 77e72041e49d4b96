// What happens beyond the room when a user asks for a person: the conversation is flagged for the
// inbox, the creator's webhooks hear `human.requested`, and the audit log records it (actor: the
// contact). Runs after the reply is sent; failures are logged, never shown to the user.
import { newId } from "../../worker/lib/ids";
import { forTenant } from "../../worker/db/tenant-gateway";
import { emitEvent } from "../../worker/integrations/emit-event";
import { describeError, type Logger } from "../../worker/lib/logger";
import type { RoomMeta } from "./room-meta";

export async function recordHumanRequest(
  env: Env,
  meta: RoomMeta,
  request: { seq: number; text: string },
  logger: Logger,
): Promise<void> {
  const gateway = forTenant(env.DB, meta.tenantId);
  const now = Date.now();
  try {
    await gateway.update("conversations", meta.conversationId, {
      needsHuman: true,
      needsHumanAt: now,
    });
    await gateway.insert("auditLog", {
      id: newId(),
      actorType: "contact",
      actorId: meta.contactId,
      action: "conversation.human_requested",
      targetType: "conversation",
      targetId: meta.conversationId,
      metadata: { seq: request.seq, channel: meta.channel },
      createdAt: now,
    });
  } catch (err) {
    logger.error("human request not recorded", describeError(err));
  }
  await emitEvent(env, meta.tenantId, "human.requested", {
    conversation_id: meta.conversationId,
    contact_id: meta.contactId,
    channel: meta.channel,
    seq: request.seq,
    text: request.text,
  });
}
