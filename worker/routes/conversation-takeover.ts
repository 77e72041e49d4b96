// Taking over a conversation from the dashboard: a person from the creator's team pauses the
// assistant, writes to the user on their channel, and hands back. The room is the source of truth
// for the pause; the D1 row mirrors it for the inbox. Mounted under /conversations after authenticate().
import { ClientMessageIdSchema, MAX_MESSAGE_CHARS } from "@coach/contracts/socket";
import { Hono, type Context } from "hono";
import { createMiddleware } from "hono/factory";
import { z } from "zod";
import type { AppEnv } from "../lib/app-env";
import { recordAudit } from "../auth/audit";
import { findUserById } from "../db/accounts";
import { forPrincipal, type TenantRow } from "../db/tenant-gateway";
import { emitEvent } from "../integrations/emit-event";
import { AppError } from "../lib/errors";
import { roomFor } from "../lib/rooms";
import { jsonBody } from "../middleware/json-body";
import { requirePermission } from "../middleware/require-permission";

const MessageSchema = z.object({
  text: z
    .string()
    .trim()
    .min(1, "The message is empty.")
    .max(MAX_MESSAGE_CHARS, `Messages are at most ${MAX_MESSAGE_CHARS} characters.`),
  client_id: ClientMessageIdSchema.optional(),
});

/** The conversation (404 for a missing one or another workspace's) and its room. */
async function conversationOf(c: Context<AppEnv>) {
  const principal = c.get("principal");
  const conversation = await forPrincipal(c.env.DB, principal).get(
    "conversations",
    c.req.param("id") ?? "",
  );
  return { conversation, room: roomFor(c.env, principal.tenantId, conversation.id) };
}

/** What the room needs to bind itself if no message has opened it yet. */
function metaOf({ tenantId, id, contactId, channel }: TenantRow<"conversations">) {
  return { tenantId, conversationId: id, contactId, channel };
}

const ownConversation = createMiddleware<AppEnv>(async (c, next) => {
  await forPrincipal(c.env.DB, c.get("principal")).get("conversations", c.req.param("id") ?? "");
  await next();
});

/** Audits a takeover or handback that changed the room, and tells the workspace's webhooks. */
async function announce(
  c: Context<AppEnv>,
  action: "conversation.takeover" | "conversation.handback",
  conversation: TenantRow<"conversations">,
  extra: Record<string, unknown>,
): Promise<void> {
  await recordAudit(c, { action, target: { type: "conversation", id: conversation.id } });
  c.executionCtx.waitUntil(
    emitEvent(c.env, c.get("principal").tenantId, action, {
      conversation_id: conversation.id,
      contact_id: conversation.contactId,
      channel: conversation.channel,
      ...extra,
    }),
  );
}

export const conversationTakeoverRoutes = new Hono<AppEnv>()
  .post("/:id/takeover", requirePermission("conversations:write"), async (c) => {
    const principal = c.get("principal");
    const { conversation, room } = await conversationOf(c);
    const user = await findUserById(c.env.DB, principal.subjectId);
    const { takeover, changed } = await room.takeover(metaOf(conversation), {
      user_id: principal.subjectId,
      name: user?.fullName ?? "The coach",
    });
    if (!takeover) throw new Error("The room did not record the takeover.");
    if (changed) {
      await forPrincipal(c.env.DB, principal).update("conversations", conversation.id, {
        takenOverBy: takeover.user_id,
        takenOverByName: takeover.name,
        takenOverAt: takeover.at,
        needsHuman: false,
      });
      await announce(c, "conversation.takeover", conversation, {
        taken_over_by: { user_id: takeover.user_id, name: takeover.name },
      });
    }
    return c.json({
      conversation_id: conversation.id,
      taken_over: true,
      taken_over_by: { user_id: takeover.user_id, name: takeover.name },
      taken_over_at: takeover.at,
    });
  })
  // Another workspace's conversation is a 404 before the body is even looked at.
  .post(
    "/:id/messages",
    requirePermission("conversations:write"),
    ownConversation,
    jsonBody(MessageSchema, { maxBytes: 64 * 1024 }),
    async (c) => {
      const principal = c.get("principal");
      const { conversation, room } = await conversationOf(c);
      const takeover = await room.currentTakeover();
      if (!takeover) {
        throw new AppError(
          409,
          "not_taken_over",
          "Take over the conversation first; while the assistant answers, messages cannot be written into it.",
        );
      }
      const body = c.req.valid("json");
      const user = await findUserById(c.env.DB, principal.subjectId);
      const result = await room.sendOutbound({
        meta: metaOf(conversation),
        client_id: body.client_id ?? `crt_${crypto.randomUUID().replaceAll("-", "")}`,
        text: body.text,
        author: "creator",
        source: "takeover",
        author_name: user?.fullName ?? takeover.name,
        author_id: principal.subjectId,
      });
      // Nothing was stored: the platform would not carry it (WhatsApp's window, a blocked bot).
      if (
        result.error?.code === "whatsapp_window_closed" ||
        result.error?.code === "contact_unreachable"
      )
        throw new AppError(409, result.error.code, result.error.message);
      if (!result.duplicate) {
        await recordAudit(c, {
          action: "conversation.message_sent",
          target: { type: "conversation", id: conversation.id },
          metadata: {
            seq: result.seq,
            delivered: result.delivered,
            ...(result.error ? { error: result.error.code } : {}),
          },
        });
      }
      return c.json(
        {
          seq: result.seq,
          delivered: result.delivered,
          duplicate: result.duplicate,
          ...(result.error ? { error: result.error } : {}),
        },
        result.duplicate ? 200 : 201,
      );
    },
  )
  .post("/:id/handback", requirePermission("conversations:write"), async (c) => {
    const principal = c.get("principal");
    const { conversation, room } = await conversationOf(c);
    const { changed } = await room.handback();
    if (changed || conversation.takenOverAt !== null) {
      await forPrincipal(c.env.DB, principal).update("conversations", conversation.id, {
        takenOverBy: null,
        takenOverByName: null,
        takenOverAt: null,
      });
    }
    if (changed)
      await announce(c, "conversation.handback", conversation, {
        handed_back_by: principal.subjectId,
      });
    return c.json({ conversation_id: conversation.id, taken_over: false });
  });
