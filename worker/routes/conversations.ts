// Conversations for the dashboard: the D1 index (paged, newest activity first) and each
// conversation's messages, read from its room.
import { desc, sql } from "drizzle-orm";
import { Hono } from "hono";
import { z } from "zod";
import type { AppEnv } from "../app-env";
import { forPrincipal, type TenantRow } from "../db/tenant-gateway";
import { roomFor } from "../lib/rooms";
import { authenticate } from "../middleware/authenticate";
import { queryParams } from "../middleware/query-params";
import { requirePermission } from "../middleware/require-permission";

const ListQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(50),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});

const MessagesQuerySchema = z.object({
  after_seq: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

function toConversationJson(row: TenantRow<"conversations">) {
  return {
    id: row.id,
    contact_id: row.contactId,
    channel: row.channel,
    status: row.status,
    started_at: row.startedAt,
    last_message_at: row.lastMessageAt,
    message_count: row.messageCount,
    last_preview: row.lastPreview,
  };
}

export const conversationRoutes = new Hono<AppEnv>()
  .use(authenticate(), requirePermission("conversations:read"))
  .get("/", queryParams(ListQuerySchema), async (c) => {
    const { limit, offset } = c.req.valid("query");
    const { rows, nextOffset } = await forPrincipal(c.env.DB, c.get("principal")).page("conversations", {
      orderBy: (t) => [desc(sql`coalesce(${t.lastMessageAt}, ${t.startedAt})`), desc(t.id)],
      limit,
      offset,
    });
    return c.json({ conversations: rows.map(toConversationJson), next_offset: nextOffset });
  })
  .get("/:id/messages", queryParams(MessagesQuerySchema), async (c) => {
    const principal = c.get("principal");
    const conversation = await forPrincipal(c.env.DB, principal).get("conversations", c.req.param("id"));
    const { after_seq, limit } = c.req.valid("query");
    const page = await roomFor(c.env, principal.tenantId, conversation.id).listMessages(after_seq, limit);
    const last = page.messages.at(-1)?.seq;
    return c.json({
      conversation: toConversationJson(conversation),
      messages: page.messages,
      next_after_seq: last !== undefined && last < page.last_seq ? last : null,
    });
  });
