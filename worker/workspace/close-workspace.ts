// Closing a workspace whose sole member erased their account, and erasing it when its erasure window
// ends. Entry points refuse a closed workspace on their own (authentication, the widget's routes and
// socket upgrade, the channel webhooks, the coaching agents); what is already running is stopped here:
// every open conversation's sockets are told and closed and its waiting turns dropped (in pages, so a
// large workspace never runs one long request), and the Telegram bots' webhooks are removed. The data
// stays until the window ends; then the workspace delete erases it (vectors, originals, rooms, coaching
// agents, rows) and the receipt goes into the workspace's audit log, which outlives it.
import { and, asc, eq, gt } from "drizzle-orm";
import { recordSystemAudit } from "../auth/audit";
import { deleteTelegramWebhook } from "../channels/telegram/admin";
import { forTenant } from "../db/tenant-gateway";
import type { WorkspaceClosure } from "../db/workspace-store";
import { describeError, type Logger } from "../lib/logger";
import { roomFor } from "../lib/rooms";
import { deleteWorkspace } from "./delete-workspace";
import { WORKSPACE_CLOSED_CLOSE_CODE, WORKSPACE_CLOSED_FRAME } from "./workspace-closed";

/** Open conversations whose sockets are closed per pass. */
const SWEEP_PAGE = 100;

/** One pass of the sweep: the conversation to continue after (null: done) and how many sockets were closed. */
export type SweepPass = { next: string | null; sockets: number };

/**
 * Closes the sockets of one page of open conversations after `cursor`; once they are all done, removes
 * the webhooks of the workspace's Telegram bots (a failure there is logged: the webhook route answers a
 * closed workspace's updates with 200 and does nothing with them anyway).
 */
export async function sweepClosedWorkspace(
  env: Env,
  tenantId: string,
  cursor: string | null,
  logger: Logger,
): Promise<SweepPass> {
  const gateway = forTenant(env.DB, tenantId);
  const page = await gateway.list("conversations", {
    where: (t) => and(eq(t.status, "open"), cursor === null ? undefined : gt(t.id, cursor)),
    orderBy: (t) => asc(t.id),
    limit: SWEEP_PAGE,
  });
  let sockets = 0;
  for (const conversation of page)
    sockets += await roomFor(env, tenantId, conversation.id).closeSockets(
      WORKSPACE_CLOSED_FRAME,
      WORKSPACE_CLOSED_CLOSE_CODE,
    );
  if (page.length === SWEEP_PAGE) return { next: page[page.length - 1]?.id ?? null, sockets };
  const bots = await gateway.list("channels", {
    where: (t) => and(eq(t.kind, "telegram"), eq(t.status, "active")),
  });
  for (const bot of bots) {
    try {
      await deleteTelegramWebhook(env, bot);
    } catch (err) {
      logger.warn("telegram webhook of a closed workspace not removed", {
        channel_id: bot.id,
        ...describeError(err),
      });
    }
  }
  return { next: null, sockets };
}

/** What the receipt of an erasure records (the audit event `workspace.erased`). */
export type ErasureReceipt = {
  closed_at: string;
  erase_after: string;
  erased_at: string;
  documents: number;
  conversations: number;
  contacts: number;
  files: number;
};

/** Erases the closed workspace's data and writes the receipt; throws (nothing lost, repeatable) when a store fails. */
export async function eraseClosedWorkspace(
  env: Env,
  tenantId: string,
  closure: WorkspaceClosure & { eraseAfter: number },
): Promise<ErasureReceipt> {
  const deleted = await deleteWorkspace(env, forTenant(env.DB, tenantId), `erasure-${tenantId}`);
  const receipt: ErasureReceipt = {
    closed_at: new Date(closure.closedAt).toISOString(),
    erase_after: new Date(closure.eraseAfter).toISOString(),
    erased_at: new Date().toISOString(),
    ...deleted,
  };
  await recordSystemAudit(env.DB, tenantId, {
    action: "workspace.erased",
    target: { type: "workspace", id: tenantId },
    metadata: receipt,
  });
  return receipt;
}
