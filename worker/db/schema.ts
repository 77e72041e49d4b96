// The D1 schema of the whole platform. drizzle-kit generates migrations/ from this file.
// Every table that belongs to a creator's workspace carries `tenant_id` and an `id` primary key, so the
// tenant gateway (tenant-gateway.ts) can scope any of them the same way. Times are Unix milliseconds.
import { sql } from "drizzle-orm";
import { index, integer, real, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { channelKinds, documentStatuses, roles } from "./enums";

const createdAt = () =>
  integer("created_at")
    .notNull()
    .default(sql`(unixepoch('subsec') * 1000)`);
const updatedAt = () =>
  integer("updated_at")
    .notNull()
    .default(sql`(unixepoch('subsec') * 1000)`);

/** A creator's workspace. */
export const tenants = sqliteTable("tenants", {
  id: text("id").primaryKey(),
  name: text("name").notNull(),
  slug: text("slug").notNull().unique(),
  plan: text("plan").notNull().default("free"),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
  deletedAt: integer("deleted_at"),
});

/** A person who signs in to the dashboard; belongs to workspaces through memberships. */
export const users = sqliteTable("users", {
  id: text("id").primaryKey(),
  email: text("email").notNull().unique(),
  fullName: text("full_name").notNull(),
  passwordHash: text("password_hash").notNull(),
  status: text("status", { enum: ["active", "deleted"] }).notNull().default("active"),
  // Access tokens issued before this instant are refused: logout-all, password change, deletion.
  tokensValidAfter: integer("tokens_valid_after").notNull().default(0),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
  deletedAt: integer("deleted_at"),
});


export const memberships = sqliteTable(
  "memberships",
  {
    id: text("id").primaryKey(),
    tenantId: text("tenant_id")
      .notNull()
      .references(() => tenants.id),
    userId: text("user_id")
      .notNull()
      .references(() => users.id),
    role: text("role", { enum: roles }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("memberships_tenant_user").on(t.tenantId, t.userId), index("memberships_user").on(t.userId)],
);

export const invitations = sqliteTable(
  "invitations",
  {
    id: text("id").primaryKey(),
    tenantId: text("tenant_id")
      .notNull()
      .references(() => tenants.id),
    email: text("email").notNull(),
    role: text("role", { enum: roles }).notNull(),
    tokenHash: text("token_hash").notNull().unique(),
    invitedBy: text("invited_by").notNull(),
    expiresAt: integer("expires_at").notNull(),
    acceptedAt: integer("accepted_at"),
    createdAt: createdAt(),
  },
  (t) => [index("invitations_tenant").on(t.tenantId)],
);

/** Opaque refresh tokens, stored only as hashes; a family is one sign-in and its rotations. */
export const refreshTokens = sqliteTable(
  "refresh_tokens",
  {
    id: text("id").primaryKey(),
    tenantId: text("tenant_id")
      .notNull()
      .references(() => tenants.id),
    userId: text("user_id")
      .notNull()
      .references(() => users.id),
    familyId: text("family_id").notNull(),
    parentId: text("parent_id"),
    tokenHash: text("token_hash").notNull().unique(),
    // Absolute end of the family: rotation never extends it.
    expiresAt: integer("expires_at").notNull(),
    usedAt: integer("used_at"),
    revokedAt: integer("revoked_at"),
    ip: text("ip"),
    userAgent: text("user_agent"),
    createdAt: createdAt(),
  },
  (t) => [
    index("refresh_tokens_family").on(t.familyId),
    index("refresh_tokens_user").on(t.userId),
    // Reuse detection looks up the child of a spent token.
    index("refresh_tokens_parent").on(t.parentId),
  ],
);

export const apiKeys = sqliteTable(
  "api_keys",
  {
    id: text("id").primaryKey(),
    tenantId: text("tenant_id")
      .notNull()
      .references(() => tenants.id),
    name: text("name").notNull(),
    prefix: text("prefix").notNull(),
    keyHash: text("key_hash").notNull().unique(),
    scopes: text("scopes", { mode: "json" }).$type<string[]>().notNull(),
    createdBy: text("created_by"),
    lastUsedAt: integer("last_used_at"),
    expiresAt: integer("expires_at"),
    revokedAt: integer("revoked_at"),
    createdAt: createdAt(),
  },
  (t) => [index("api_keys_tenant").on(t.tenantId)],
);

export const auditLog = sqliteTable(
  "audit_log",
  {
    id: text("id").primaryKey(),
    tenantId: text("tenant_id").notNull(),
    actorType: text("actor_type", { enum: ["user", "api_key", "system", "contact"] }).notNull(),
    actorId: text("actor_id"),
    action: text("action").notNull(),
    targetType: text("target_type"),
    targetId: text("target_id"),
    ip: text("ip"),
    userAgent: text("user_agent"),
    requestId: text("request_id"),
    metadata: text("metadata", { mode: "json" }).$type<Record<string, unknown>>(),
    createdAt: createdAt(),
  },
  (t) => [index("audit_log_tenant_time").on(t.tenantId, t.createdAt)],
);

/** The creator's voice, versioned: every save is a new row, the highest version is current. */
export const personas = sqliteTable(
  "personas",
  {
    id: text("id").primaryKey(),
    tenantId: text("tenant_id")
      .notNull()
      .references(() => tenants.id),
    version: integer("version").notNull(),
    data: text("data", { mode: "json" }).$type<Record<string, unknown>>().notNull(),
    createdBy: text("created_by"),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("personas_tenant_version").on(t.tenantId, t.version)],
);


export const documents = sqliteTable(
  "documents",
  {
    id: text("id").primaryKey(),
    tenantId: text("tenant_id")
      .notNull()
      .references(() => tenants.id),
    title: text("title").notNull(),
    kind: text("kind").notNull(),
    sizeBytes: integer("size_bytes").notNull().default(0),
    r2Key: text("r2_key"),
    sha256: text("sha256"),
    status: text("status", { enum: documentStatuses }).notNull().default("queued"),
    statusReason: text("status_reason"),
    chunkCount: integer("chunk_count").notNull().default(0),
    pageCount: integer("page_count"),
    // Which ingestion is current, and the last callback applied from it: stale or replayed callbacks are ignored.
    ingestAttempt: integer("ingest_attempt").notNull().default(0),
    ingestSeq: integer("ingest_seq").notNull().default(0),
    createdBy: text("created_by"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("documents_tenant").on(t.tenantId, t.createdAt)],
);

/**
 * A question the coach answered poorly (fell back, answered from general knowledge, or low confidence),
 * reported by the bridge; the dashboard shows them as gaps in the material. One row per turn.
 */
export const questionGaps = sqliteTable(
  "question_gaps",
  {
    id: text("id").primaryKey(),
    tenantId: text("tenant_id")
      .notNull()
      .references(() => tenants.id),
    conversationId: text("conversation_id").notNull(),
    turnId: text("turn_id").notNull(),
    question: text("question").notNull(),
    confidence: real("confidence").notNull(),
    grounding: text("grounding").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("question_gaps_tenant_time").on(t.tenantId, t.createdAt)],
);

/** The embeddable web widget of a workspace: its public key, allowed origins and look. */
export const widgets = sqliteTable(
  "widgets",
  {
    id: text("id").primaryKey(),
    tenantId: text("tenant_id")
      .notNull()
      .references(() => tenants.id),
    publicKey: text("public_key").notNull().unique(),
    allowedOrigins: text("allowed_origins", { mode: "json" }).$type<string[]>().notNull(),
    settings: text("settings", { mode: "json" }).$type<Record<string, unknown>>().notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("widgets_tenant").on(t.tenantId)],
);


/** A connected messaging channel (a Telegram bot, a WhatsApp number); secrets stay encrypted. */
export const channels = sqliteTable(
  "channels",
  {
    id: text("id").primaryKey(),
    tenantId: text("tenant_id")
      .notNull()
      .references(() => tenants.id),
    kind: text("kind", { enum: channelKinds }).notNull(),
    status: text("status", { enum: ["active", "error", "disconnected"] })
      .notNull()
      .default("active"),
    externalId: text("external_id"),
    configEncrypted: text("config_encrypted"),
    lastError: text("last_error"),
    lastMessageAt: integer("last_message_at"),
    // SHA-256 (hex) of the webhook secret the platform sends back (Telegram's secret_token, WhatsApp's
    // verify token): checked on every webhook without decrypting the config.
    webhookSecretHash: text("webhook_secret_hash"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("channels_tenant").on(t.tenantId), uniqueIndex("channels_kind_external").on(t.kind, t.externalId)],
);

/**
 * Webhook events already accepted (Telegram update ids, WhatsApp message and status ids), so a
 * redelivery has no effect. Rows expire after at least seven days; reached only through
 * channel-directory.ts, which looks channels up before the tenant is known.
 */
export const channelEvents = sqliteTable(
  "channel_events",
  {
    key: text("key").primaryKey(),
    channelId: text("channel_id").notNull(),
    expiresAt: integer("expires_at").notNull(),
  },
  (t) => [index("channel_events_expiry").on(t.expiresAt)],
);

/** Our outbound messages on a channel and the delivery status the platform last reported for them. */
export const channelDeliveries = sqliteTable(
  "channel_deliveries",
  {
    id: text("id").primaryKey(),
    tenantId: text("tenant_id")
      .notNull()
      .references(() => tenants.id),
    channelId: text("channel_id").notNull(),
    conversationId: text("conversation_id").notNull(),
    seq: integer("seq").notNull(),
    status: text("status", { enum: ["sent", "delivered", "read", "failed"] })
      .notNull()
      .default("sent"),
    error: text("error"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("channel_deliveries_conversation").on(t.tenantId, t.conversationId, t.seq)],
);

/** An end user of a creator: a widget visitor, a Telegram or WhatsApp contact. */
export const contacts = sqliteTable(
  "contacts",
  {
    id: text("id").primaryKey(),
    tenantId: text("tenant_id")
      .notNull()
      .references(() => tenants.id),
    channel: text("channel", { enum: channelKinds }).notNull(),
    externalId: text("external_id").notNull(),
    displayName: text("display_name"),
    email: text("email"),
    locale: text("locale"),
    timezone: text("timezone"),
    consentAt: integer("consent_at"),
    optedOutAt: integer("opted_out_at"),
    lastSeenAt: integer("last_seen_at"),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("contacts_tenant_channel_external").on(t.tenantId, t.channel, t.externalId)],
);

/** The D1 index of conversations; the messages themselves live in each ConversationRoom. */
export const conversations = sqliteTable(
  "conversations",
  {
    id: text("id").primaryKey(),
    tenantId: text("tenant_id")
      .notNull()
      .references(() => tenants.id),
    contactId: text("contact_id").references(() => contacts.id),
    channel: text("channel", { enum: channelKinds }).notNull(),
    status: text("status", { enum: ["open", "closed"] })
      .notNull()
      .default("open"),
    startedAt: createdAt(),
    lastMessageAt: integer("last_message_at"),
    messageCount: integer("message_count").notNull().default(0),
    lastPreview: text("last_preview"),
  },
  (t) => [index("conversations_tenant_last").on(t.tenantId, t.lastMessageAt), index("conversations_contact").on(t.contactId)],
);

/** Every table scoped by `tenant_id`: the only tables the tenant gateway serves. */
export const tenantTables = {
  memberships,
  invitations,
  refreshTokens,
  apiKeys,
  auditLog,
  personas,
  documents,
  questionGaps,
  widgets,
  channels,
  contacts,
  conversations,
} as const;
