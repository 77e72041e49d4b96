// Conversations for the dashboard: the inbox from the D1 index (paged, newest activity first; search,
// channel, needs-human, urgent and takeover filters), one conversation, and its messages read from its room
// (their sources under the documents' current titles).
// Taking over, writing and handing back live in conversation-takeover.ts; resolving a crisis flag in
// conversation-urgent.ts.
import { channelKinds } from "../db/enums";
import { Hono } from "hono";
import { z } from "zod";
import type { AppEnv } from "../lib/app-env";
import { findInboxConversation, listInbox } from "../db/conversation-inbox";
import { deliveriesOf } from "../db/channel-directory";
import { withCurrentTitles } from "../knowledge/document-titles";
import { notFound } from "../lib/errors";
import { roomFor } from "../lib/rooms";
import { authenticate } from "../middleware/authenticate";
import { queryParams } from "../middleware/query-params";
import { requirePermission } from "../middleware/require-permission";
import { recordUrgentView } from "../safety/urgent-view";
import { toConversationJson } from "./conversation-json";
import { conversationTakeoverRoutes } from "./conversation-takeover";
import { conversationUrgentRoutes } from "./conversation-urgent";
import { PageQuerySchema } from "./page-query";

const flag = z.enum(["true", "false"]).transform((v) => v === "true");

const ListQuerySchema = PageQuerySchema.extend({
  q: z.string().trim().max(200).optional(),
  channel: z.enum(channelKinds).optional(),
  needs_human: flag.optional(),
  urgent: flag.optional(),
  test: flag.optional(),
  taken_over: flag.optional(),
});

const MessagesQuerySchema = z.object({
  after_seq: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export const conversationRoutes = new Hono<AppEnv>()
  .use(authenticate())
  .get("/", requirePermission("conversations:read"), queryParams(ListQuerySchema), async (c) => {
    const query = c.req.valid("query");
    const { rows, nextOffset } = await listInbox(c.env.DB, c.get("principal").tenantId, {
      q: query.q,
      channel: query.channel,
      needsHuman: query.needs_human,
      urgent: query.urgent,
      test: query.test,
      takenOver: query.taken_over,
      limit: query.limit,
      offset: query.offset,
    });
    return c.json({ conversations: rows.map(toConversationJson), next_offset: nextOffset });
  })
  .get("/:id", requirePermission("conversations:read"), async (c) => {
    const row = await findInboxConversation(
      c.env.DB,
      c.get("principal").tenantId,
      c.req.param("id"),
    );
    if (!row) throw notFound("conversation");
    await recordUrgentView(c, row.conversation);
    return c.json(toConversationJson(row));
  })
  .get(
    "/:id/messages",
    requirePermission("conversations:read"),
    queryParams(MessagesQuerySchema),
    async (c) => {
      const principal = c.get("principal");
      const row = await findInboxConversation(c.env.DB, principal.tenantId, c.req.param("id"));
      if (!row) throw notFound("conversation");
      await recordUrgentView(c, row.conversation);
      const { after_seq, limit } = c.req.valid("query");
      const page = await roomFor(c.env, principal.tenantId, row.conversation.id).listMessages(
        after_seq,
        limit,
      );
      const last = page.messages.at(-1)?.seq;
      // An answer given before its document was renamed is shown under the new title.
      const messages = await withCurrentTitles(c.env.DB, principal.tenantId, page.messages);
      const deliveries = await deliveriesOf(
        c.env.DB,
        principal.tenantId,
        row.conversation.id,
        messages.filter((m) => m.role !== "user").map((m) => m.seq),
      );
      return c.json({
        conversation: toConversationJson(row),
        // `sources` is the clients' name for an answer's citations.
        messages: messages.map((m) => {
          const delivery = deliveries.get(m.seq);
          return { ...m, sources: m.citations, ...(delivery ? { delivery } : {}) };
        }),
        next_after_seq: last !== undefined && last < page.last_seq ? last : null,
      });
    },
  )
  .route("/", conversationTakeoverRoutes)
  .route("/", conversationUrgentRoutes);
