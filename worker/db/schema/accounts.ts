// The people who sign in to workspaces, and what guards their sign-in: memberships and
// invitations, refresh tokens, API keys and the audit log.
import {
  index,
  integer,
  primaryKey,
  sqliteTable,
  text,
  uniqueIndex,
} from "drizzle-orm/sqlite-core";
import { roles } from "../enums";
import { createdAt, createdBy, status, timestamps } from "./columns";
import { creationOrderIndex, indexedTenantTable, tenantTable } from "./tenants";

/** A person who signs in to the dashboard; belongs to workspaces through memberships. */
export const users = sqliteTable("users", {
  id: text("id").primaryKey(),
  email: text("email").notNull().unique(),
  fullName: text("full_name").notNull(),
  passwordHash: text("password_hash").notNull(),
  status: status(["active", "deleted"], "active"),
  // Access tokens issued before this instant are refused: logout-all, password change, deletion.
  tokensValidAfter: integer("tokens_valid_after").notNull().default(0),
  ...timestamps(),
  deletedAt: integer("deleted_at"),
});

/** The person a row is about: required, and a foreign key to `users`. */
const userId = () =>
  text("user_id")
    .notNull()
    .references(() => users.id);

/**
 * What a person must be told at their next sign-in, one row per kind (`code`) with how often it
 * happened: e.g. someone tried to register with their email. The sign-in answers and deletes them.
 */
export const accountNotices = sqliteTable(
  "account_notices",
  {
    userId: userId(),
    code: text("code", { enum: ["registration_attempted"] }).notNull(),
    count: integer("count").notNull().default(1),
    firstAt: integer("first_at").notNull(),
    lastAt: integer("last_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.code] })],
);

export const memberships = tenantTable(
  "memberships",
  {
    userId: userId(),
    role: text("role", { enum: roles }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("memberships_tenant_user").on(t.tenantId, t.userId),
    index("memberships_user").on(t.userId),
  ],
);

export const invitations = indexedTenantTable("invitations", {
  email: text("email").notNull(),
  role: text("role", { enum: roles }).notNull(),
  tokenHash: text("token_hash").notNull().unique(),
  invitedBy: text("invited_by").notNull(),
  expiresAt: integer("expires_at").notNull(),
  acceptedAt: integer("accepted_at"),
  // Kept rather than deleted, so a revoked link can say it was revoked.
  revokedAt: integer("revoked_at"),
  createdAt: createdAt(),
});

/** Opaque refresh tokens, stored only as hashes; a family is one sign-in and its rotations. */
export const refreshTokens = tenantTable(
  "refresh_tokens",
  {
    userId: userId(),
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

export const apiKeys = indexedTenantTable("api_keys", {
  name: text("name").notNull(),
  prefix: text("prefix").notNull(),
  keyHash: text("key_hash").notNull().unique(),
  scopes: text("scopes", { mode: "json" }).$type<string[]>().notNull(),
  createdBy: createdBy(),
  lastUsedAt: integer("last_used_at"),
  expiresAt: integer("expires_at"),
  revokedAt: integer("revoked_at"),
  createdAt: createdAt(),
});

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
  (t) => [creationOrderIndex("audit_log_tenant_time", t)],
);
