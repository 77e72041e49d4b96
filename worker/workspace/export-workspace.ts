// The whole workspace as one JSON document (owners and admins): the persona, the widget's settings,
// the knowledge library (metadata; originals stay in R2), contacts, and every conversation with its
// messages read from its room.
import { desc } from "drizzle-orm";
import { loadPersona } from "../persona/load-persona";
import { roomEraser } from "../auth/gdpr/conversation-store";
import type { TenantGateway } from "../db/tenant-gateway";
import type { WorkspaceRow } from "../db/workspace-store";
import { toDocumentJson } from "../knowledge/document-view";
import { toWidgetView } from "../widget/widget-store";

/** Builds the export; conversations are read from their rooms one after another. */
export async function exportWorkspace(env: Env, gateway: TenantGateway, workspace: WorkspaceRow) {
  const [persona, widgets, documents, contacts, conversations] = await Promise.all([
    loadPersona(env.DB, gateway.tenantId),
    gateway.list("widgets"),
    gateway.list("documents", { orderBy: (t) => desc(t.createdAt) }),
    gateway.list("contacts"),
    gateway.list("conversations", { orderBy: (t) => desc(t.startedAt) }),
  ]);
  const rooms = roomEraser(env);
  const withMessages = [];
  for (const conversation of conversations) {
    withMessages.push({
      id: conversation.id,
      contact_id: conversation.contactId,
      channel: conversation.channel,
      status: conversation.status,
      started_at: conversation.startedAt,
      last_message_at: conversation.lastMessageAt,
      messages: await rooms.exportConversation(gateway.tenantId, conversation.id),
    });
  }
  return {
    workspace: {
      id: workspace.id,
      name: workspace.name,
      slug: workspace.slug,
      created_at: workspace.createdAt,
    },
    exported_at: new Date().toISOString(),
    persona: { version: persona.version, ...persona.persona },
    widget: widgets[0] ? toWidgetView(widgets[0]) : null,
    documents: documents.map(toDocumentJson),
    contacts: contacts.map((c) => ({
      id: c.id,
      channel: c.channel,
      external_id: c.externalId,
      display_name: c.displayName,
      email: c.email,
      locale: c.locale,
      timezone: c.timezone,
      consent_at: c.consentAt,
      opted_out_at: c.optedOutAt,
      last_seen_at: c.lastSeenAt,
      unreachable_at: c.unreachableAt,
      unreachable_reason: c.unreachableReason,
      created_at: c.createdAt,
    })),
    conversations: withMessages,
  };
}
