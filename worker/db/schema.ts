// The D1 schema of the whole platform. drizzle-kit generates migrations/ from this file.
// Every table that belongs to a creator's workspace carries `tenant_id` and an `id` primary key, so the
// tenant gateway (tenant-gateway.ts) can scope any of them the same way. Times are Unix milliseconds.
import { sql } from "drizzle-orm";
import { index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { channelKinds, documentStatuses, roles } from "./enums";

const createdAt = () =>
  integer("created_at")
    .notNull()
    .default(sql`(unixepoch('subsec') * 1000)`);
const updatedAt = () =>
  integer("updated_at")
    .notNull()
    .default(sql`(unixepoch('subsec') * 1000)`);

/**
 * A creator's workspace. `deleted_at` set: closed to everyone (its sole member erased their account, or
 * it was deleted); a closed workspace's data is kept until `erase_after`, then erased (`erased_at`).
 */
export const tenants = sqliteTable("tenants", {
  id: text("id").primaryKey(),
  name: text("name").notNull(),
  slug: text("slug").notNull().unique(),
  plan: text("plan").notNull().default("free"),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
  deletedAt: integer("deleted_at"),
  eraseAfter: integer("erase_after"),
  erasedAt: integer("erased_at"),
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


/**
 * What a person must be told at their next sign-in, one row per kind (`code`) with how often it
 * happened: e.g. someone tried to register with their email. The sign-in answers and deletes them.
 */
export const accountNotices = sqliteTable(
  "account_notices",
  {
    userId: text("user_id")
      .notNull()
      .references(() => users.id),
    code: text("code", { enum: ["registration_attempted"] }).notNull(),
    count: integer("count").notNull().default(1),
    firstAt: integer("first_at").notNull(),
    lastAt: integer("last_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.code] })],
);

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
    // Dashboard inbox (issue 9): the user asked for a person; a creator answers instead of the assistant;
    // the last answer was below the confidence threshold or a fallback.
    needsHuman: integer("needs_human", { mode: "boolean" }).notNull().default(false),
    needsHumanAt: integer("needs_human_at"),
    takenOverBy: text("taken_over_by"),
    takenOverByName: text("taken_over_by_name"),
    takenOverAt: integer("taken_over_at"),
    lowConfidence: integer("low_confidence", { mode: "boolean" }).notNull().default(false),
  },
  (t) => [index("conversations_tenant_last").on(t.tenantId, t.lastMessageAt), index("conversations_contact").on(t.contactId)],
);

// ---- Dashboard backend (issue 9): analytics counters and outgoing webhooks ----

/**
 * Messages of one conversation on one UTC day, by author role; written by the room's batched index
 * sync (never per message), read by the analytics. `id` is `<conversation id>:<YYYY-MM-DD>`.
 */
export const conversationDays = sqliteTable(
  "conversation_days",
  {
    id: text("id").primaryKey(),
    tenantId: text("tenant_id")
      .notNull()
      .references(() => tenants.id),
    conversationId: text("conversation_id").notNull(),
    contactId: text("contact_id"),
    channel: text("channel", { enum: channelKinds }).notNull(),
    day: text("day").notNull(),
    userMessages: integer("user_messages").notNull().default(0),
    assistantMessages: integer("assistant_messages").notNull().default(0),
    creatorMessages: integer("creator_messages").notNull().default(0),
  },
  (t) => [index("conversation_days_tenant_day").on(t.tenantId, t.day)],
);

/**
 * One row per assistant answer (confidence, fallback, cited documents), written by the room's batched
 * index sync. `id` is `<conversation id>:<seq>`.
 */
export const answerStats = sqliteTable(
  "answer_stats",
  {
    id: text("id").primaryKey(),
    tenantId: text("tenant_id")
      .notNull()
      .references(() => tenants.id),
    conversationId: text("conversation_id").notNull(),
    seq: integer("seq").notNull(),
    day: text("day").notNull(),
    confidence: real("confidence"),
    fallback: integer("fallback", { mode: "boolean" }).notNull().default(false),
    citations: text("citations", { mode: "json" }).$type<{ document_id: string; title: string }[]>().notNull(),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [index("answer_stats_tenant_day").on(t.tenantId, t.day)],
);

/** An outgoing webhook a creator registered: where to POST which events; the signing secret sealed. */
export const webhookEndpoints = sqliteTable(
  "webhook_endpoints",
  {
    id: text("id").primaryKey(),
    tenantId: text("tenant_id")
      .notNull()
      .references(() => tenants.id),
    url: text("url").notNull(),
    events: text("events", { mode: "json" }).$type<string[]>().notNull(),
    description: text("description"),
    secretEncrypted: text("secret_encrypted").notNull(),
    createdBy: text("created_by"),
    createdAt: createdAt(),
  },
  (t) => [index("webhook_endpoints_tenant").on(t.tenantId)],
);

/** One event to one endpoint: the delivery log, and the queue the tenant's WebhookDispatcher works. */
export const webhookDeliveries = sqliteTable(
  "webhook_deliveries",
  {
    id: text("id").primaryKey(),
    tenantId: text("tenant_id")
      .notNull()
      .references(() => tenants.id),
    endpointId: text("endpoint_id").notNull(),
    event: text("event").notNull(),
    payload: text("payload").notNull(),
    status: text("status", { enum: ["pending", "delivered", "failed"] })
      .notNull()
      .default("pending"),
    attempts: integer("attempts").notNull().default(0),
    lastStatusCode: integer("last_status_code"),
    lastError: text("last_error"),
    nextAttemptAt: integer("next_attempt_at"),
    deliveredAt: integer("delivered_at"),
    createdAt: createdAt(),
  },
  (t) => [index("webhook_deliveries_endpoint").on(t.tenantId, t.endpointId, t.createdAt), index("webhook_deliveries_due").on(t.tenantId, t.status, t.nextAttemptAt)],
);

// ---- Proactive coaching (issue 10): programs, their versions, and the index of enrolments ----

/** A coaching program; its steps live in program_versions, `version` names the current one. */
export const programs = sqliteTable(
  "programs",
  {
    id: text("id").primaryKey(),
    tenantId: text("tenant_id")
      .notNull()
      .references(() => tenants.id),
    name: text("name").notNull(),
    goal: text("goal").notNull().default(""),
    slug: text("slug").notNull(),
    // Upper-cased, single-spaced: what a WhatsApp user sends to join.
    keyword: text("keyword"),
    status: text("status", { enum: ["active", "archived"] })
      .notNull()
      .default("active"),
    version: integer("version").notNull().default(1),
    createdBy: text("created_by"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("programs_tenant_slug").on(t.tenantId, t.slug), uniqueIndex("programs_tenant_keyword").on(t.tenantId, t.keyword)],
);

/** An immutable version of a program's step graph; enrolments stay on the version they joined. */
export const programVersions = sqliteTable(
  "program_versions",
  {
    id: text("id").primaryKey(),
    tenantId: text("tenant_id")
      .notNull()
      .references(() => tenants.id),
    programId: text("program_id").notNull(),
    version: integer("version").notNull(),
    steps: text("steps", { mode: "json" }).$type<Record<string, unknown>>().notNull(),
    createdBy: text("created_by"),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("program_versions_program_version").on(t.tenantId, t.programId, t.version)],
);

/**
 * The D1 index of enrolments, for listing and filtering; the state itself (current step, history,
 * next wake-up) lives in the contact's CoachingAgent, which updates this row as it moves.
 */
export const enrollments = sqliteTable(
  "enrollments",
  {
    id: text("id").primaryKey(),
    tenantId: text("tenant_id")
      .notNull()
      .references(() => tenants.id),
    programId: text("program_id").notNull(),
    programVersion: integer("program_version").notNull(),
    contactId: text("contact_id").notNull(),
    status: text("status", { enum: ["active", "completed", "ended", "opted_out"] })
      .notNull()
      .default("active"),
    currentNode: text("current_node"),
    nextWakeAt: integer("next_wake_at"),
    source: text("source").notNull(),
    startedAt: integer("started_at")
      .notNull()
      .default(sql`(unixepoch('subsec') * 1000)`),
    endedAt: integer("ended_at"),
    endReason: text("end_reason"),
  },
  (t) => [index("enrollments_tenant_program").on(t.tenantId, t.programId, t.status), index("enrollments_tenant_contact").on(t.tenantId, t.contactId)],
);

// ---- Coaching signals, commitments and outcomes (issue 10): rules, commitments, the event log ----

/** A creator's rule: when a contact's signals match `when`, send `then` (under caps and quiet hours). */
export const coachingRules = sqliteTable(
  "coaching_rules",
  {
    id: text("id").primaryKey(),
    tenantId: text("tenant_id")
      .notNull()
      .references(() => tenants.id),
    // Null: every contact of the workspace; else only contacts enrolled in this program.
    programId: text("program_id"),
    name: text("name").notNull(),
    when: text("when", { mode: "json" }).$type<Record<string, unknown>>().notNull(),
    then: text("then", { mode: "json" }).$type<Record<string, unknown>>().notNull(),
    enabled: integer("enabled", { mode: "boolean" }).notNull().default(true),
    createdBy: text("created_by"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("coaching_rules_tenant_program").on(t.tenantId, t.programId)],
);

/** A commitment or reminder a contact made in conversation, and how it turned out. */
export const commitments = sqliteTable(
  "commitments",
  {
    id: text("id").primaryKey(),
    tenantId: text("tenant_id")
      .notNull()
      .references(() => tenants.id),
    contactId: text("contact_id").notNull(),
    conversationId: text("conversation_id"),
    // The message it was read from: one commitment per message, however often it is delivered.
    sourceSeq: integer("source_seq"),
    sourceText: text("source_text").notNull(),
    // The enrolment and step the contact was on when they committed (adherence per program step).
    programId: text("program_id"),
    enrollmentId: text("enrollment_id"),
    stepNodeId: text("step_node_id"),
    kind: text("kind", { enum: ["commitment", "reminder"] }).notNull(),
    what: text("what").notNull(),
    dueAt: integer("due_at").notNull(),
    localTimeText: text("local_time_text").notNull(),
    count: integer("count"),
    period: text("period", { enum: ["day", "week", "month"] }),
    timeZone: text("time_zone").notNull(),
    status: text("status", { enum: ["open", "asked", "done", "partly", "not_yet", "cancelled"] })
      .notNull()
      .default("open"),
    followedUpAt: integer("followed_up_at"),
    outcomeAt: integer("outcome_at"),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("commitments_source").on(t.tenantId, t.conversationId, t.sourceSeq),
    index("commitments_tenant_contact").on(t.tenantId, t.contactId, t.createdAt),
    index("commitments_tenant_status").on(t.tenantId, t.status, t.createdAt),
  ],
);

/**
 * The coaching engine's history mirrored for analytics (enrolled, sent, answered, completed, nudges):
 * `id` is `<contact id>:<agent history seq>`, so a repeated export stores each event once.
 */
export const coachingEvents = sqliteTable(
  "coaching_events",
  {
    id: text("id").primaryKey(),
    tenantId: text("tenant_id")
      .notNull()
      .references(() => tenants.id),
    contactId: text("contact_id").notNull(),
    programId: text("program_id"),
    enrollmentId: text("enrollment_id"),
    nodeId: text("node_id"),
    event: text("event").notNull(),
    // A check-in's score, when the event is an answer on a scale.
    value: real("value"),
    detail: text("detail", { mode: "json" }).$type<Record<string, unknown>>(),
    at: integer("at").notNull(),
  },
  (t) => [index("coaching_events_tenant_program").on(t.tenantId, t.programId, t.at), index("coaching_events_tenant_contact").on(t.tenantId, t.contactId, t.at)],
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
  conversationDays,
  answerStats,
  webhookEndpoints,
  webhookDeliveries,
  programs,
  programVersions,
  enrollments,
  coachingRules,
  commitments,
  coachingEvents,
} as const;

// ---- Channel linking (issue 8): one person across Telegram and WhatsApp ----

/**
 * A contact that speaks for another (the canonical contact of a person who linked their channels):
 * its messages continue the canonical contact's conversation. Reached only through
 * contact-links.ts, which scopes every query by tenant.
 */
export const contactLinks = sqliteTable(
  "contact_links",
  {
    contactId: text("contact_id").primaryKey(),
    tenantId: text("tenant_id")
      .notNull()
      .references(() => tenants.id),
    linkedTo: text("linked_to").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("contact_links_tenant_linked_to").on(t.tenantId, t.linkedTo)],
);

/** Short-lived, single-use link codes, stored only as a hash of tenant and code. */
export const contactLinkCodes = sqliteTable(
  "contact_link_codes",
  {
    codeHash: text("code_hash").primaryKey(),
    tenantId: text("tenant_id")
      .notNull()
      .references(() => tenants.id),
    contactId: text("contact_id").notNull(),
    expiresAt: integer("expires_at").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("contact_link_codes_tenant_contact").on(t.tenantId, t.contactId)],
);
