// What a fixed reply (a request for a person, a crisis) leaves behind beyond the room: the
// conversation's inbox flags set, an audit entry with the contact as the actor, and the event the
// creator's webhooks hear. Runs after the reply is sent; a failed write is logged, never shown to the user.
import type { OutgoingEventType } from "../../worker/integrations/event-types";
import { emitEvent } from "../../worker/integrations/emit-event";
import { forTenant, type TenantPatch } from "../../worker/db/tenant-gateway";
import { newId } from "../../worker/lib/ids";
import { describeError, type Logger } from "../../worker/lib/logger";
import type { RoomMeta } from "./room-meta";

export type ConversationFlag = {
  /** The inbox flags to set on the conversation. */
  flags: TenantPatch<"conversations">;
  /** The audit action, and what it records beside the channel. */
  action: string;
  metadata: Record<string, unknown>;
  /** The webhook event, and what it carries beside the conversation, contact and channel. */
  event: OutgoingEventType;
  data: Record<string, unknown>;
};

export async function flagConversation(
  env: Env,
  meta: RoomMeta,
  flag: ConversationFlag,
  logger: Logger,
): Promise<void> {
  const gateway = forTenant(env.DB, meta.tenantId);
  try {
    await gateway.update("conversations", meta.conversationId, flag.flags);
    await gateway.insert("auditLog", {
      id: newId(),
      actorType: "contact",
      actorId: meta.contactId,
      action: flag.action,
      targetType: "conversation",
      targetId: meta.conversationId,
      metadata: { ...flag.metadata, channel: meta.channel },
      createdAt: Date.now(),
    });
  } catch (err) {
    logger.error(`${flag.action} not recorded`, describeError(err));
  }
  await emitEvent(env, meta.tenantId, flag.event, {
    conversation_id: meta.conversationId,
    contact_id: meta.contactId,
    channel: meta.channel,
    ...flag.data,
  });
}
