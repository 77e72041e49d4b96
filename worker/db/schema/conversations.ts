// A creator's users and their conversations: contacts, the conversations' D1 index (the messages live
// in each ConversationRoom), and the counters the analytics read.
import { CONTACT_LANGUAGES } from "@coach/contracts/programs";
import { index, integer, real, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { channelKinds } from "../enums";
import { createdAt, status } from "./columns";
import { dailyTenantTable, tenantTable } from "./tenants";

/** An end user of a creator: a widget visitor, a Telegram or WhatsApp contact. */
export const contacts = tenantTable(
  "contacts",
  {
    channel: text("channel", { enum: channelKinds }).notNull(),
    externalId: text("external_id").notNull(),
    displayName: text("display_name"),
    email: text("email"),
    locale: text("locale"),
    /** The language a member chose for the platform's words to them (en/es/pt/fr/de); null: automatic. */
    language: text("language", { enum: CONTACT_LANGUAGES }),
    /** A widget visitor's site: the host name of the page they first opened the widget on, nothing more. */
    site: text("site"),
    timezone: text("timezone"),
    consentAt: integer("consent_at"),
    optedOutAt: integer("opted_out_at"),
    lastSeenAt: integer("last_seen_at"),
    /** When the platform refused to deliver to them (a blocked bot); cleared when they write again. */
    unreachableAt: integer("unreachable_at"),
    unreachableReason: text("unreachable_reason"),
    /** When a message of theirs read as a crisis: proactive messages wait until a member resolves it. */
    careHoldAt: integer("care_hold_at"),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("contacts_tenant_channel_external").on(t.tenantId, t.channel, t.externalId)],
);

/** The D1 index of conversations; the messages themselves live in each ConversationRoom. */
export const conversations = tenantTable(
  "conversations",
  {
    contactId: text("contact_id").references(() => contacts.id),
    channel: text("channel", { enum: channelKinds }).notNull(),
    status: status(["open", "closed"], "open"),
    startedAt: createdAt(),
    lastMessageAt: integer("last_message_at"),
    messageCount: integer("message_count").notNull().default(0),
    lastPreview: text("last_preview"),
    // Dashboard inbox: the user asked for a person; a creator answers instead of the assistant;
    // the last answer was below the confidence threshold or a fallback.
    needsHuman: integer("needs_human", { mode: "boolean" }).notNull().default(false),
    needsHumanAt: integer("needs_human_at"),
    takenOverBy: text("taken_over_by"),
    takenOverByName: text("taken_over_by_name"),
    takenOverAt: integer("taken_over_at"),
    lowConfidence: integer("low_confidence", { mode: "boolean" }).notNull().default(false),
    /** A member's test chat from the dashboard: kept out of the analytics and the gaps. */
    test: integer("is_test", { mode: "boolean" }).notNull().default(false),
    // A message read as a crisis (self-harm, harm to others, abuse, a medical emergency): urgent in
    // the inbox until a member resolves it.
    urgentAt: integer("urgent_at"),
    urgentKind: text("urgent_kind", {
      enum: ["self_harm", "harm_to_others", "abuse", "medical_emergency"],
    }),
  },
  (t) => [
    index("conversations_tenant_last").on(t.tenantId, t.lastMessageAt),
    index("conversations_contact").on(t.contactId),
  ],
);

/**
 * Messages of one conversation on one UTC day, by author role; written by the room's batched index
 * sync (never per message), read by the analytics. `id` is `<conversation id>:<YYYY-MM-DD>`.
 */
export const conversationDays = dailyTenantTable("conversation_days", {
  conversationId: text("conversation_id").notNull(),
  contactId: text("contact_id"),
  channel: text("channel", { enum: channelKinds }).notNull(),
  day: text("day").notNull(),
  userMessages: integer("user_messages").notNull().default(0),
  assistantMessages: integer("assistant_messages").notNull().default(0),
  creatorMessages: integer("creator_messages").notNull().default(0),
});

/**
 * One row per assistant answer (confidence, fallback, cited documents), written by the room's batched
 * index sync. `id` is `<conversation id>:<seq>`.
 */
export const answerStats = dailyTenantTable("answer_stats", {
  conversationId: text("conversation_id").notNull(),
  seq: integer("seq").notNull(),
  day: text("day").notNull(),
  confidence: real("confidence"),
  fallback: integer("fallback", { mode: "boolean" }).notNull().default(false),
  citations: text("citations", { mode: "json" })
    .$type<{ document_id: string; title: string }[]>()
    .notNull(),
  createdAt: integer("created_at").notNull(),
});
