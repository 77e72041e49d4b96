// The full-text index of conversation messages (an FTS5 virtual table created by migration 0005).
// Modelled here rather than in schema.ts so drizzle-kit never tries to create it as a plain table;
// rows are written by the rooms' batched index sync and read by the inbox search.
import { sql } from "drizzle-orm";
import { integer, sqliteTable, text } from "drizzle-orm/sqlite-core";

export const conversationSearch = sqliteTable("conversation_search", {
  tenantId: text("tenant_id").notNull(),
  conversationId: text("conversation_id").notNull(),
  seq: integer("seq").notNull(),
  body: text("body").notNull(),
});

/** `q` as an FTS5 query: each word quoted (no operators from users) and matched as a prefix, all required. */
export function ftsQuery(q: string): string | null {
  const words = q.match(/[\p{L}\p{N}]+/gu)?.slice(0, 8) ?? [];
  return words.length ? words.map((w) => `"${w}"*`).join(" ") : null;
}

/** Ids of the tenant's conversations whose messages match the FTS5 query, as a sub-select. */
export function conversationsMatching(tenantId: string, match: string) {
  return sql`SELECT conversation_id FROM conversation_search WHERE conversation_search MATCH ${match} AND tenant_id = ${tenantId}`;
}
