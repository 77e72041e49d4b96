// Telegram tells a bot when a person blocks or unblocks it, with a `my_chat_member` update whose new
// status is "kicked" or "member" (https://core.telegram.org/bots/api#chatmemberupdated). The contact is
// marked unreachable at once, so nothing is tried until they come back, and reachable when they do.
import { Composer, type Context } from "grammy";
import { and, eq } from "drizzle-orm";
import { setContactUnreachable } from "../../db/channel-directory";
import { forTenant } from "../../db/tenant-gateway";
import type { BotDeps } from "./bot-context";

export const BLOCKED_REASON = "The person blocked the bot";

export function botBlockedComposer(deps: BotDeps): Composer<Context> {
  const blocked = new Composer<Context>();
  blocked.on("my_chat_member", async (ctx) => {
    const { chat, new_chat_member: member } = ctx.myChatMember;
    if (chat.type !== "private") return;
    const tenantId = deps.channel.tenantId;
    const [contact] = await forTenant(deps.env.DB, tenantId).list("contacts", {
      where: (t) => and(eq(t.channel, "telegram"), eq(t.externalId, String(chat.id))),
      limit: 1,
    });
    if (!contact) return;
    const reason = member.status === "kicked" ? BLOCKED_REASON : null;
    await setContactUnreachable(deps.env.DB, tenantId, contact.id, reason);
    deps.logger.info(reason ? "telegram bot blocked" : "telegram bot unblocked", {
      contact_id: contact.id,
    });
  });
  return blocked;
}
