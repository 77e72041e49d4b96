// Resolving a crisis flag: a member who has looked after the person clears the urgent flag (and the
// needs-a-person flag it set), which lets proactive messages to the contact go out again. Audited, so
// the log shows who resolved it and when. Mounted under /conversations after authenticate().
import { Hono } from "hono";
import type { AppEnv } from "../lib/app-env";
import { recordAudit } from "../auth/audit";
import { setCareHold } from "../db/care-hold";
import { findInboxConversation } from "../db/conversation-inbox";
import { forPrincipal } from "../db/tenant-gateway";
import { notFound } from "../lib/errors";
import { requirePermission } from "../middleware/require-permission";
import { toConversationJson } from "./conversation-json";

export const conversationUrgentRoutes = new Hono<AppEnv>().post(
  "/:id/resolve-urgent",
  requirePermission("conversations:write"),
  async (c) => {
    const principal = c.get("principal");
    const id = c.req.param("id");
    const gateway = forPrincipal(c.env.DB, principal);
    const conversation = await gateway.get("conversations", id);
    if (conversation.urgentAt !== null) {
      await gateway.update("conversations", id, {
        urgentAt: null,
        urgentKind: null,
        needsHuman: false,
      });
      if (conversation.contactId)
        await setCareHold(c.env.DB, principal.tenantId, conversation.contactId, null);
      await recordAudit(c, {
        action: "conversation.urgent_resolved",
        target: { type: "conversation", id },
        metadata: { kind: conversation.urgentKind, flagged_at: conversation.urgentAt },
      });
    }
    const row = await findInboxConversation(c.env.DB, principal.tenantId, id);
    if (!row) throw notFound("conversation");
    return c.json(toConversationJson(row));
  },
);
