// A conversation as the inbox shows it, from its D1 index row and its contact.
import type { InboxRow } from "../db/conversation-inbox";

/** A conversation as the inbox shows it. */
export function toConversationJson({ conversation: row, contact }: InboxRow) {
  return {
    id: row.id,
    contact_id: row.contactId,
    channel: row.channel,
    status: row.status,
    started_at: row.startedAt,
    last_message_at: row.lastMessageAt,
    message_count: row.messageCount,
    last_preview: row.lastPreview,
    needs_human: row.needsHuman,
    needs_human_at: row.needsHumanAt,
    urgent_at: row.urgentAt,
    urgent_kind: row.urgentKind,
    test: row.test,
    taken_over: row.takenOverAt !== null,
    taken_over_by: row.takenOverBy ? { user_id: row.takenOverBy, name: row.takenOverByName } : null,
    taken_over_at: row.takenOverAt,
    low_confidence: row.lowConfidence,
    contact: contact
      ? {
          id: contact.id,
          display_name: contact.displayName,
          email: contact.email,
          channel: contact.channel,
          external_id: contact.externalId,
          site: contact.site,
          unreachable_at: contact.unreachableAt,
          unreachable_reason: contact.unreachableReason,
        }
      : null,
  };
}
