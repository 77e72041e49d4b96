// Who saw a crisis, and when: the first time each member opens a conversation while it is flagged
// urgent is audited (`conversation.urgent_viewed`). Once per member and flag, not per request: the
// dashboard reloads an open transcript every few seconds.
import type { Context } from "hono";
import { queryAudit, recordAudit } from "../auth/audit";
import { forTenant } from "../db/tenant-gateway";
import type { AppEnv } from "../lib/app-env";

/**
 * Views this isolate already knows are audited, so a transcript polled every few seconds reads the
 * audit log once, not on every poll. The audit log stays the record: another isolate still checks it.
 */
const audited = new Set<string>();
const MAX_REMEMBERED = 10_000;

function remember(key: string): void {
  if (audited.size >= MAX_REMEMBERED) audited.clear();
  audited.add(key);
}

export async function recordUrgentView(
  c: Context<AppEnv>,
  conversation: { id: string; urgentAt: number | null },
): Promise<void> {
  if (conversation.urgentAt === null) return;
  const principal = c.get("principal");
  const key = `${principal.tenantId}:${principal.subjectId}:${conversation.id}:${conversation.urgentAt}`;
  if (audited.has(key)) return;
  const earlier = await queryAudit(forTenant(c.env.DB, principal.tenantId), {
    limit: 1,
    action: "conversation.urgent_viewed",
    actorId: principal.subjectId,
    targetId: conversation.id,
    since: conversation.urgentAt,
  });
  if (earlier.events.length === 0)
    await recordAudit(c, {
      action: "conversation.urgent_viewed",
      target: { type: "conversation", id: conversation.id },
    });
  remember(key);
}
