// Keeps the conversation's row in D1 (what the dashboard lists) in step with the room's log.
// The room calls this in batches from its alarm, never per token or per message.
import { forTenant } from "../../worker/db/tenant-gateway";
import type { MessageLog } from "./message-log";
import type { RoomMeta } from "./room-meta";

const PREVIEW_CHARS = 140;

/** Writes count, last message time and preview for the room's conversation. */
export async function syncConversationIndex(db: D1Database, meta: RoomMeta, log: MessageLog): Promise<void> {
  const [last] = log.recent(1);
  const stats = {
    messageCount: log.count(),
    lastMessageAt: last?.created_at ?? null,
    lastPreview: last ? last.text.slice(0, PREVIEW_CHARS) : null,
  };
  await forTenant(db, meta.tenantId).upsert(
    "conversations",
    { id: meta.conversationId, contactId: meta.contactId, channel: meta.channel, ...stats },
    stats,
  );
}
