// Who saw a crisis, and when: the first time each member opens a conversation while it is flagged
// urgent is audited (`conversation.urgent_viewed`). Once per member and flag, not per request: the
// dashboard reloads an open transcript every few seconds.
import type { Context } from "hono";
import { queryAudit, recordAudit } from "../auth/audit";
import { forTenant } from "../db/tenant-gateway";
import type { AppEnv } from "../lib/app-env";

export async function recordUrgentView(
  c: Context<AppEnv>,
  conversation: { id: string; urgentAt: number | null },
): Promise<void> {
  if (conversation.urgentAt === null) return;
  const principal = c.get("principal");
  const earlier = await queryAudit(forTenant(c.env.DB, principal.tenantId), {
    limit: 1,
    action: "conversation.urgent_viewed",
    actorId: principal.subjectId,
    targetId: conversation.id,
    since: conversation.urgentAt,
  });
  if (earlier.events.length > 0) return;
  await recordAudit(c, {
    action: "conversation.urgent_viewed",
    target: { type: "conversation", id: conversation.id },
  });
}
